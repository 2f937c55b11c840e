import { useMemo } from 'react';
import { Link, getRouteApi } from '@tanstack/react-router';
import { internalAuditRegister } from '../../../schema/internal-audit/internal-audit.register.js';
import { useT } from '../../i18n/i18n.js';
import type { RegisterRecord } from '../../lib/api-types.js';
import { useCan, useOrg } from '../../lib/session.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { RegisterList } from '../../register/register-list.js';
import type { RegisterSearch } from '../../register/register-search.js';
import type { ColumnSpec, RecordLinkComponent } from '../../register/register-table.js';
import { PageHeader } from '../../ui/page-header.js';
import { AuditStatusPill } from './audit-status.js';
import './audits.css';

const route = getRouteApi('/o/$org/internal-audits');

const AuditLink: RecordLinkComponent = ({ record, children }) => {
  const { org } = route.useParams();
  return (
    <Link to="/o/$org/internal-audits/$id" params={{ org, id: record.id }}>
      {children}
    </Link>
  );
};

/** The internal audits (9.2.2): status and dates, lead auditor, and the programme's planned audit each realizes. */
export function AuditsPage() {
  const { t, td } = useT();
  const { org } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const can = useCan(org);
  useDocumentTitle(t('internal-audits.title'), useOrg(org).data?.name);
  const canCreate = can('internal_audit.create');
  const f = internalAuditRegister.fields;

  const columns = useMemo<ColumnSpec[]>(
    () => [
      'title',
      {
        id: 'status',
        header: td(f.status.label),
        sortField: undefined,
        cell: (r: RegisterRecord) => <AuditStatusPill status={String(r.status)} />,
      },
      'plannedStart',
      'plannedEnd',
      'actualEnd',
      'leadAuditorId',
      {
        id: 'plannedAuditKey',
        header: td(f.plannedAuditKey.label),
        cell: (r: RegisterRecord) => (r.plannedAuditKey ? String(r.plannedAuditKey) : t('audits.list.unplanned')),
      },
    ],
    [t, td, f],
  );

  return (
    <section className="page internal-audits" aria-labelledby="page-title">
      <PageHeader
        eyebrow={t('audits.eyebrow')}
        title={t('internal-audits.title')}
        description={t('audits.lead')}
        actions={
          canCreate ? (
            <Link to="/o/$org/internal-audits/new" params={{ org }} className="button button--primary">
              {t('audits.new')}
            </Link>
          ) : null
        }
      />
      <RegisterList
        org={org}
        register={internalAuditRegister}
        search={search}
        onSearch={(next: RegisterSearch) => void navigate({ search: next })}
        RecordLink={AuditLink}
        columns={columns}
        canExport={can('internal_audit.export')}
        canImport={can('internal_audit.import')}
        quickFilters={[
          { id: 'planned', label: t('internal-audits.status.planned'), params: { status: 'planned' } },
          { id: 'in_progress', label: t('internal-audits.status.in_progress'), params: { status: 'in_progress' } },
          { id: 'mine', label: t('audits.quick.mine'), params: { leadAuditorId: 'me' } },
        ]}
        emptyState={
          <div className="empty-state">
            <h2>{t('audits.empty.title')}</h2>
            <p>{t('audits.empty.intro')}</p>
            {canCreate ? (
              <p>
                <Link to="/o/$org/audit-programme" params={{ org }} className="button button--secondary">
                  {t('audits.empty.programme')}
                </Link>{' '}
                <Link to="/o/$org/internal-audits/new" params={{ org }} className="button button--primary">
                  {t('audits.empty.add')}
                </Link>
              </p>
            ) : (
              <p className="muted">{t('audits.empty.readOnly')}</p>
            )}
          </div>
        }
      />
    </section>
  );
}
