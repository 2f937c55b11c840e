import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useT, type I18n } from '../i18n/i18n.js';
import { api, orgPath } from '../lib/api-client.js';
import { auditEventPageSchema, type AuditEventItem } from '../../schema/audit/audit-query.js';
import { useMemberNames, useMembers } from '../lib/members.js';
import { useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { RegisterPagination } from '../register/register-pagination.js';
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
      <header className="page__header">
        <div>
          <p className="page__eyebrow">{t('nav.group.admin')}</p>
          <h1 id="page-title">{t('audit.title')}</h1>
          <p className="page__lead">{t('audit.lead')}</p>
        </div>
        <AuditVerify org={org} />
      </header>
      <AuditFilters search={search} members={members} onChange={(p) => go({ ...search, ...p, page: undefined })} />
      {events.isPending ? (
        <Loading />
      ) : events.isError ? (
        <ErrorMessage error={events.error} onRetry={() => void events.refetch()} />
      ) : events.data.items.length === 0 ? (
        <p className="empty-state empty-state--small" role="status">
          {t('audit.empty')}
        </p>
      ) : (
        <div aria-busy={events.isFetching}>
          <div className="table-wrap">
            <table className="table table--audit">
              <caption className="visually-hidden">{t('audit.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.seq')}</th>
                  <th scope="col">{t('audit.when')}</th>
                  <th scope="col">{t('audit.type')}</th>
                  <th scope="col">{t('audit.actor')}</th>
                  <th scope="col">{t('audit.entity')}</th>
                  <th scope="col">{t('audit.details')}</th>
                </tr>
              </thead>
              <tbody>
                {events.data.items.map((e) => (
                  <tr key={e.id}>
                    <td className="mono">{e.seq}</td>
                    <td>{formatDateTime(e.createdAt)}</td>
                    <td>
                      <span className="event-type" title={e.type}>
                        {td(`audit.event.${e.type}`, undefined, e.type)}
                      </span>
                      <span className="mono muted event-code">{e.type}</span>
                    </td>
                    <td>
                      {e.actorName ? (
                        <>
                          <span className="audit-actor">{e.actorName}</span>
                          {e.actorLabel ? (
                            <span className="muted audit-actor__label" title={e.actorLabel}>
                              {e.actorLabel}
                            </span>
                          ) : null}
                        </>
                      ) : (
                        (e.actorLabel ??
                        (e.actorKind ? td(`audit.actorKind.${e.actorKind}`, undefined, e.actorKind) : '—'))
                      )}
                    </td>
                    <td>{entityText(i18n, e)}</td>
                    <td className="event-details" title={JSON.stringify(e.payload)}>
                      {auditDetails(i18n, e.entityType, e.payload, memberNames)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <RegisterPagination
            page={events.data.page}
            pageSize={events.data.pageSize}
            total={events.data.total}
            onPage={(p) => go({ ...search, page: p > 1 ? String(p) : undefined })}
            onPageSize={(s) => go({ ...search, pageSize: String(s), page: undefined })}
          />
        </div>
      )}
      <SigningKeyCard />
    </section>
  );
}

function entityText({ td }: I18n, e: AuditEventItem): string {
  if (!e.entityType) return '—';
  const ref = typeof e.payload.ref === 'string' ? ` ${e.payload.ref}` : '';
  return `${td(`entity.${e.entityType}`, undefined, e.entityType)}${ref}`;
}
