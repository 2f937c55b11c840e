import { useMemo, useState } from 'react';
import { getRouteApi } from '@tanstack/react-router';
import { internalAuditRegister } from '../../../schema/internal-audit/internal-audit.register.js';
import { useT } from '../../i18n/i18n.js';
import { useCan, useOrg } from '../../lib/session.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { ErrorMessage, LiveMessage } from '../../components/status.js';
import { useRegisterRecord } from '../../register/register-api.js';
import { Button } from '../../ui/button.js';
import { Select } from '../../ui/fields.js';
import { PageHeader } from '../../ui/page-header.js';
import { Pagination } from '../../ui/pagination.js';
import { QueryState } from '../../ui/query-state.js';
import { AddItemForm } from './add-item-form.js';
import { ExceptionRetry } from './exception-retry.js';
import { conflictsOf } from './independence-ui.js';
import { AuditBreadcrumb, AuditNav } from './audit-nav.js';
import { useChecklist, useChecklistMutations } from './audits-api.js';
import { ChecklistItemRow } from './checklist-item.js';
import { CHECKLIST_PAGE_SIZE, groupChecklist, isAssessed, pageOfGroups, progressOf } from './checklist-groups.js';
import './audits.css';

const route = getRouteApi('/o/$org/internal-audits/$id/checklist');

/**
 * The audit checklist: generated from the criteria (idempotent), grouped by clause and control, a page at a time
 * (all clauses and 293 controls stay quick), with the progress and a filter to what is still to assess. Each item
 * opens to its conclusion, notes, evidence and the records sampled.
 */
export function ChecklistPage() {
  const { t } = useT();
  const { org, id } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const can = useCan(org);
  const audit = useRegisterRecord(org, internalAuditRegister, id);
  const checklist = useChecklist(org, id);
  const { generate } = useChecklistMutations(org, id);
  const [onlyOpen, setOnlyOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  useDocumentTitle(
    audit.data ? t('audits.checklist.docTitle', { ref: audit.data.ref }) : t('internal-audits.title'),
    useOrg(org).data?.name,
  );
  const items = useMemo(() => checklist.data?.items ?? [], [checklist.data]);
  const shown = useMemo(() => (onlyOpen ? items.filter((i) => !isAssessed(i)) : items), [items, onlyOpen]);
  const groups = useMemo(() => groupChecklist(shown), [shown]);
  const page = Math.max(1, Number(search.page) || 1);
  const visible = useMemo(() => pageOfGroups(groups, page), [groups, page]);
  const progress = progressOf(items);
  const status = audit.data?.status;
  const writable =
    can('audit_checklist.write') && (status === 'planned' || status === 'in_progress' || status === 'reporting');
  const go = (next: { page?: string; open?: string }) => void navigate({ search: next });

  return (
    <section className="page internal-audit" aria-labelledby="page-title">
      <AuditBreadcrumb org={org} id={id} current={audit.data?.ref} />
      <PageHeader
        reference={audit.data?.ref}
        title={t('audits.checklist.title')}
        description={t('audits.checklist.lead')}
      />
      <AuditNav org={org} id={id} current="checklist" />
      <LiveMessage>{message}</LiveMessage>
      <QueryState query={checklist}>
        {() => (
          <>
            <div className="checklist-bar">
              <p className="checklist-bar__progress">
                <progress max={Math.max(progress.total, 1)} value={progress.assessed} aria-hidden="true" />{' '}
                <span>{t('audits.checklist.progress', { assessed: progress.assessed, total: progress.total })}</span>
              </p>
              <Select
                label={t('audits.checklist.show')}
                value={onlyOpen ? 'open' : 'all'}
                onChange={(e) => {
                  setOnlyOpen(e.target.value === 'open');
                  go({});
                }}
              >
                <option value="all">{t('audits.checklist.showAll')}</option>
                <option value="open">{t('audits.checklist.showOpen')}</option>
              </Select>
              {writable ? (
                <Button
                  variant={items.length ? 'secondary' : 'primary'}
                  busy={generate.isPending}
                  onClick={() =>
                    generate.mutate(
                      {},
                      {
                        onSuccess: (r) => setMessage(t('audits.checklist.generated', { added: r.added })),
                      },
                    )
                  }
                >
                  {items.length ? t('audits.checklist.regenerate') : t('audits.checklist.generate')}
                </Button>
              ) : null}
            </div>
            {conflictsOf(generate.error).length ? (
              <ExceptionRetry
                org={org}
                error={generate.error}
                busy={generate.isPending}
                retryLabel={t('audits.independence.generateWithException')}
                onRetry={(independenceException) =>
                  generate.mutate(
                    { independenceException },
                    { onSuccess: (r) => setMessage(t('audits.checklist.generated', { added: r.added })) },
                  )
                }
              />
            ) : generate.isError ? (
              <ErrorMessage error={generate.error} />
            ) : null}
            {!items.length ? (
              <div className="empty-state">
                <h2>{t('audits.checklist.emptyTitle')}</h2>
                <p>{t('audits.checklist.emptyIntro')}</p>
              </div>
            ) : !shown.length ? (
              <p className="muted">{t('audits.checklist.allAssessed')}</p>
            ) : (
              <>
                {visible.map((g) => (
                  <section key={g.id} className="checklist-group" aria-labelledby={`group-${g.id}`}>
                    <h2 id={`group-${g.id}`} className="checklist-group__title">
                      {g.kind === 'clause'
                        ? t('audits.checklist.clauseGroup', { clause: g.clause ?? '', title: g.title ?? '' })
                        : g.kind === 'control'
                          ? t('audits.checklist.controlGroup')
                          : t('audits.checklist.addedGroup')}
                    </h2>
                    <ul className="checklist-items">
                      {g.items.map((item) => (
                        <ChecklistItemRow
                          key={item.id}
                          org={org}
                          auditId={id}
                          item={item}
                          open={search.open === item.id}
                          writable={writable}
                          onToggle={() => go({ ...search, open: search.open === item.id ? undefined : item.id })}
                        />
                      ))}
                    </ul>
                  </section>
                ))}
                <Pagination
                  page={page}
                  pageSize={CHECKLIST_PAGE_SIZE}
                  total={shown.length}
                  onPage={(p) => go({ page: String(p) })}
                />
              </>
            )}
            {writable ? <AddItemForm org={org} id={id} /> : null}
          </>
        )}
      </QueryState>
    </section>
  );
}
