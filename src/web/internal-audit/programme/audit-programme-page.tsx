import type { ReactNode } from 'react';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import {
  auditProgrammeRegister,
  auditProgrammeVersioned,
} from '../../../schema/internal-audit/audit-programme.register.js';
import { useT } from '../../i18n/i18n.js';
import { api, orgPath } from '../../lib/api-client.js';
import { useCan, useOrg, useSession } from '../../lib/session.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { recordSchemaOf } from '../../register/register-api.js';
import { Button } from '../../ui/button.js';
import { TextField } from '../../ui/fields.js';
import { Form, FormFailureMessage } from '../../ui/form.js';
import { PageHeader } from '../../ui/page-header.js';
import { useForm } from '../../ui/use-form.js';
import { OnePerOrganizationPage } from '../../versioning/one-per-organization.js';
import { VersionedDocumentPage } from '../../versioning/versioned-document-page.js';
import './plan-view.js';
import './programme.css';

const route = getRouteApi('/o/$org/audit-programme');
const COLLECTION = auditProgrammeRegister.collection;

/**
 * The internal audit programme (27001 9.2.2), one per organization: an explained start while there is none, then
 * the controlled document — objectives, extent and frequency, methods and the coverage plan edited as a draft,
 * approved by top management, versions compared, DOCX/PDF — with the way to its coverage matrix.
 */
export function AuditProgrammePage() {
  const { t } = useT();
  const { org } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const can = useCan(org);
  return (
    <OnePerOrganizationPage
      org={org}
      register={auditProgrammeRegister}
      title={t('auditProgramme.title')}
      group={t('nav.group.performance')}
      empty={(breadcrumb) => (
        <NoProgrammePage
          org={org}
          breadcrumb={breadcrumb}
          canCreate={can('audit_programme.create')}
          onCreated={() => void navigate({ search: { edit: '1', created: '1' } })}
        />
      )}
    >
      {(data, breadcrumb) => (
        <VersionedDocumentPage
          org={org}
          id={data.id}
          register={auditProgrammeRegister}
          def={auditProgrammeVersioned}
          search={search}
          onSearch={(next) => void navigate({ search: next })}
          breadcrumb={breadcrumb}
          createdMessage={(ref) => t('auditProgramme.created', { ref })}
          banner={<ProgrammeLinks org={org} />}
        />
      )}
    </OnePerOrganizationPage>
  );
}

/** Where the programme is read against the ISMS: its coverage matrix and the requirements of clauses 4–10. */
function ProgrammeLinks({ org }: { org: string }) {
  const { t } = useT();
  return (
    <nav className="ap-links" aria-label={t('auditProgramme.links')}>
      <Link to="/o/$org/audit-programme/coverage" params={{ org }}>
        {t('auditProgramme.coverageLink')}
      </Link>
      <Link to="/o/$org/isms-requirements" params={{ org }}>
        {t('auditProgramme.requirementsLink')}
      </Link>
    </nav>
  );
}

function NoProgrammePage({
  org,
  breadcrumb,
  canCreate,
  onCreated,
}: {
  org: string;
  breadcrumb: ReactNode;
  canCreate: boolean;
  onCreated: () => void;
}) {
  const { t } = useT();
  useDocumentTitle(t('auditProgramme.title'), useOrg(org).data?.name);
  return (
    <section className="page" aria-labelledby="page-title">
      {breadcrumb}
      <PageHeader
        eyebrow={t('auditProgramme.eyebrow')}
        focusableTitle
        title={t('auditProgramme.title')}
        description={t('auditProgramme.lead')}
      />
      <section className="empty-state ap-empty" aria-labelledby="ap-empty-title">
        <h2 id="ap-empty-title">{t('auditProgramme.empty.title')}</h2>
        <p>{t('auditProgramme.empty.intro')}</p>
        <ul className="checklist">
          <li>{t('auditProgramme.empty.period')}</li>
          <li>{t('auditProgramme.empty.extent')}</li>
          <li>{t('auditProgramme.empty.coverage')}</li>
          <li>{t('auditProgramme.empty.competence')}</li>
        </ul>
        <p>{t('auditProgramme.empty.approval')}</p>
        {canCreate ? (
          <StartForm org={org} onCreated={onCreated} />
        ) : (
          <p className="muted">{t('auditProgramme.empty.readOnly')}</p>
        )}
        <p>
          <Link to="/o/$org/isms-requirements" params={{ org }}>
            {t('auditProgramme.requirementsLink')}
          </Link>
        </p>
      </section>
    </section>
  );
}

/** Makes the record (title, owner: the person starting it); its first draft is then written in the editor. */
function StartForm({ org, onCreated }: { org: string; onCreated: () => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const session = useSession();
  const form = useForm({
    initial: { title: t('auditProgramme.empty.defaultTitle') },
    toBody: (v: { title: string }) => ({
      title: v.title.trim(),
      ...(session ? { ownerId: session.user.id } : {}),
    }),
    schema: auditProgrammeRegister.createSchema,
    submit: (body) => api.post(orgPath(org, `/${COLLECTION}`), body, recordSchemaOf(auditProgrammeRegister)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['org', org, COLLECTION] });
      onCreated();
    },
    fields: ['title'],
  });
  return (
    <Form form={form} className="form ap-start" aria-label={t('auditProgramme.empty.start')}>
      <TextField label={t('auditProgramme.empty.titleLabel')} required maxLength={200} {...form.field('title')} />
      <FormFailureMessage form={form} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={form.submitting}>
          {t('auditProgramme.empty.start')}
        </Button>
      </div>
    </Form>
  );
}
