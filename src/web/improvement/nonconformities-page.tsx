import { useMemo } from 'react';
import { Link, getRouteApi } from '@tanstack/react-router';
import { nonconformityRegister } from '../../schema/improvement/nonconformity.register.js';
import { useT } from '../i18n/i18n.js';
import { useCan, useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { RegisterList } from '../register/register-list.js';
import type { ColumnSpec, RecordLinkComponent } from '../register/register-table.js';
import { PageHeader } from '../ui/page-header.js';
import { RequirementLabel } from './nc-parts.js';
import { RequirementPicker } from './requirement-picker.js';
import './improvement.css';

const route = getRouteApi('/o/$org/nonconformities');

const NcLink: RecordLinkComponent = ({ record, children }) => {
  const { org } = route.useParams();
  return (
    <Link to="/o/$org/nonconformities/$id" params={{ org, id: record.id }}>
      {children}
    </Link>
  );
};

/**
 * The nonconformity register (27001:2022 10.2, 2013: 10.1): filters by status, source, grade, owner; XLSX/CSV
 * export (the documented information of 10.2); reporting a new one; the trends for management review.
 */
export function NonconformitiesPage() {
  const { t, td } = useT();
  const { org } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const can = useCan(org);
  useDocumentTitle(t('nonconformities.title'), useOrg(org).data?.name);
  const canCreate = can('nonconformity.create');
  const columns = useMemo<ColumnSpec[]>(
    () => [
      'title',
      'status',
      'source',
      'grade',
      {
        id: 'requirementKey',
        header: t('nc.column.requirement'),
        cell: (r) => <RequirementLabel requirementKey={r.requirementKey} />,
      },
      'ownerId',
      'dueDate',
    ],
    [t],
  );

  return (
    <section className="page nonconformities" aria-labelledby="page-title">
      <PageHeader
        eyebrow={t('nc.eyebrow')}
        title={t('nonconformities.title')}
        description={t('nc.lead')}
        actions={
          <>
            <Link to="/o/$org/nonconformities/trends" params={{ org }} className="button button--secondary">
              {t('nc.trends.open')}
            </Link>
            {canCreate ? (
              <Link to="/o/$org/nonconformities/new" params={{ org }} className="button button--primary">
                {t('nc.new')}
              </Link>
            ) : null}
          </>
        }
      />
      <RegisterList
        org={org}
        register={nonconformityRegister}
        search={search}
        onSearch={(next) => void navigate({ search: next })}
        RecordLink={NcLink}
        columns={columns}
        hiddenFilters={['requirementKey']}
        extraFilters={
          <RequirementPicker
            label={td(nonconformityRegister.fields.requirementKey.label)}
            anyLabel={t('register.any')}
            value={search.requirementKey ?? ''}
            error={undefined}
            onChange={(e) =>
              void navigate({
                search: { ...search, requirementKey: e.target.value || undefined, page: undefined },
              })
            }
          />
        }
        canExport={can('nonconformity.export')}
        canImport={can('nonconformity.import')}
        quickFilters={[
          { id: 'mine', label: t('nc.quick.mine'), params: { ownerId: 'me' } },
          { id: 'reported', label: t('nc.quick.reported'), params: { status: 'reported' } },
          { id: 'toClose', label: t('nc.quick.toClose'), params: { status: 'verifying' } },
          { id: 'major', label: t('nc.quick.major'), params: { grade: 'major' } },
          { id: 'overdue', label: t('nc.quick.overdue'), params: { overdue: 'true' } },
        ]}
        emptyState={
          <div className="empty-state">
            <h2>{t('nc.empty.title')}</h2>
            <p>{t('nc.empty.intro')}</p>
            {canCreate ? (
              <p>
                <Link to="/o/$org/nonconformities/new" params={{ org }} className="button button--primary">
                  {t('nc.new')}
                </Link>
              </p>
            ) : null}
          </div>
        }
      />
    </section>
  );
}
