import type { ReactNode } from 'react';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import {
  objectivesDocumentRegister,
  objectivesDocumentVersioned,
} from '../../schema/objectives/objectives-document.register.js';
import { useT } from '../i18n/i18n.js';
import { api, orgPath } from '../lib/api-client.js';
import type { RegisterRecord } from '../lib/api-types.js';
import { useCan, useOrg, useSession } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { recordSchemaOf } from '../register/register-api.js';
import { Button } from '../ui/button.js';
import { TextField } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { PageHeader } from '../ui/page-header.js';
import { useForm } from '../ui/use-form.js';
import { OnePerOrganizationPage } from '../versioning/one-per-organization.js';
import { VersionedDocumentPage } from '../versioning/versioned-document-page.js';
import { useVersions } from '../versioning/versioned-api.js';
import { objectivesDocumentXlsxHref } from './objective-api.js';
import { CommunicationsCard } from './objective-communications-card.js';
import { ObjectivesCompareCard } from './objectives-compare-card.js';
import './objectives-snapshot-view.js';
import './objectives.css';

const route = getRouteApi('/o/$org/objectives-document');
const COLLECTION = objectivesDocumentRegister.collection;

/**
 * The documented information on objectives (27001 6.2), one per organization: an explained start while there is
 * none, then the controlled document — the framework and communication texts written in a draft, the objectives
 * taken from the register on every save, approval by top management, versions compared objective by objective,
 * DOCX/PDF and the XLSX of the objectives with the approval block.
 */
export function ObjectivesDocumentPage() {
  const { t } = useT();
  const { org } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const can = useCan(org);
  const shownNo = search.v && /^\d+$/.test(search.v) ? Number(search.v) : undefined;
  return (
    <OnePerOrganizationPage
      org={org}
      register={objectivesDocumentRegister}
      title={t('objectivesDoc.title')}
      group={t('nav.group.planning')}
      empty={(breadcrumb) => (
        <NoDocumentPage
          org={org}
          breadcrumb={breadcrumb}
          canCreate={can('objectives_document.create')}
          onCreated={() => void navigate({ search: { edit: '1', created: '1' } })}
        />
      )}
    >
      {(data, breadcrumb) => (
        <VersionedDocumentPage
          org={org}
          id={data.id}
          register={objectivesDocumentRegister}
          def={objectivesDocumentVersioned}
          search={search}
          onSearch={(next) => void navigate({ search: next })}
          breadcrumb={breadcrumb}
          createdMessage={(ref) => t('objectivesDoc.created', { ref })}
          banner={
            <DocumentBanner org={org} record={data} shownNo={shownNo} canExport={can('objectives_document.export')} />
          }
          below={() => <CommunicationsCard org={org} id={null} canRecord={can('objective.communicate')} />}
        />
      )}
    </OnePerOrganizationPage>
  );
}

/** Between the header and the tabs: the XLSX of the version shown, the register, and what changed per objective. */
function DocumentBanner({
  org,
  record,
  shownNo,
  canExport,
}: {
  org: string;
  record: RegisterRecord;
  shownNo: number | undefined;
  canExport: boolean;
}) {
  const { t } = useT();
  const versions = useVersions(org, objectivesDocumentRegister, record.id);
  const items = versions.data?.items ?? [];
  const approved = typeof record.approvedVersion === 'number' ? record.approvedVersion : null;
  // the version asked for, else the approved one in force, else the latest
  const no = shownNo ?? approved ?? items[0]?.versionNo;
  return (
    <div className="obj-doc-banner">
      <nav className="obj-doc-links" aria-label={t('objectivesDoc.links')}>
        <Link to="/o/$org/objectives" params={{ org }}>
          {t('objectivesDoc.registerLink')}
        </Link>
        {canExport && no !== undefined ? (
          <a
            className="button button--secondary button--small"
            href={objectivesDocumentXlsxHref(org, record.id, no)}
            download
            aria-label={t('objectivesDoc.xlsx', { no })}
          >
            XLSX
          </a>
        ) : null}
      </nav>
      {items.length > 1 ? (
        <ObjectivesCompareCard
          key={`${items[0]?.versionNo}-${approved}`}
          org={org}
          id={record.id}
          versions={items}
          approvedVersion={approved}
        />
      ) : null}
    </div>
  );
}

function NoDocumentPage({
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
  useDocumentTitle(t('objectivesDoc.title'), useOrg(org).data?.name);
  return (
    <section className="page" aria-labelledby="page-title">
      {breadcrumb}
      <PageHeader
        eyebrow={t('objectives.eyebrow')}
        focusableTitle
        title={t('objectivesDoc.title')}
        description={t('objectivesDoc.lead')}
      />
      <section className="empty-state" aria-labelledby="od-empty-title">
        <h2 id="od-empty-title">{t('objectivesDoc.empty.title')}</h2>
        <p>{t('objectivesDoc.empty.intro')}</p>
        <ul className="checklist">
          <li>{t('objectivesDoc.empty.framework')}</li>
          <li>{t('objectivesDoc.empty.snapshot')}</li>
          <li>{t('objectivesDoc.empty.approval')}</li>
        </ul>
        {canCreate ? (
          <StartForm org={org} onCreated={onCreated} />
        ) : (
          <p className="muted">{t('objectivesDoc.empty.readOnly')}</p>
        )}
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
    initial: { title: t('objectivesDoc.empty.defaultTitle') },
    toBody: (v: { title: string }) => ({
      title: v.title.trim(),
      ...(session ? { ownerId: session.user.id } : {}),
    }),
    schema: objectivesDocumentRegister.createSchema,
    submit: (body) => api.post(orgPath(org, `/${COLLECTION}`), body, recordSchemaOf(objectivesDocumentRegister)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['org', org, COLLECTION] });
      onCreated();
    },
    fields: ['title'],
  });
  return (
    <Form form={form} className="form" aria-label={t('objectivesDoc.empty.start')}>
      <TextField label={t('objectivesDoc.empty.titleLabel')} required maxLength={200} {...form.field('title')} />
      <FormFailureMessage form={form} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={form.submitting}>
          {t('objectivesDoc.empty.start')}
        </Button>
      </div>
    </Form>
  );
}
