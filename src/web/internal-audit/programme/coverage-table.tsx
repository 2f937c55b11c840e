import { Link } from '@tanstack/react-router';
import type { CoverageMatrix } from '../../../schema/internal-audit/audit-programme.register.js';
import { clauseLabel } from '../../../schema/internal-audit/isms-requirements.js';
import { useT } from '../../i18n/i18n.js';
import { useCan } from '../../lib/session.js';
import { cellState, groupCoverage, type CoverageGroup, type CoverageRow } from './coverage-model.js';
import type { RealizingAudit } from './programme-api.js';

type State = CoverageRow['state'];
const SYMBOL: Record<State | 'none', string> = { done: '✓', planned: '●', uncovered: '✗', none: '·' };

/** A state as a symbol and its word: never colour alone. */
export function StateMark({ state }: { state: State }) {
  const { t } = useT();
  return (
    <span className={`ap-state ap-state--${state}`}>
      <span aria-hidden="true">{SYMBOL[state]}</span> {t(`auditCoverage.state.${state}`)}
    </span>
  );
}

/**
 * The matrix itself: one row per clause or control, one column per planned audit, the row's state last. A plain
 * table (the UI kit's DataTable has no row groups): its head and first column stay in view while the body scrolls
 * inside its box, and each group (the clauses, then each theme of controls) opens with a row naming it.
 */
export function CoverageTable({
  org,
  matrix,
  themeOf,
  uncoveredOnly,
  realized,
}: {
  org: string;
  matrix: CoverageMatrix;
  themeOf: (ref: string) => string | undefined;
  uncoveredOnly: boolean;
  realized: Map<string, RealizingAudit[]> | undefined;
}) {
  const { t, formatDate } = useT();
  const canPlan = useCan(org)('internal_audit.create');
  const groups = groupCoverage(matrix.rows, themeOf, uncoveredOnly);
  const width = matrix.audits.length + 2;
  return (
    <div className="ap-matrix" tabIndex={0} role="region" aria-label={t('auditCoverage.tableRegion')}>
      <table className="table ap-matrix__table">
        <caption className="visually-hidden">{t('auditCoverage.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="ap-matrix__item">
              {t('auditCoverage.column.item')}
            </th>
            {matrix.audits.map((a) => (
              <th key={a.key} scope="col" className="ap-matrix__audit">
                <span className="ref">{a.key}</span> <span className="ap-matrix__audit-title">{a.title}</span>
                <span className="ap-matrix__dates">
                  {formatDate(a.plannedFrom)} – {formatDate(a.plannedTo)}
                </span>
                {(realized?.get(a.key) ?? []).map((x) => (
                  <Link
                    key={x.id}
                    className="ap-matrix__realized"
                    to="/o/$org/internal-audits/$id"
                    params={{ org, id: x.id }}
                  >
                    {t('auditCoverage.realizedBy', { ref: x.ref })}
                  </Link>
                ))}
                {canPlan && realized && !realized.get(a.key)?.length ? (
                  // a planned audit no audit carries out yet: plan it, prefilled from the programme
                  <Link
                    className="ap-matrix__realized"
                    to="/o/$org/internal-audits/new"
                    params={{ org }}
                    search={{ planned: a.key }}
                  >
                    {t('auditCoverage.planIt', { key: a.key })}
                  </Link>
                ) : null}
              </th>
            ))}
            <th scope="col" className="ap-matrix__state">
              {t('auditCoverage.column.state')}
            </th>
          </tr>
        </thead>
        {groups.length === 0 ? (
          <tbody>
            <tr>
              <td colSpan={width}>{t('auditCoverage.nothingUncovered')}</td>
            </tr>
          </tbody>
        ) : (
          groups.map((g) => <GroupBody key={`${g.kind}-${g.id}`} group={g} matrix={matrix} width={width} />)
        )}
      </table>
    </div>
  );
}

function GroupBody({ group, matrix, width }: { group: CoverageGroup; matrix: CoverageMatrix; width: number }) {
  const { t, td, formatNumber } = useT();
  const name =
    group.kind === 'clause'
      ? t('auditCoverage.group.clauses')
      : group.id
        ? td(`controls.theme.${group.id}`)
        : t('auditCoverage.group.otherControls');
  return (
    <tbody className="ap-matrix__group">
      <tr>
        <th scope="rowgroup" colSpan={width} className="ap-matrix__group-head">
          {name}
          <span className="muted">
            {' · '}
            {group.uncovered
              ? t('auditCoverage.group.uncovered', { count: formatNumber(group.uncovered) })
              : t('auditCoverage.group.allCovered')}
          </span>
        </th>
      </tr>
      {group.rows.map((row) => (
        <tr key={`${row.kind}-${row.key}`} className={`ap-matrix__row ap-matrix__row--${row.state}`}>
          <th scope="row" className="ap-matrix__item">
            <span className="ref">{row.kind === 'clause' ? clauseLabel(row.key) : row.key}</span> {row.title}
          </th>
          {matrix.audits.map((a) => {
            const s = cellState(row, a.key);
            return (
              <td key={a.key} className={`ap-matrix__cell ap-matrix__cell--${s}`}>
                <span aria-hidden="true">{SYMBOL[s]}</span>
                <span className="visually-hidden">
                  {s === 'none' ? t('auditCoverage.cell.none') : t(`auditCoverage.state.${s}`)}
                </span>
              </td>
            );
          })}
          <td className="ap-matrix__state">
            <StateMark state={row.state} />
          </td>
        </tr>
      ))}
    </tbody>
  );
}
