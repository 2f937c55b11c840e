import { useState } from 'react';
import { Link, getRouteApi } from '@tanstack/react-router';
import { evidenceRegister, type EvidenceRecord } from '../../schema/evidence/evidence.register.js';
import { useT } from '../i18n/i18n.js';
import { useMemberNames } from '../lib/members.js';
import { useCan, useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { ConfirmButton } from '../ui/confirm-button.js';
import { ErrorMessage, LiveMessage } from '../components/status.js';
import { FieldValue } from '../register/field-value.js';
import { RecordHistory } from '../register/record-history.js';
import { RecordStamps } from '../register/register-detail.js';
import { useRegisterMutations, useRegisterRecord, type WithRelated } from '../register/register-api.js';
import { createdSearch, evidenceExpired, evidenceFileUrl, formatByteCount, formatBytes } from './evidence-api.js';
import { EvidenceFlags } from './evidence-card.js';
import { EvidenceAttachments } from './evidence-attachments.js';
import { UploadDialog } from './upload-dialog.js';
import './evidence.css';
import { Button } from '../ui/button.js';
import { PageHeader } from '../ui/page-header.js';
import { QueryState } from '../ui/query-state.js';

const route = getRouteApi('/o/$org/evidence/$id');

/** One piece of evidence: the file's facts and fingerprint, its validity, what it is attached to, its history. */
export function EvidenceDetailPage() {
  const { t } = useT();
  const { org, id } = route.useParams();
  const { created, same } = route.useSearch();
  const navigate = route.useNavigate();
  const can = useCan(org);
  const record = useRegisterRecord(org, evidenceRegister, id);
  const { archive } = useRegisterMutations(org, evidenceRegister);
  const [superseding, setSuperseding] = useState(false);
  const data = record.data;
  useDocumentTitle(data ? `${data.ref} ${data.title ?? ''}` : t('evidence.title'), useOrg(org).data?.name);

  const breadcrumb = (
    <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
      <Link to="/o/$org/evidence" params={{ org }}>
        {t('evidence.title')}
      </Link>
      {data ? (
        <>
          <span aria-hidden="true"> / </span>
          <span aria-current="page">{data.ref}</span>
        </>
      ) : null}
    </nav>
  );
  if (record.isPending || record.isError || !data) {
    return (
      <section className="page">
        {breadcrumb}
        <QueryState query={record}>{() => null}</QueryState>
      </section>
    );
  }
  const current = !data.archivedAt && !data.supersededById;
  return (
    <section className="page" aria-labelledby="page-title">
      {breadcrumb}
      <LiveMessage>
        {created
          ? `${t('evidence.created', { ref: data.ref })}${same ? ` ${t('evidence.dialog.sameContent', { refs: same })}` : ''}`
          : null}
      </LiveMessage>
      <PageHeader
        reference={data.ref}
        title={data.title ?? ''}
        badges={
          <>
            <p className="evidence-flags">
              <EvidenceFlags record={data} />
              {data.archivedAt ? <span className="badge badge--muted">{t('register.archivedBadge')}</span> : null}
            </p>
          </>
        }
        actions={
          <>
            <a href={evidenceFileUrl(org, id)} download className="button button--primary">
              {t('evidence.download')}
            </a>
            {current && can('evidence.create') ? (
              <Button onClick={() => setSuperseding(true)}>{t('evidence.newVersion')}</Button>
            ) : null}
            {can('evidence.update') && !data.archivedAt ? (
              <Link to="/o/$org/evidence/$id/edit" params={{ org, id }} className="button button--secondary">
                {t('common.edit')}
              </Link>
            ) : null}
            {can('evidence.delete') && !data.archivedAt ? (
              <ConfirmButton
                label={t('register.archive')}
                question={t('register.archiveQuestion', { ref: data.ref })}
                confirmLabel={t('register.archiveConfirm')}
                busy={archive.isPending}
                onConfirm={async () => {
                  await archive.mutateAsync(id);
                  await navigate({ to: '/o/$org/evidence', params: { org } });
                }}
              />
            ) : null}
          </>
        }
      />
      {archive.isError ? <ErrorMessage error={archive.error} /> : null}
      <div className="detail">
        <FileFacts org={org} record={data} />
        <aside className="detail__side">
          <RecordStamps org={org} record={data} />
          <EvidenceAttachments org={org} record={data} />
        </aside>
      </div>
      <section className="card" aria-labelledby="evidence-history">
        <h2 id="evidence-history" className="card__title">
          {t('context.history')}
        </h2>
        <RecordHistory org={org} register={evidenceRegister} id={id} />
      </section>
      <UploadDialog
        org={org}
        open={superseding}
        supersedes={{ id, ref: data.ref, title: data.title ?? '' }}
        onClose={() => setSuperseding(false)}
        onUploaded={(result) => {
          setSuperseding(false);
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

const SHOWN = [
  'fileName',
  'fileType',
  'size',
  'sha256',
  'collectedOn',
  'validFrom',
  'validUntil',
  'ownerId',
  'supersedesId',
  'supersededById',
  'description',
] as const;

function FileFacts({ org, record }: { org: string; record: WithRelated<EvidenceRecord> }) {
  const i18n = useT();
  const { t, td } = i18n;
  const memberNames = useMemberNames(org);
  const size = record.size ?? 0;
  return (
    <section className="card" aria-labelledby="evidence-file">
      <h2 id="evidence-file" className="card__title">
        {t('evidence.file')}
      </h2>
      <dl className="detail__fields">
        {SHOWN.map((name) => {
          const def = evidenceRegister.fields[name];
          const wide = name === 'sha256' || name === 'description';
          if ((name === 'supersedesId' || name === 'supersededById') && !record[name]) return null;
          return (
            <div key={name} className={wide ? 'detail__row detail__row--wide' : 'detail__row'}>
              <dt>{td(def.label)}</dt>
              <dd>
                {name === 'size' ? (
                  <>
                    {size < 1024
                      ? formatBytes(i18n, size)
                      : `${formatBytes(i18n, size)} (${formatByteCount(i18n, size)})`}
                  </>
                ) : name === 'sha256' ? (
                  <>
                    <code className="evidence-hash">{record.sha256}</code>
                    <p className="field__help">{t('evidence.hashHelp')}</p>
                  </>
                ) : (
                  <>
                    <FieldValue
                      collection={evidenceRegister.collection}
                      name={name}
                      def={def}
                      value={record[name]}
                      memberNames={memberNames}
                      related={record.related}
                      org={org}
                    />
                    {name === 'validUntil' && evidenceExpired(record) ? (
                      <span className="badge badge--expired">{t('evidence.expired')}</span>
                    ) : null}
                  </>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
