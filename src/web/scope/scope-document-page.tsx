import { getRouteApi } from '@tanstack/react-router';
import { scopeRegister } from '../../schema/scope/scope.register.js';
import { scopeVersioned } from '../../schema/scope/scope.versioned.js';
import { useT } from '../i18n/i18n.js';
import { VersionedDocumentPage } from '../versioning/versioned-document-page.js';
import { ScopeBreadcrumb } from './scope-breadcrumb.js';

const route = getRouteApi('/o/$org/scopes/$id');

/** One scope statement as a controlled document: its versions, stages, approval and exports. */
export function ScopeDocumentPage() {
  const { t } = useT();
  const { org, id } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  return (
    <VersionedDocumentPage
      org={org}
      id={id}
      register={scopeRegister}
      def={scopeVersioned}
      search={search}
      onSearch={(next) => void navigate({ search: next })}
      breadcrumb={(ref) => <ScopeBreadcrumb org={org} current={ref} />}
      createdMessage={(ref) => t('scope.created', { ref })}
    />
  );
}
