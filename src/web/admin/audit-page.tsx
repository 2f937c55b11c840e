import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useT, type I18n } from '../i18n/i18n.js';
import { api, orgPath } from '../lib/api-client.js';
import { auditEventPageSchema, type AuditEventItem } from '../../schema/audit/audit-query.js';
import { useMemberNames, useMembers } from '../lib/members.js';
import { useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { DataTable } from '../ui/data-table.js';
import { PageHeader } from '../ui/page-header.js';
import { QueryState } from '../ui/query-state.js';
import { auditDetails } from './audit-details.js';
import { AuditFilters } from './audit-filters.js';
import { AuditVerify } from './audit-verify.js';
import { SigningKeyCard } from './signing-key-card.js';

const route = getRouteApi('/o/$org/audit');

/** The organization's audit trail, newest first, with its hash chain check. */
export function AuditPage() {
  const i18n = useT();
  const { t, td, formatDateTime } = i18n;
  const { org } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const members = useMembers(org).data?.items ?? [];
  const memberNames = useMemberNames(org);
  useDocumentTitle(t('audit.title'), useOrg(org).data?.name);
  const events = useQuery({
    queryKey: ['org', org, 'audit', search],
    queryFn: () => api.get(orgPath(org, '/audit-events'), auditEventPageSchema, { query: search }),
    placeholderData: keepPreviousData,
  });
  const go = (next: Record<string, string | undefined>) => void navigate({ search: next });

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader
        eyebrow={t('nav.group.admin')}
        title={t('audit.title')}
        description={t('audit.lead')}
        actions={<AuditVerify org={org} />}
      />
      <AuditFilters search={search} members={members} onChange={(p) => go({ ...search, ...p, page: undefined })} />
      <QueryState query={events} empty={t('audit.empty')}>
        {(data) => (
          <DataTable
            className="table--audit"
            caption={t('audit.title')}
            rows={data.items}
            rowKey={(e) => e.id}
            busy={events.isFetching}
            pagination={{
              page: data.page,
              pageSize: data.pageSize,
              total: data.total,
              totalIsLowerBound: data.totalIsLowerBound,
              onPage: (p) => go({ ...search, page: p > 1 ? String(p) : undefined }),
              onPageSize: (size) => go({ ...search, pageSize: String(size), page: undefined }),
            }}
            columns={[
              { id: 'seq', header: t('audit.seq'), className: 'mono nowrap', cell: (e) => e.seq },
              { id: 'when', header: t('audit.when'), className: 'nowrap', cell: (e) => formatDateTime(e.createdAt) },
              {
                id: 'type',
                header: t('audit.type'),
                cell: (e) => (
                  <>
                    <span className="event-type" title={e.type}>
                      {td(`audit.event.${e.type}`, undefined, e.type)}
                    </span>
                    <span className="mono muted event-code">{e.type}</span>
                  </>
                ),
              },
              {
                id: 'actor',
                header: t('audit.actor'),
                cell: (e) =>
                  e.actorName ? (
                    <>
                      <span className="audit-actor">{e.actorName}</span>
                      {e.actorLabel ? (
                        <span className="muted audit-actor__label" title={e.actorLabel}>
                          {e.actorLabel}
                        </span>
                      ) : null}
                    </>
                  ) : (
                    (e.actorLabel ?? (e.actorKind ? td(`audit.actorKind.${e.actorKind}`, undefined, e.actorKind) : '—'))
                  ),
              },
              { id: 'entity', header: t('audit.entity'), cell: (e) => entityText(i18n, e) },
              {
                id: 'details',
                header: t('audit.details'),
                className: 'event-details',
                cell: (e) => auditDetails(i18n, e.entityType, e.payload, memberNames),
              },
            ]}
          />
        )}
      </QueryState>
      <SigningKeyCard />
    </section>
  );
}

function entityText({ td }: I18n, e: AuditEventItem): string {
  if (!e.entityType) return '—';
  const ref = typeof e.payload.ref === 'string' ? ` ${e.payload.ref}` : '';
  return `${td(`entity.${e.entityType}`, undefined, e.entityType)}${ref}`;
}
