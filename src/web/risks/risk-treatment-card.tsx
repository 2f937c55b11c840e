import { useState, type ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import type { Treatment } from '../../schema/controls/treatment.schema.js';
import { useT } from '../i18n/i18n.js';
import { useCan } from '../lib/session.js';
import { LiveMessage } from '../components/status.js';
import { useControlSettings, useTreatment } from '../controls/controls-api.js';
import { cellText, LevelBadge, levelOf } from './risk-level.js';
import { RiskTreatmentForm } from './risk-treatment-form.js';
import { AcceptancePanel } from '../controls/plan/acceptance-panel.js';
import { ResidualVerdict } from './risk-treatment-residual.js';
import type { MethodologyInForce } from '../../schema/risks/risks.responses.js';
import '../controls/controls.css';
import { Button } from '../ui/button.js';
import { DataTable } from '../ui/data-table.js';
import { QueryState } from '../ui/query-state.js';

interface Props {
  org: string;
  riskId: string;
  archived: boolean;
  inForce: MethodologyInForce | null;
}

/**
 * The treatment of a risk (27001 6.1.3 a–b): the options chosen with their rationale, the controls determined for
 * it with what each changes and where they stand in the SoA, and the expected residual risk with its evaluation.
 * Edited in place as one form; saving says which controls it made applicable.
 */
export function RiskTreatmentCard({ org, riskId, archived, inForce }: Props) {
  const { t } = useT();
  const can = useCan(org);
  const treatment = useTreatment(org, riskId);
  const settings = useControlSettings(org);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<Treatment | null>(null);
  const editable = can('risk_treatment.update') && !archived;
  const noEdition = settings.data && !settings.data.edition;
  const data = treatment.data;
  const empty = data && data.version === 0;

  return (
    <section className="card treatment" aria-labelledby="risk-treatment">
      <div className="card__header">
        <h2 id="risk-treatment" className="card__title" tabIndex={-1}>
          {t('treatment.title')}
        </h2>
        {editable && data && !editing ? (
          <Button
            variant={empty ? 'primary' : 'secondary'}
            size="small"
            onClick={() => {
              setSaved(null);
              setEditing(true);
            }}
          >
            {empty ? t('treatment.start') : t('treatment.edit')}
          </Button>
        ) : null}
      </div>
      <p className="muted small">{t('treatment.lead')}</p>
      <LiveMessage>{saved && !editing ? <SavedMessage saved={saved} /> : null}</LiveMessage>
      {noEdition ? (
        <div className="alert alert--info" role="note">
          <p>
            {t('treatment.noEdition')}{' '}
            <Link to="/o/$org/controls" params={{ org }}>
              {t('treatment.noEditionLink')}
            </Link>
          </p>
        </div>
      ) : null}
      <QueryState query={treatment}>
        {(data) =>
          editing ? (
            <RiskTreatmentForm
              org={org}
              riskId={riskId}
              treatment={data}
              inForce={inForce}
              onSaved={(result) => {
                setSaved(result);
                setEditing(false);
                focusHeading();
              }}
              onCancel={() => {
                setEditing(false);
                focusHeading();
              }}
            />
          ) : empty ? (
            <>
              <p>{t('treatment.none')}</p>
              <p className="muted small">{editable ? t('treatment.noneHint') : t('treatment.readOnly')}</p>
            </>
          ) : (
            <>
              <TreatmentView org={org} treatment={data} inForce={inForce} />
              <AcceptancePanel org={org} riskId={riskId} treatment={data} />
            </>
          )
        }
      </QueryState>
    </section>
  );
}

const focusHeading = () => requestAnimationFrame(() => document.getElementById('risk-treatment')?.focus());

/** "Treatment saved." and, when it made controls applicable, which ones. */
function SavedMessage({ saved }: { saved: Treatment }) {
  const { t, locale } = useT();
  // by id, read against the controls the treatment names (the references answer is deprecated)
  const ids = saved.proposedApplicableControlIds ?? [];
  const refs = saved.controls.filter((c) => ids.includes(c.controlId)).map((c) => c.ref);
  const list = new Intl.ListFormat(locale, { type: 'conjunction' }).format(refs);
  return (
    <>
      <p>{t('treatment.saved')}</p>
      {refs.length ? (
        <p className="treatment__applicable">
          {t(refs.length === 1 ? 'treatment.nowApplicableOne' : 'treatment.nowApplicableMany', { refs: list })}
        </p>
      ) : null}
    </>
  );
}

function TreatmentView({
  org,
  treatment,
  inForce,
}: {
  org: string;
  treatment: Treatment;
  inForce: MethodologyInForce | null;
}) {
  const { t, td, formatDateTime } = useT();
  const m = inForce?.methodology;
  const r = treatment.residual;
  const e = treatment.residualEvaluation;
  const consequence = e?.consequenceLevel ?? r.consequence;
  return (
    <div className="treatment__body">
      <Part title={t('treatment.options')}>
        {treatment.options.length ? (
          <ul className="treatment__options">
            {treatment.options.map((o) => (
              <li key={o.option}>
                <span className="treatment__option-name">{t(`treatment.option.${o.option}`)}</span>
                <p className="prewrap">{o.rationale}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('treatment.optionsNone')}</p>
        )}
      </Part>
      <Part title={t('treatment.controls')}>
        {treatment.controls.length ? (
          <DataTable
            caption={t('treatment.controlsTable')}
            rows={treatment.controls}
            rowKey={(c) => c.controlId}
            columns={[
              {
                id: 'control',
                header: t('treatment.column.control'),
                cell: (c) => (
                  <Link to="/o/$org/controls/$id" params={{ org, id: c.controlId }}>
                    <span className="ref">{c.ref}</span> {c.title}
                  </Link>
                ),
              },
              {
                id: 'applicability',
                header: t('treatment.column.applicability'),
                cell: (c) => (
                  <span className={`pill pill--applicability-${c.applicability}`}>
                    {td(`controls.applicability.${c.applicability}`)}
                  </span>
                ),
              },
              { id: 'effect', header: t('treatment.column.effect'), cell: (c) => t(`treatment.effect.${c.effect}`) },
              {
                id: 'note',
                header: t('treatment.column.note'),
                cell: (c) =>
                  c.note ? (
                    <span className="prewrap">{c.note}</span>
                  ) : (
                    <span className="muted">{t('common.empty')}</span>
                  ),
              },
            ]}
          />
        ) : (
          <p className="muted">{t('treatment.controlsNone')}</p>
        )}
      </Part>
      <Part title={t('treatment.residual')}>
        {e && e.level ? (
          <div className="treatment__residual">
            <LevelBadge level={levelOf(m, e.level)} large />
            <ResidualVerdict acceptable={e.acceptable} />
            <span className="muted small">{cellText(m, r.likelihood, consequence)}</span>
          </div>
        ) : (
          <p className="muted">{t('treatment.residualNone')}</p>
        )}
        {r.rationale ? <p className="prewrap">{r.rationale}</p> : null}
      </Part>
      {treatment.updatedAt ? (
        <p className="muted small treatment__meta">
          {t('treatment.lastChanged', { version: treatment.version, when: formatDateTime(treatment.updatedAt) })}
        </p>
      ) : null}
    </div>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="treatment__section">
      <h3 className="treatment__heading">{title}</h3>
      {children}
    </div>
  );
}
