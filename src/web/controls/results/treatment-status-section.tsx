import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import {
  treatmentResultsVersioned,
  treatmentStatusSchema,
} from '../../../schema/controls/treatment-result.versioned.js';
import { useT } from '../../i18n/i18n.js';
import { Button } from '../../ui/button.js';
import { registerDataSection, type DataEditorProps, type DataViewProps } from '../../versioning/data-sections.js';
import { Tile } from '../../risks/tiles.js';
import { PlanTable } from '../plan/plan-table.js';
import '../plan/plan.css';
import '../../risks/risks.css';

const STEP = 100;

/**
 * The treatment plan's status as the draft froze it (8.3): counts (risks, options, actions done / overdue, controls
 * implemented, residual risk against the acceptance criteria, acceptances), then every row of the plan, read-only.
 */
function StatusView({ org, value }: DataViewProps) {
  const { t, td, formatDate, formatNumber } = useT();
  const [shown, setShown] = useState(STEP);
  const parsed = treatmentStatusSchema.safeParse(value);
  if (!parsed.success || parsed.data.statusDate === null)
    return <p className="doc__empty">{t('treatmentResults.noStatus')}</p>;
  const { statusDate, counts: c, rows } = parsed.data;
  return (
    <div className="treatment-status">
      <p>{t('treatmentResults.asOf', { date: formatDate(statusDate) })}</p>
      <dl className="tiles" aria-label={t('treatmentResults.counts')}>
        <Tile label={t('treatmentResults.count.risks')} value={c.risks} />
        <Tile label={t('treatmentResults.count.actions')} value={c.actions} />
        <Tile label={t('treatmentResults.count.actionsDone')} value={c.actionsDone} tone="ok" />
        <Tile label={t('treatmentResults.count.actionsOverdue')} value={c.actionsOverdue} tone="treat" />
        <Tile label={t('treatmentResults.count.controls')} value={c.controls} />
        <Tile label={t('treatmentResults.count.controlsImplemented')} value={c.controlsImplemented} tone="ok" />
        <Tile label={t('treatmentResults.count.residualAcceptable')} value={c.residualAcceptable} tone="ok" />
        <Tile
          label={t('treatmentResults.count.residualBeyondAcceptance')}
          value={c.residualBeyondAcceptance}
          tone="treat"
        />
        <Tile label={t('treatmentResults.count.residualBeyondAccepted')} value={c.residualBeyondAccepted} />
        <Tile label={t('treatmentResults.count.accepted')} value={c.accepted} tone="ok" />
        <Tile label={t('treatmentResults.count.notAccepted')} value={c.notAccepted} tone="treat" />
      </dl>
      {c.options.length ? (
        <p>
          {t('treatmentResults.options')}{' '}
          {c.options
            .map((o) => `${td(`treatment.option.${o.option}`, undefined, o.option)} ${formatNumber(o.count)}`)
            .join(' · ')}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="doc__empty">{t('treatmentResults.noRows')}</p>
      ) : (
        <>
          <PlanTable org={org} rows={rows.slice(0, shown)} caption={t('treatmentResults.planCaption')} />
          {rows.length > shown ? (
            <p>
              <Button size="small" onClick={() => setShown((n) => n + STEP)}>
                {t('planPage.doc.more', { shown: formatNumber(shown), total: formatNumber(rows.length) })}
              </Button>
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}

/** No editor: every draft save takes the plan as it stands that day; the editor says so and links to the plan. */
function StatusNote({ org, section, value }: DataEditorProps) {
  const { t } = useT();
  return (
    <div className="field--wide">
      <div className="alert alert--info">
        <p>{t('treatmentResults.editorNote')}</p>
        <p>
          <Link to="/o/$org/risk-treatment-plan" params={{ org }}>
            {t('treatmentResults.planLink')}
          </Link>
        </p>
      </div>
      <StatusView org={org} section={section} value={value} />
    </div>
  );
}

registerDataSection(treatmentResultsVersioned.entity, 'plan', { Editor: StatusNote, View: StatusView });
