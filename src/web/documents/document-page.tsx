import { Link, getRouteApi } from '@tanstack/react-router';
import { documentRegister, type DocumentRecord } from '../../schema/documents/document.register.js';
import { documentVersioned, templateSections } from '../../schema/documents/document.versioned.js';
import { useT } from '../i18n/i18n.js';
import { useCan, useOrg } from '../lib/session.js';
import { EvidenceCard } from '../evidence/evidence-card.js';
import { useRegisterRecord, type WithRelated } from '../register/register-api.js';
import { VersionedDocumentPage } from '../versioning/versioned-document-page.js';
import { AcknowledgementsCard } from './document-acknowledgements-card.js';
import { DocumentBanner } from './document-banner.js';
import { DocumentPeopleCard } from './document-people-card.js';
import { PublicationCard } from './document-publication-card.js';
import { RetentionCard } from './document-retention-card.js';
import { ReviewsCard } from './document-reviews-card.js';
import { DocumentsBreadcrumb } from './documents-breadcrumb.js';
import { EvidencePackageButton } from './evidence-package-button.js';
import { Markdown } from './markdown.js';
import './documents.css';

const route = getRouteApi('/o/$org/documents/$id');
const HEADER_FIELDS = [
  'type',
  'classification',
  'ownerId',
  'audience',
  'status',
  'publishedVersion',
  'nextReviewDate',
] as const;
const renderText = (text: string) => <Markdown text={text} />;

/**
 * One document (7.5) as a controlled document: its text in the sections its type uses (a policy: the 27003 Annex A
 * template), written in Markdown, sent for approval, approved, then published to its audience, acknowledged,
 * reviewed, withdrawn and at last disposed of.
 */
export function DocumentPage() {
  const { t } = useT();
  const { org, id } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const role = useOrg(org).data?.role;
  return (
    <VersionedDocumentPage
      org={org}
      id={id}
      register={documentRegister}
      def={documentVersioned}
      search={search}
      onSearch={(next) => void navigate({ search: next })}
      breadcrumb={(ref) => <DocumentsBreadcrumb org={org} current={ref} />}
      createdMessage={(ref) => t('documents.created', { ref })}
      headerFields={HEADER_FIELDS}
      presentation={(record) => ({
        sections: templateSections({
          type: String(record.type ?? ''),
          isSecurityPolicy: record.isSecurityPolicy === true,
        }),
        renderText,
        // top management alone signs the information security policy (5.2); the server refuses anyone else
        approvable: record.isSecurityPolicy !== true || role === 'approver',
      })}
      banner={<DocumentBanner org={org} id={id} onShowVersion={(no) => void navigate({ search: { v: String(no) } })} />}
      below={() => <DocumentCards org={org} id={id} />}
      evidence={false}
    />
  );
}

/**
 * The cards under the text. They read the record the page has loaded (the same query, so no second request) through
 * the document register's schema, typed as a document rather than as any register's record.
 */
function DocumentCards({ org, id }: { org: string; id: string }) {
  const { t } = useT();
  const can = useCan(org);
  const record = useRegisterRecord(org, documentRegister, id).data;
  if (!record) return null;
  return (
    <div className="doc-cards">
      <div className="doc-cards__main">
        <PublicationCard org={org} record={record} />
        <AcknowledgementsCard org={org} record={record} />
        <ReviewsCard org={org} record={record} />
        <RetentionCard org={org} record={record} />
      </div>
      <aside className="doc-cards__side" aria-label={t('documents.side')}>
        <DocumentPeopleCard org={org} record={record} />
        <section className="card" aria-labelledby="doc-details-title">
          <h2 id="doc-details-title" className="card__title">
            {t('documents.details.title')}
          </h2>
          <DetailsList record={record} />
          {!record.archivedAt ? (
            <Link
              to="/o/$org/documents/$id/edit"
              params={{ org, id: record.id }}
              className="button button--secondary button--small"
            >
              {t('documents.details.edit')}
            </Link>
          ) : null}
        </section>
        <EvidenceCard org={org} type="document" id={record.id} ref={record.ref} archived={!!record.archivedAt} />
        {can('document.export') && !record.archivedAt ? (
          <section className="card" aria-labelledby="doc-evidence-title">
            <h2 id="doc-evidence-title" className="card__title">
              {t('documents.evidence.title')}
            </h2>
            <EvidencePackageButton org={org} documentId={record.id} size="small" />
          </section>
        ) : null}
      </aside>
    </div>
  );
}

/** The attributes not already under the title. */
function DetailsList({ record }: { record: WithRelated<DocumentRecord> }) {
  const { t, td, formatDate } = useT();
  const text = (v: string | number | null) => (v === null || v === '' ? t('common.empty') : String(v));
  const parent = record.parentId ? record.related?.[record.parentId] : undefined;
  return (
    <dl className="detail__meta">
      <dt>{t('documents.field.purpose')}</dt>
      <dd className="prewrap">{text(record.purpose)}</dd>
      <dt>{t('documents.field.parent')}</dt>
      <dd>{parent ? `${parent.ref} — ${parent.title}` : text(record.parentId)}</dd>
      <dt>{t('documents.field.origin')}</dt>
      <dd>
        {td(`documents.origin.${record.origin ?? ''}`, undefined, text(record.origin))}
        {record.source ? ` — ${record.source}` : ''}
      </dd>
      <dt>{t('documents.field.reviewIntervalMonths')}</dt>
      <dd>{text(record.reviewIntervalMonths)}</dd>
      <dt>{t('documents.field.shareableExternally')}</dt>
      <dd>{record.shareableExternally ? t('common.yes') : t('common.no')}</dd>
      {record.publishedOn ? (
        <>
          <dt>{t('documents.field.publishedOn')}</dt>
          <dd>{formatDate(record.publishedOn)}</dd>
        </>
      ) : null}
    </dl>
  );
}
