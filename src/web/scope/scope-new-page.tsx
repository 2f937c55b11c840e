import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { scopeRegister } from '../../schema/scope/scope.register.js';
import { useT } from '../i18n/i18n.js';
import { useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { RegisterForm } from '../register/register-form.js';
import { useRegisterMutations } from '../register/register-api.js';
import { ScopeBreadcrumb } from './scope-breadcrumb.js';

const route = getRouteApi('/o/$org/scopes/new');

/** Title, owner and review date; the text is written as versions on the document page. */
export function ScopeNewPage() {
  const { t } = useT();
  const { org } = route.useParams();
  const navigate = useNavigate();
  const { create } = useRegisterMutations(org, scopeRegister);
  useDocumentTitle(t('scope.new'), useOrg(org).data?.name);

  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <ScopeBreadcrumb org={org} />
      <h1 id="page-title">{t('scope.new')}</h1>
      <p className="page__lead">{t('scope.formLead')}</p>
      <RegisterForm
        org={org}
        register={scopeRegister}
        onSubmit={async (body) => {
          const record = await create.mutateAsync(body);
          await navigate({ to: '/o/$org/scopes/$id', params: { org, id: record.id }, search: { created: '1' } });
        }}
        onCancel={() => void navigate({ to: '/o/$org/scopes', params: { org } })}
      />
    </section>
  );
}
