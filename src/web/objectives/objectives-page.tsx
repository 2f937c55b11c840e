import { useMemo } from 'react';
import { Link, getRouteApi } from '@tanstack/react-router';
import { objectiveRegister } from '../../schema/objectives/objective.register.js';
import { useT } from '../i18n/i18n.js';
import { useCan, useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { RegisterList } from '../register/register-list.js';
import type { ColumnSpec, RecordLinkComponent } from '../register/register-table.js';
import { PageHeader } from '../ui/page-header.js';
import { StatusPill, TargetText } from './objective-parts.js';
import './objectives.css';

const route = getRouteApi('/o/$org/objectives');

const ObjectiveLink: RecordLinkComponent = ({ record, children }) => {
  const { org } = route.useParams();
  return (
    <Link to="/o/$org/objectives/$id" params={{ org, id: record.id }}>
      {children}
    </Link>
  );
};

/**
 * The information security objectives (27001 6.2): level, owner, target in signs and words, deadline and the
 * progress status (symbol and word, kept by the server so the filter runs in SQL); the objectives document beside.
 */
export function ObjectivesPage() {
  const { t } = useT();
  const { org } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const can = useCan(org);
  useDocumentTitle(t('objectives.title'), useOrg(org).data?.name);
  const canCreate = can('objective.create');
  const columns = useMemo<ColumnSpec[]>(
    () => [
      'title',
      'level',
      'ownerId',
      { id: 'target', header: t('objectives.field.targetValue'), cell: (r) => <TargetText record={r} /> },
      'deadline',
      {
        id: 'progressStatus',
        header: t('objectives.field.progressStatus'),
        sortField: 'progressStatus',
        cell: (r) => <StatusPill status={r.progressStatus} />,
      },
      'lifecycle',
    ],
    [t],
  );

  return (
    <section className="page objectives" aria-labelledby="page-title">
      <PageHeader
        eyebrow={t('objectives.eyebrow')}
        title={t('objectives.title')}
        description={t('objectives.lead')}
        actions={
          <>
            <Link to="/o/$org/objectives-document" params={{ org }} className="button button--secondary">
              {t('objectives.documentLink')}
            </Link>
            {canCreate ? (
              <Link to="/o/$org/objectives/new" params={{ org }} className="button button--primary">
                {t('objectives.new')}
              </Link>
            ) : null}
          </>
        }
      />
      <RegisterList
        org={org}
        register={objectiveRegister}
        search={search}
        onSearch={(next) => void navigate({ search: next })}
        RecordLink={ObjectiveLink}
        columns={columns}
        hiddenFilters={['processId', 'parentObjectiveId', 'policyDocumentId', 'startDate']}
        canExport={can('objective.export')}
        canImport={can('objective.import')}
        quickFilters={[
          { id: 'mine', label: t('objectives.quick.mine'), params: { ownerId: 'me' } },
          { id: 'atRisk', label: t('objectives.quick.atRisk'), params: { progressStatus: 'at_risk' } },
          { id: 'missed', label: t('objectives.quick.missed'), params: { progressStatus: 'missed' } },
          { id: 'active', label: t('objectives.quick.active'), params: { lifecycle: 'active' } },
        ]}
        emptyState={
          <div className="empty-state">
            <h2>{t('objectives.empty.title')}</h2>
            <p>{t('objectives.empty.intro')}</p>
            <ul className="checklist">
              <li>{t('objectives.empty.policy')}</li>
              <li>{t('objectives.empty.measurable')}</li>
              <li>{t('objectives.empty.plan')}</li>
            </ul>
            {canCreate ? (
              <p>
                <Link to="/o/$org/objectives/new" params={{ org }} className="button button--primary">
                  {t('objectives.new')}
                </Link>
              </p>
            ) : null}
          </div>
        }
      />
    </section>
  );
}
