import { clauseLabel } from '../../../schema/internal-audit/isms-requirements.js';
import { useT } from '../../i18n/i18n.js';
import { DataTable } from '../../ui/data-table.js';
import { QueryState } from '../../ui/query-state.js';
import { usePreviousResults } from './audits-api.js';
import { ConclusionPill } from './audit-status.js';

/** What earlier audits left to follow up in this audit's scope (9.2.2: the results of previous audits). */
export function PreviousResultsCard({ org, id }: { org: string; id: string }) {
  const { t } = useT();
  const previous = usePreviousResults(org, id);
  return (
    <section className="card audit-card" aria-labelledby="audit-previous-title">
      <h2 id="audit-previous-title">{t('audits.previous.title')}</h2>
      <QueryState query={previous}>
        {(data) =>
          !data.previousAudit && !data.findings.length ? (
            <p className="muted">{t('audits.previous.none')}</p>
          ) : (
            <>
              {data.previousAudit ? (
                <p>{t('audits.previous.audit', { ref: data.previousAudit.ref, title: data.previousAudit.title })}</p>
              ) : null}
              {data.findings.length ? (
                <DataTable
                  caption={t('audits.previous.title')}
                  rows={data.findings}
                  rowKey={(f) => f.itemId}
                  columns={[
                    { id: 'audit', header: t('audits.previous.auditRef'), cell: (f) => f.auditRef },
                    {
                      id: 'clause',
                      header: t('audits.checklist.clause'),
                      cell: (f) =>
                        f.requirementKey ? clauseLabel(f.requirementKey) : f.clause ? clauseLabel(f.clause) : '—',
                    },
                    { id: 'title', header: t('audits.checklist.item'), cell: (f) => f.title, rowHeader: true },
                    {
                      id: 'conclusion',
                      header: t('audits.checklist.conclusion'),
                      cell: (f) => <ConclusionPill conclusion={f.conclusion} />,
                    },
                    { id: 'notes', header: t('audits.checklist.notes'), cell: (f) => f.notes ?? '' },
                  ]}
                />
              ) : (
                <p className="muted">{t('audits.previous.noFindings')}</p>
              )}
            </>
          )
        }
      </QueryState>
    </section>
  );
}
