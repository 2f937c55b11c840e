import { Link, getRouteApi } from '@tanstack/react-router';
import { scopeRegister } from '../../schema/scope/scope.register.js';
import { useT } from '../i18n/i18n.js';
import { useCan, useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { RegisterList } from '../register/register-list.js';
import type { RecordLinkComponent } from '../register/register-table.js';
import { PageHeader } from '../ui/page-header.js';

const route = getRouteApi('/o/$org/scopes');

const ScopeLink: RecordLinkComponent = ({ record, children }) => {
  const { org } = route.useParams();
  return (
    <Link to="/o/$org/scopes/$id" params={{ org, id: record.id }}>
      {children}
    </Link>
  );
};

/** Scope statements (27001 4.3): the generic register list with the server-kept version columns. */
export function ScopesPage() {
  const { t } = useT();
  const { org } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const can = useCan(org);
  useDocumentTitle(t('scope.title'), useOrg(org).data?.name);

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader
        eyebrow={t('scope.eyebrow')}
        title={t('scope.title')}
        description={t('scope.lead')}
        actions={
          can('scope.create') ? (
            <Link to="/o/$org/scopes/new" params={{ org }} className="button button--primary">
              {t('scope.new')}
            </Link>
          ) : null
        }
      />
      <RegisterList
        org={org}
        register={scopeRegister}
        search={search}
        onSearch={(next) => void navigate({ search: next })}
        RecordLink={ScopeLink}
        canExport={can('scope.export')}
        canImport={can('scope.import')}
        emptyState={<ScopeEmptyState org={org} canCreate={can('scope.create')} />}
      />
    </section>
  );
}

/** What a scope statement holds (27003 4.3 j–l) and the stages it goes through. */
function ScopeEmptyState({ org, canCreate }: { org: string; canCreate: boolean }) {
  const { t } = useT();
  return (
    <>
      <h2>{t('scope.empty.title')}</h2>
      <p>{t('scope.empty.intro')}</p>
      <ul className="checklist">
        <li>{t('scope.empty.organizational')}</li>
        <li>{t('scope.empty.ict')}</li>
        <li>{t('scope.empty.physical')}</li>
        <li>{t('scope.empty.inOut')}</li>
        <li>{t('scope.empty.outsourced')}</li>
      </ul>
      <p>{t('scope.empty.stages')}</p>
      {canCreate ? (
        <p>
          <Link to="/o/$org/scopes/new" params={{ org }} className="button button--primary">
            {t('scope.empty.add')}
          </Link>
        </p>
      ) : (
        <p className="muted">{t('scope.empty.readOnly')}</p>
      )}
    </>
  );
}
