import { Link, getRouteApi } from '@tanstack/react-router';
import { actionRegister } from '../../schema/actions/action.register.js';
import { useT } from '../i18n/i18n.js';
import { useCan, useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { RegisterList } from '../register/register-list.js';
import type { RecordLinkComponent } from '../register/register-table.js';
import { PageHeader } from '../ui/page-header.js';

const route = getRouteApi('/o/$org/actions');

const ActionLink: RecordLinkComponent = ({ record, children }) => {
  const { org } = route.useParams();
  return (
    <Link to="/o/$org/actions/$id" params={{ org, id: record.id }}>
      {children}
    </Link>
  );
};

/** The action tracker (27001 6.2 and 10): one list for every plan the ISMS makes. */
export function ActionsPage() {
  const { t } = useT();
  const { org } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const can = useCan(org);
  useDocumentTitle(t('actions.title'), useOrg(org).data?.name);

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader
        eyebrow={t('actions.eyebrow')}
        title={t('actions.title')}
        description={t('actions.lead')}
        actions={
          can('action.create') ? (
            <Link to="/o/$org/actions/new" params={{ org }} className="button button--primary">
              {t('actions.new')}
            </Link>
          ) : null
        }
      />
      <RegisterList
        org={org}
        register={actionRegister}
        search={search}
        onSearch={(next) => void navigate({ search: next, replace: false })}
        RecordLink={ActionLink}
        canExport={can('action.export')}
        canImport={can('action.import')}
        quickFilters={[
          { id: 'mine', label: t('actions.quick.mine'), params: { ownerId: 'me' } },
          { id: 'overdue', label: t('actions.quick.overdue'), params: { overdue: 'true' } },
        ]}
        emptyState={<ActionsEmptyState canCreate={can('action.create')} org={org} />}
      />
    </section>
  );
}

function ActionsEmptyState({ canCreate, org }: { canCreate: boolean; org: string }) {
  const { t } = useT();
  return (
    <>
      <h2>{t('actions.empty.title')}</h2>
      <p>{t('actions.empty.intro')}</p>
      <ul className="checklist">
        <li>{t('actions.empty.what')}</li>
        <li>{t('actions.empty.resources')}</li>
        <li>{t('actions.empty.who')}</li>
        <li>{t('actions.empty.when')}</li>
        <li>{t('actions.empty.how')}</li>
      </ul>
      {canCreate ? (
        <p>
          <Link to="/o/$org/actions/new" params={{ org }} className="button button--primary">
            {t('actions.empty.add')}
          </Link>
        </p>
      ) : (
        <p className="muted">{t('actions.empty.readOnly')}</p>
      )}
    </>
  );
}
