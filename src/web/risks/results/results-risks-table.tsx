import { useState } from 'react';
import type { ResultRisk } from '../../../schema/risks/assessment-results.versioned.js';
import { useT } from '../../i18n/i18n.js';
import { Button } from '../../ui/button.js';
import { DataTable } from '../../ui/data-table.js';

const STEP = 100;

/** Acceptable against the criteria, in words with a symbol (never a colour alone); not evaluated said as such. */
function Acceptable({ value }: { value: boolean | null }) {
  const { t } = useT();
  if (value === null) return <span className="muted">{t('assessmentResults.notEvaluated')}</span>;
  return value ? (
    <span className="results-accept results-accept--yes">
      <span aria-hidden="true">✓</span> {t('assessmentResults.acceptable')}
    </span>
  ) : (
    <span className="results-accept results-accept--no">
      <span aria-hidden="true">✗</span> {t('assessmentResults.notAcceptable')}
    </span>
  );
}

/**
 * Every risk of the closed assessment in priority order (1 = treat first), with its analysis (what could happen,
 * why, the consequence, the controls already in place) and its evaluation; a hundred at a time (5,000 is common).
 */
export function ResultsRisksTable({ risks }: { risks: ResultRisk[] }) {
  const { t, formatNumber } = useT();
  const [shown, setShown] = useState(STEP);
  if (risks.length === 0) return <p className="doc__empty">{t('assessmentResults.noRisks')}</p>;
  const dash = t('common.empty');
  return (
    <>
      <DataTable
        caption={t('assessmentResults.risksCaption')}
        captionShown
        rows={risks.slice(0, shown)}
        rowKey={(r) => r.ref}
        columns={[
          { id: 'rank', header: t('assessmentResults.col.rank'), cell: (r) => r.rank ?? dash, className: 'num' },
          {
            id: 'risk',
            header: t('assessmentResults.col.risk'),
            rowHeader: true,
            className: 'results-risk',
            cell: (r) => (
              <>
                <span className="ref">{r.ref}</span> {r.title}
              </>
            ),
          },
          {
            id: 'analysis',
            header: t('assessmentResults.col.analysis'),
            className: 'results-analysis',
            cell: (r) => (
              <dl className="results-analysis__list">
                {(
                  [
                    ['event', r.event],
                    ['cause', r.cause],
                    ['consequence', r.consequenceDescription],
                    ['controls', r.existingControls],
                  ] as const
                ).map(([k, v]) =>
                  v ? (
                    <div key={k}>
                      <dt>{t(`assessmentResults.analysis.${k}`)}</dt>
                      <dd>{v}</dd>
                    </div>
                  ) : null,
                )}
              </dl>
            ),
          },
          {
            id: 'lc',
            header: t('assessmentResults.col.lc'),
            cell: (r) =>
              r.likelihood === null || r.consequence === null ? dash : `${r.likelihood} × ${r.consequence}`,
          },
          {
            id: 'score',
            header: t('assessmentResults.col.score'),
            className: 'num',
            cell: (r) => (r.score === null ? dash : formatNumber(r.score)),
          },
          { id: 'level', header: t('assessmentResults.col.level'), cell: (r) => r.levelLabel ?? r.level ?? dash },
          {
            id: 'acceptable',
            header: t('assessmentResults.col.acceptable'),
            cell: (r) => <Acceptable value={r.acceptable} />,
          },
          { id: 'owner', header: t('assessmentResults.col.owner'), cell: (r) => r.owner ?? dash },
        ]}
      />
      {risks.length > shown ? (
        <p>
          <Button size="small" onClick={() => setShown((n) => n + STEP)}>
            {t('assessmentResults.more', { shown: formatNumber(shown), total: formatNumber(risks.length) })}
          </Button>
        </p>
      ) : null}
    </>
  );
}
