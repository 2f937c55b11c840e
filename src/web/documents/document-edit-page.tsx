import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { documentRegister } from '../../schema/documents/document.register.js';
import { useT } from '../i18n/i18n.js';
import { useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { RegisterForm } from '../register/register-form.js';
import { useRegisterMutations, useRegisterRecord } from '../register/register-api.js';
import { DocumentsBreadcrumb } from './documents-breadcrumb.js';

const route = getRouteApi('/o/$org/documents/$id/edit');

/** The document's register attributes (27003 7.5.2: type, classification, owner, review and retention…); its text is versioned. */
export function DocumentEditPage() {
  const { t } = useT();
  const { org, id } = route.useParams();
  const navigate = useNavigate();
  const record = useRegisterRecord(org, documentRegister, id);
  const { update } = useRegisterMutations(org, documentRegister);
  const back = () => void navigate({ to: '/o/$org/documents/$id', params: { org, id } });
  useDocumentTitle(
    record.data ? t('documents.editTitle', { ref: record.data.ref }) : t('common.loading'),
    useOrg(org).data?.name,
  );
  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <DocumentsBreadcrumb org={org} current={record.data?.ref} />
      {record.isPending ? (
        <Loading />
      ) : record.isError ? (
        <ErrorMessage error={record.error} onRetry={() => void record.refetch()} />
      ) : (
        <>
          <h1 id="page-title">{t('documents.editTitle', { ref: record.data.ref })}</h1>
          <RegisterForm
            key={record.data.version}
            org={org}
            register={documentRegister}
            record={record.data}
            onSubmit={async (body) => {
              await update.mutateAsync({ id, body });
              back();
            }}
            onCancel={back}
          />
        </>
      )}
    </section>
  );
}
