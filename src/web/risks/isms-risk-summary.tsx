import type { IsmsRiskSummary } from '../../schema/risks/isms-risks.schema.js';
import { ISMS_RISK_EFFECTIVENESS, ISMS_RISK_KINDS, ISMS_RISK_STATUSES } from '../../schema/risks/isms-risk.register.js';
import { useT } from '../i18n/i18n.js';
import type { RegisterSearch } from '../register/register-search.js';
import { Button } from '../ui/button.js';

/** Effectiveness from best to not yet known, the order of the bar's segments. */
const ORDER = [
  'effective',
  'partially_effective',
  'not_effective',
  'not_evaluated',
] as const satisfies readonly (typeof ISMS_RISK_EFFECTIVENESS)[number][];

/**
 * The register at a glance: per kind a bar of how the actions' effectiveness was found (each segment filters the
 * list), the statuses, and what needs attention. Numbers are written on the segments and in the legend, so the
 * colours only repeat what the text says.
 */
export function IsmsRiskSummaryCard({
  summary,
  onFilter,
}: {
  summary: IsmsRiskSummary;
  onFilter: (params: RegisterSearch) => void;
}) {
  const { t, td, formatNumber } = useT();
  const label = (e: string) => td(`isms-risks.effectiveness.${e}`);
  return (
    <section className="card isms-summary" aria-labelledby="isms-summary-title">
      <h2 id="isms-summary-title" className="card__title">
        {t('isms-risks.summary.title')}
      </h2>
      <div className="isms-summary__kinds">
        {ISMS_RISK_KINDS.map((kind) => {
          const k = summary.byKind[kind];
          const name = kind === 'risk' ? t('isms-risks.summary.risks') : t('isms-risks.summary.opportunities');
          return (
            <div key={kind} className="isms-summary__kind">
              <p className="isms-summary__label">
                <Button variant="link" className="isms-summary__kindlink" onClick={() => onFilter({ kind })}>
                  {name}
                </Button>{' '}
                <span className="muted">
                  {k.total
                    ? t('isms-risks.summary.count', { count: formatNumber(k.total) })
                    : t('isms-risks.summary.none')}
                </span>
              </p>
              {k.total ? (
                <div className="isms-bar" role="group" aria-label={t('isms-risks.summary.bar', { kind: name })}>
                  {ORDER.filter((e) => k.effectiveness[e] > 0).map((e) => (
                    <button
                      key={e}
                      type="button"
                      className={`isms-bar__seg isms-bar__seg--${e}`}
                      style={{ flexGrow: k.effectiveness[e] }}
                      title={`${label(e)}: ${k.effectiveness[e]}`}
                      aria-label={t('isms-risks.summary.segment', { label: label(e), count: k.effectiveness[e] })}
                      onClick={() => onFilter({ kind, effectiveness: e })}
                    >
                      {k.effectiveness[e]}
                    </button>
                  ))}
                </div>
              ) : (
                <div className="isms-bar isms-bar--empty" aria-hidden="true" />
              )}
            </div>
          );
        })}
      </div>
      <ul className="isms-summary__legend" aria-label={t('isms-risks.field.effectiveness')}>
        {ORDER.map((e) => (
          <li key={e}>
            <span className={`isms-dot isms-bar__seg--${e}`} aria-hidden="true" /> {label(e)}
          </li>
        ))}
      </ul>
      <div className="isms-summary__footer">
        <ul className="isms-summary__statuses" aria-label={t('isms-risks.field.status')}>
          {ISMS_RISK_STATUSES.map((s) => (
            <li key={s}>
              <button type="button" className="chip" onClick={() => onFilter({ status: s })}>
                {td(`isms-risks.status.${s}`)} <strong>{summary.byStatus[s]}</strong>
              </button>
            </li>
          ))}
        </ul>
        <div className="isms-summary__attention">
          {summary.evaluationOverdue > 0 ? (
            <button
              type="button"
              className="isms-attention isms-attention--danger"
              onClick={() => onFilter({ evaluationOverdue: 'true' })}
            >
              ⚠ {t('isms-risks.summary.overdue', { count: summary.evaluationOverdue })}
            </button>
          ) : null}
          {summary.withoutSource > 0 ? (
            <button type="button" className="isms-attention" onClick={() => onFilter({ source: 'none' })}>
              {t('isms-risks.summary.noSource', { count: summary.withoutSource })}
            </button>
          ) : null}
          {summary.evaluationOverdue === 0 && summary.withoutSource === 0 ? (
            <p className="muted small">✓ {t('isms-risks.summary.allGood')}</p>
          ) : null}
        </div>
      </div>
    </section>
  );
}
