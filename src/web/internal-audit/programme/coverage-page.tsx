import { getRouteApi, Link } from '@tanstack/react-router';
import type { CoverageMatrix } from '../../../schema/internal-audit/audit-programme.register.js';
import { Breadcrumb } from '../../components/breadcrumb.js';
import { useT } from '../../i18n/i18n.js';
import { useOrg } from '../../lib/session.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { Button } from '../../ui/button.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryState } from '../../ui/query-state.js';
import { CoverageTable, StateMark } from './coverage-table.js';
import { coverageCounts } from './coverage-model.js';
import { useApplicableControls, useCoverage, useRealizingAudits } from './programme-api.js';
import './programme.css';

const route = getRouteApi('/o/$org/audit-programme/coverage');

/**
 * The audit programme's coverage matrix (9.2.2: the whole ISMS audited within the programme's period): every
 * clause 4–10 and every applicable control against the planned audits, planned / done / not covered, what is left
 * counted at the top, a filter to the uncovered rows, and the audits that carried out each planned audit.
 */
export function CoveragePage() {
  const { t } = useT();
  const { org } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  useDocumentTitle(t('auditCoverage.title'), useOrg(org).data?.name);
  const coverage = useCoverage(org);
  const controls = useApplicableControls(org);
  const audits = useRealizingAudits(org, coverage.data?.programme?.id);
  const uncoveredOnly = search.uncovered === '1';
  // the matrix needs the controls' themes to group them; both answers together, one loading state
  const both = {
    isPending: coverage.isPending || controls.isPending,
    isError: coverage.isError || controls.isError,
    error: coverage.error ?? controls.error,
    data: coverage.data && controls.data ? { matrix: coverage.data, controls: controls.data } : undefined,
    refetch: () => void Promise.all([coverage.refetch(), controls.refetch()]),
  };
  return (
    <section className="page ap-coverage" aria-labelledby="page-title">
      <PageHeader
        breadcrumb={
          <Breadcrumb
            parent={
              <Link to="/o/$org/audit-programme" params={{ org }}>
                {t('auditProgramme.title')}
              </Link>
            }
            current={t('auditCoverage.title')}
          />
        }
        eyebrow={t('auditCoverage.eyebrow')}
        title={t('auditCoverage.title')}
        description={t('auditCoverage.lead')}
      />
      <QueryState
        query={both}
        isEmpty={(d) => d.matrix.programme === null}
        empty={
          <>
            <h2>{t('auditCoverage.empty.title')}</h2>
            <p>{t('auditCoverage.empty.intro')}</p>
          </>
        }
        emptyAction={
          <Link to="/o/$org/audit-programme" params={{ org }}>
            {t('auditCoverage.empty.action')}
          </Link>
        }
      >
        {({ matrix, controls: all }) => {
          const themes = new Map(all.map((c) => [c.ref, c.theme ?? '']));
          return (
            <>
              <CoverageSummary org={org} matrix={matrix} />
              <div className="ap-coverage__tools">
                <Button
                  aria-pressed={uncoveredOnly}
                  onClick={() => void navigate({ search: uncoveredOnly ? {} : { uncovered: '1' } })}
                >
                  {t('auditCoverage.uncoveredOnly')}
                </Button>
                <p className="ap-legend" aria-label={t('auditCoverage.legend')}>
                  <StateMark state="done" /> <StateMark state="planned" /> <StateMark state="uncovered" />
                </p>
              </div>
              <CoverageTable
                org={org}
                matrix={matrix}
                themeOf={(ref) => themes.get(ref)}
                uncoveredOnly={uncoveredOnly}
                realized={audits.data}
              />
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

/** The programme read (approved, else the latest draft), its period, and what is left uncovered, in words. */
function CoverageSummary({ org, matrix }: { org: string; matrix: CoverageMatrix }) {
  const { t, td, formatDate, formatNumber } = useT();
  const counts = coverageCounts(matrix.rows);
  const p = matrix.programme!;
  const none = counts.clauses.uncovered === 0 && counts.controls.uncovered === 0;
  return (
    <div className="ap-coverage__summary">
      <p>
        {t('auditCoverage.reading', {
          ref: p.ref,
          no: p.versionNo,
          state: td(`versions.state.${p.state}`),
        })}{' '}
        {matrix.periodFrom || matrix.periodTo
          ? t('auditCoverage.period', {
              from: matrix.periodFrom ? formatDate(matrix.periodFrom) : '…',
              to: matrix.periodTo ? formatDate(matrix.periodTo) : '…',
            })
          : t('auditCoverage.noPeriod')}{' '}
        <Link to="/o/$org/audit-programme" params={{ org }}>
          {t('auditCoverage.openProgramme')}
        </Link>
      </p>
      <p className={none ? 'alert alert--success' : 'alert alert--warning'} role="status">
        <strong>
          {none
            ? t('auditCoverage.allCovered')
            : t('auditCoverage.notCovered', {
                clauses: t(
                  counts.clauses.uncovered === 1 ? 'auditCoverage.clauses.one' : 'auditCoverage.clauses.other',
                  {
                    count: formatNumber(counts.clauses.uncovered),
                  },
                ),
                controls: t(
                  counts.controls.uncovered === 1 ? 'auditCoverage.controls.one' : 'auditCoverage.controls.other',
                  { count: formatNumber(counts.controls.uncovered) },
                ),
              })}
        </strong>{' '}
        {t('auditCoverage.counts', {
          planned: formatNumber(counts.clauses.planned + counts.controls.planned),
          done: formatNumber(counts.clauses.done + counts.controls.done),
          total: formatNumber(counts.clauses.total + counts.controls.total),
        })}
      </p>
    </div>
  );
}
