import { useMemo, useState } from 'react';
import { getRouteApi } from '@tanstack/react-router';
import { evidenceRegister } from '../../schema/evidence/evidence.register.js';
import { useT } from '../i18n/i18n.js';
import { useCan, useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { recordLinkFor } from '../register/register-pages.js';
import { RegisterList } from '../register/register-list.js';
import { parseRegisterSearch } from '../register/register-search.js';
import type { ColumnSpec } from '../register/register-table.js';
import { createdSearch, formatBytes } from './evidence-api.js';
import { EvidenceFlags } from './evidence-card.js';
import { evidencePagePath } from './evidence-paths.js';
import { UploadDialog } from './upload-dialog.js';
import './evidence.css';
import { Button } from '../ui/button.js';
import { PageHeader } from '../ui/page-header.js';

const route = getRouteApi('/o/$org/evidence');
/**
 * The validity columns of a row. The generic register table hands rows over as any register's record; these two
 * fields are read back through the evidence register's own schema rather than cast.
 */
const validity = evidenceRegister.recordSchema.pick({ validUntil: true, supersededById: true });

/**
 * The evidence register (7.5.3): every file kept as proof, with what it is, how big, until when it is valid (expired
 * ones flagged and one click away) and who keeps it current; uploading starts here.
 */
export function EvidencePage() {
  const i18n = useT();
  const { t, formatDate } = i18n;
  const { org } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const can = useCan(org);
  const [uploading, setUploading] = useState(false);
  const RecordLink = useMemo(() => recordLinkFor(evidencePagePath), []);
  useDocumentTitle(t('evidence.title'), useOrg(org).data?.name);
  const columns = useMemo<ColumnSpec[]>(
    () => [
      'title',
      'fileName',
      {
        id: 'size',
        header: t('evidence.field.size'),
        sortField: 'size',
        cell: (r) => <span className="evidence-size">{formatBytes(i18n, Number(r.size))}</span>,
      },
      {
        id: 'validUntil',
        header: t('evidence.column.validity'),
        sortField: 'validUntil',
        cell: (r) => {
          const row = validity.safeParse(r).data;
          return (
            <span className="evidence-validity">
              {row?.validUntil ? formatDate(row.validUntil) : <span className="muted">{t('common.empty')}</span>}
              {row ? <EvidenceFlags record={row} /> : null}
            </span>
          );
        },
      },
      'ownerId',
    ],
    [t, i18n, formatDate],
  );

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader
        eyebrow={t('evidence.eyebrow')}
        title={t('evidence.title')}
        description={t('evidence.lead')}
        actions={
          can('evidence.create') ? (
            <Button variant="primary" onClick={() => setUploading(true)}>
              {t('evidence.upload')}
            </Button>
          ) : null
        }
      />
      <RegisterList
        org={org}
        register={evidenceRegister}
        search={parseRegisterSearch(evidenceRegister, search)}
        onSearch={(next) => void navigate({ search: next as never })}
        RecordLink={RecordLink}
        canExport={can('evidence.export')}
        columns={columns}
        hiddenFilters={['sha256']}
        quickFilters={[
          { id: 'expired', label: t('evidence.quick.expired'), params: { expired: 'true' } },
          { id: 'current', label: t('evidence.quick.current'), params: { superseded: 'false' } },
          { id: 'mine', label: t('evidence.quick.mine'), params: { ownerId: 'me' } },
        ]}
        emptyState={
          <>
            <h2>{t('evidence.empty.title')}</h2>
            <p>{t('evidence.empty.intro')}</p>
            {can('evidence.create') ? (
              <p>
                <Button variant="primary" onClick={() => setUploading(true)}>
                  {t('evidence.upload')}
                </Button>
              </p>
            ) : (
              <p className="muted">{t('evidence.empty.readOnly')}</p>
            )}
          </>
        }
      />
      <UploadDialog
        org={org}
        open={uploading}
        onClose={() => setUploading(false)}
        onUploaded={(result) => {
          setUploading(false);
          void navigate({
            to: '/o/$org/evidence/$id',
            params: { org, id: result.id },
            search: createdSearch(result) as never,
          });
        }}
      />
    </section>
  );
}
