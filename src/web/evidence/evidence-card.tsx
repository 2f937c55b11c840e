import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { Link } from '@tanstack/react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { EVIDENCE_LINK_KIND, type EvidenceRecord } from '../../schema/evidence/evidence.register.js';
import { useT } from '../i18n/i18n.js';
import { api, orgPath } from '../lib/api-client.js';
import { useCan } from '../lib/session.js';
import { ErrorMessage, LiveMessage } from '../components/status.js';
import { useRecordLinks } from '../register/register-api.js';
import { RecordOptions, RecordSearch } from '../register/record-select.js';
import { evidenceExpired, evidenceFileUrl, formatBytes, useAttachedEvidence } from './evidence-api.js';
import { UploadDialog } from './upload-dialog.js';
import './evidence.css';
import { Button } from '../ui/button.js';
import { Select } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { QueryState } from '../ui/query-state.js';
import { useForm } from '../ui/use-form.js';
import { linkCreateSchema, linkSchema } from '../../schema/orgs/org.schema.js';

interface Props {
  org: string;
  /** the record's type (its register's entity) and id */
  type: string;
  id: string;
  ref: string;
  /** an archived record lists its evidence but takes no more */
  archived?: boolean;
}

/**
 * "Evidence: N files" on any record's page: what is attached (with expired and superseded flagged, and a download
 * link each), and, for those allowed, uploading a new file, attaching existing evidence and detaching.
 */
export function EvidenceCard({ org, type, id, ref, archived = false }: Props) {
  const i18n = useT();
  const { t } = i18n;
  const can = useCan(org);
  const queryClient = useQueryClient();
  const readable = can('evidence.read');
  const evidence = useAttachedEvidence(org, type, id, readable);
  const links = useRecordLinks(org, type, id);
  const [uploading, setUploading] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['org', org, 'evidence'] });
    await queryClient.invalidateQueries({ queryKey: ['org', org, 'links'] });
  };
  const detach = useMutation({
    mutationFn: (linkId: string) => api.delete(orgPath(org, `/links/${encodeURIComponent(linkId)}`)),
    onSuccess: refresh,
  });
  if (!readable) return null;

  const items = evidence.data?.items ?? [];
  const expired = items.filter((e) => evidenceExpired(e) && !e.supersededById).length;
  const linkOf = (evidenceId: string) =>
    links.data?.items.find(
      (l) =>
        l.kind === EVIDENCE_LINK_KIND &&
        ((l.fromType === 'evidence' && l.fromId === evidenceId) || (l.toType === 'evidence' && l.toId === evidenceId)),
    );
  const editable = !archived;
  return (
    <section className="card evidence-card" aria-labelledby={`evidence-card-${id}`}>
      <h2 id={`evidence-card-${id}`} className="card__title">
        {t('evidence.card.title')}
        {evidence.data ? (
          <span className="badge">
            {items.length === 1 ? t('evidence.card.countOne') : t('evidence.card.countMany', { count: items.length })}
          </span>
        ) : null}
        {expired ? (
          <span className="badge badge--expired">{t('evidence.card.expiredCount', { count: expired })}</span>
        ) : null}
      </h2>
      <LiveMessage>{done}</LiveMessage>
      <QueryState query={evidence} isEmpty={() => items.length === 0} empty={t('evidence.card.none')}>
        {() => (
          <ul className="evidence-list">
            {items.map((e) => {
              const link = linkOf(e.id);
              return (
                <li
                  key={e.id}
                  className={
                    e.supersededById ? 'evidence-list__item evidence-list__item--superseded' : 'evidence-list__item'
                  }
                >
                  <Link to="/o/$org/evidence/$id" params={{ org, id: e.id }} className="evidence-list__title">
                    <span className="ref">{e.ref}</span> {e.title}
                  </Link>
                  {editable && link && can('links.delete') ? (
                    <button
                      type="button"
                      className="icon-button icon-button--danger evidence-list__detach"
                      title={t('evidence.card.detach', { ref: e.ref })}
                      aria-label={t('evidence.card.detach', { ref: e.ref })}
                      disabled={detach.isPending}
                      onClick={() =>
                        detach.mutate(link.id, {
                          onSuccess: () => setDone(t('evidence.card.detached', { ref: e.ref })),
                        })
                      }
                    >
                      ×
                    </button>
                  ) : null}
                  <span className="evidence-list__meta muted">
                    {e.fileName} · {formatBytes(i18n, e.size ?? 0)} ·{' '}
                    <a
                      href={evidenceFileUrl(org, e.id)}
                      download
                      aria-label={t('evidence.downloadNamed', { name: e.fileName ?? '' })}
                    >
                      {t('evidence.download')}
                    </a>
                    <EvidenceFlags record={e} />
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </QueryState>
      {detach.isError ? <ErrorMessage error={detach.error} /> : null}
      {editable && (can('evidence.create') || can('links.create')) ? (
        <div className="evidence-card__tools">
          {can('evidence.create') ? (
            <Button size="small" onClick={() => setUploading(true)}>
              {t('evidence.card.upload')}
            </Button>
          ) : null}
          {can('links.create') ? (
            <AttachExisting
              org={org}
              type={type}
              id={id}
              attached={items.map((e) => e.id)}
              onAttached={async (r) => {
                await refresh();
                setDone(t('evidence.card.attached', { ref: r }));
              }}
            />
          ) : null}
        </div>
      ) : null}
      <UploadDialog
        org={org}
        open={uploading}
        attachTo={{ type, id, ref }}
        onClose={() => setUploading(false)}
        onUploaded={(result) => {
          setUploading(false);
          const same = result.upload.sameContent.map((e) => e.ref).join(', ');
          setDone(
            `${t('evidence.card.uploaded', { ref: result.ref })}${same ? ` ${t('evidence.dialog.sameContent', { refs: same })}` : ''}`,
          );
        }}
      />
    </section>
  );
}

/** Expired / superseded / not yet valid, as badges. */
export function EvidenceFlags({ record }: { record: Pick<EvidenceRecord, 'validUntil' | 'supersededById'> }) {
  const { t, formatDate } = useT();
  const until = record.validUntil;
  return (
    <>
      {record.supersededById ? <span className="badge badge--muted">{t('evidence.superseded')}</span> : null}
      {evidenceExpired(record) ? (
        <span className="badge badge--expired" title={t('evidence.expiredOn', { date: formatDate(until) })}>
          {t('evidence.expired')}
        </span>
      ) : null}
    </>
  );
}

function AttachExisting({
  org,
  type,
  id,
  attached,
  onAttached,
}: {
  org: string;
  type: string;
  id: string;
  attached: string[];
  onAttached: (ref: string) => Promise<void>;
}) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const onSearch = useCallback((text: string) => setQ(text), []);
  const attach = useMutation({
    mutationFn: (body: z.input<typeof linkCreateSchema>) => api.post(orgPath(org, '/links'), body, linkSchema),
  });
  const form = useForm({
    // named as the body's field, so the schema's and the server's messages land next to it
    initial: { fromId: '' },
    schema: linkCreateSchema,
    toBody: (v) => ({ fromType: 'evidence', fromId: v.fromId, toType: type, toId: id, kind: EVIDENCE_LINK_KIND }),
    submit: (body) => attach.mutateAsync(body),
    onSuccess: async (link) => {
      setOpen(false);
      await onAttached(link.fromRef ?? link.fromId);
    },
    resetOnSuccess: true,
  });
  if (!open) {
    return (
      <Button size="small" onClick={() => setOpen(true)}>
        {t('evidence.card.attachExisting')}
      </Button>
    );
  }
  const chosen = form.values.fromId;
  return (
    <Form form={form} className="link-add evidence-card__attach" aria-label={t('evidence.card.attachExisting')}>
      <Select
        label={t('evidence.card.chooseEvidence')}
        fieldClassName="record-select"
        suffix={<RecordSearch label={t('evidence.card.chooseEvidence')} onSearch={onSearch} />}
        {...form.field('fromId')}
      >
        <option value="">{t('common.choose')}</option>
        <RecordOptions org={org} entity="evidence" q={q} value={chosen} current={undefined} />
      </Select>
      <div className="form__actions">
        <Button
          type="submit"
          variant="primary"
          size="small"
          disabled={!chosen || attached.includes(chosen)}
          busy={form.submitting}
        >
          {t('evidence.card.attach')}
        </Button>
        <Button variant="link" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
      </div>
      <FormFailureMessage form={form} />
    </Form>
  );
}
