import { useState, type ReactNode } from 'react';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { soaRegister, soaVersioned } from '../../../schema/controls/soa.register.js';
import { controlSettingsSchema } from '../../../schema/controls/treatment.schema.js';
import { useT } from '../../i18n/i18n.js';
import { api, orgPath } from '../../lib/api-client.js';
import type { RegisterRecord } from '../../lib/api-types.js';
import { recordSchemaOf } from '../../register/register-api.js';
import { versionSchema } from '../../../schema/versioning/version-responses.js';
import { useCan, useOrg, useSession } from '../../lib/session.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { ErrorMessage } from '../../components/status.js';
import { VersionedDocumentPage } from '../../versioning/versioned-document-page.js';
import { OnePerOrganizationPage } from '../../versioning/one-per-organization.js';
import { useVersions } from '../../versioning/versioned-api.js';
import { soaExportHref } from './soa-api.js';
import { SoaCompareCard } from './soa-compare-card.js';
import './soa-section.js';
import { Button } from '../../ui/button.js';
import { PageHeader } from '../../ui/page-header.js';

const route = getRouteApi('/o/$org/soa');

/**
 * The Statement of Applicability (27001 6.1.3 d), one per organization: an explained start while there is none,
 * then the controlled document — its lines taken from the controls on every draft save, approval by top
 * management, line-by-line comparison and the XLSX/CSV table next to the generic DOCX/PDF.
 */
export function SoaPage() {
  const { t } = useT();
  const { org } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const can = useCan(org);
  const shownNo = search.v && /^\d+$/.test(search.v) ? Number(search.v) : undefined;
  return (
    <OnePerOrganizationPage
      org={org}
      register={soaRegister}
      title={t('soa.title')}
      group={t('nav.group.planning')}
      empty={(breadcrumb) => (
        <NoSoaPage
          org={org}
          breadcrumb={breadcrumb}
          canCreate={can('soa.create')}
          onCreated={() => void navigate({ search: { created: '1' } })}
        />
      )}
    >
      {(data, breadcrumb) => (
        <VersionedDocumentPage
          org={org}
          id={data.id}
          register={soaRegister}
          def={soaVersioned}
          search={search}
          onSearch={(next) => void navigate({ search: next })}
          breadcrumb={breadcrumb}
          createdMessage={(ref) => t('soaPage.created', { ref })}
          banner={<SoaBanner org={org} record={data} shownNo={shownNo} canExport={can('soa.export')} />}
        />
      )}
    </OnePerOrganizationPage>
  );
}

/** Between the header and the tabs: the table exports of the version shown, and what changed line by line. */
function SoaBanner({
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
  const { t, td } = useT();
  const versions = useVersions(org, soaRegister, record.id);
  const items = versions.data?.items ?? [];
  const approved = typeof record.approvedVersion === 'number' ? record.approvedVersion : null;
  // the version asked for, else the approved SoA in force, else the latest (a draft only when none is approved)
  const no = shownNo ?? approved ?? items[0]?.versionNo;
  const state = items.find((v) => v.versionNo === no)?.state;
  return (
    <div className="soa-banner">
      {canExport && no !== undefined ? (
        <div className="button-group soa-exports" role="group" aria-label={t('soaPage.export.label', { no })}>
          <span className="button-group__label" aria-hidden="true">
            {state
              ? t('soaPage.export.labelOf', { no, state: td(`versions.state.${state}`) })
              : t('soaPage.export.label', { no })}
          </span>
          {(['xlsx', 'csv'] as const).map((format) => (
            <a
              key={format}
              className="button button--secondary button--small"
              href={soaExportHref(org, record.id, no, format)}
              download
              aria-label={t('soaPage.export.as', { no, format: format.toUpperCase() })}
            >
              {format.toUpperCase()}
            </a>
          ))}
        </div>
      ) : null}
      {items.length > 1 ? (
        <SoaCompareCard
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

function NoSoaPage({
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
  const queryClient = useQueryClient();
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const settings = useQuery({
    queryKey: ['org', org, 'control-settings'],
    queryFn: () => api.get(orgPath(org, '/control-settings'), controlSettingsSchema),
  });
  const noEdition = settings.data ? settings.data.edition === null : false;
  useDocumentTitle(t('soa.title'), useOrg(org).data?.name);

  // Creates the record, then saves a first draft: the server fills its lines from the controls as they stand.
  const start = async () => {
    setBusy(true);
    setFailure(null);
    const base = orgPath(org, `/${soaRegister.collection}`);
    try {
      const record = await api.post(
        base,
        { title: t('soa.title'), ...(session ? { ownerId: session.user.id } : {}) },
        recordSchemaOf(soaRegister),
      );
      await api.put(
        `${base}/${encodeURIComponent(record.id)}/draft`,
        {
          content: { introduction: '', statement: { edition: null, rows: [] } },
          changeNote: t('soaPage.empty.changeNote'),
        },
        versionSchema,
      );
      await queryClient.invalidateQueries({ queryKey: ['org', org, soaRegister.collection] });
      onCreated();
    } catch (err) {
      setFailure(err);
      // made but the draft failed: the page now shows the record, whose first draft can be saved there
      await queryClient.invalidateQueries({ queryKey: ['org', org, soaRegister.collection] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page" aria-labelledby="page-title">
      {breadcrumb}
      <PageHeader
        eyebrow={t('soaPage.eyebrow')}
        focusableTitle
        title={t('soa.title')}
        description={t('soaPage.lead')}
      />
      <div className="empty-state soa-empty">
        <h2>{t('soaPage.empty.title')}</h2>
        <p>{t('soaPage.empty.intro')}</p>
        <ul className="checklist">
          <li>{t('soaPage.empty.lines')}</li>
          <li>{t('soaPage.empty.refresh')}</li>
          <li>{t('soaPage.empty.approval')}</li>
        </ul>
        {noEdition ? (
          <p className="alert alert--warning">
            {t('soaPage.empty.noEdition')}{' '}
            <Link to="/o/$org/controls" params={{ org }}>
              {t('treatment.noEditionLink')}
            </Link>
          </p>
        ) : null}
        {canCreate ? (
          <>
            {failure ? <ErrorMessage error={failure} /> : null}
            <Button variant="primary" disabled={busy || noEdition} onClick={() => void start()}>
              {busy ? t('soaPage.empty.starting') : t('soaPage.empty.start')}
            </Button>
          </>
        ) : (
          <p className="muted">{t('soaPage.empty.readOnly')}</p>
        )}
      </div>
    </section>
  );
}
