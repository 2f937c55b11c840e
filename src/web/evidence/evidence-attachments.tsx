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
import { RecordOptions, RecordSearch, relatedText } from '../register/record-select.js';
import { knownRegisters, recordPath } from '../register/record-targets.js';
import { Button } from '../ui/button.js';
import { Select } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { QueryState } from '../ui/query-state.js';
import { useForm } from '../ui/use-form.js';
import { linkCreateSchema, linkSchema } from '../../schema/orgs/org.schema.js';

/** The records an evidence is attached to (links of kind `evidence`), with attaching and detaching. */
export function EvidenceAttachments({ org, record }: { org: string; record: EvidenceRecord }) {
  const { t, td } = useT();
  const can = useCan(org);
  const queryClient = useQueryClient();
  const links = useRecordLinks(org, 'evidence', record.id);
  const [done, setDone] = useState<string | null>(null);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['org', org, 'links'] });
    await queryClient.invalidateQueries({ queryKey: ['org', org, 'evidence'] });
  };
  const detach = useMutation({
    mutationFn: (linkId: string) => api.delete(orgPath(org, `/links/${encodeURIComponent(linkId)}`)),
    onSuccess: refresh,
  });
  const editable = !record.archivedAt;
  const items = (links.data?.items ?? [])
    .filter((l) => l.kind === EVIDENCE_LINK_KIND)
    .map((l) =>
      l.fromType === 'evidence' && l.fromId === record.id
        ? { linkId: l.id, type: l.toType, id: l.toId, ref: l.toRef, title: l.toTitle }
        : { linkId: l.id, type: l.fromType, id: l.fromId, ref: l.fromRef, title: l.fromTitle },
    );
  return (
    <section className="card" aria-labelledby="evidence-attached">
      <h2 id="evidence-attached" className="card__title">
        {t('evidence.attachedTo')}
      </h2>
      <LiveMessage>{done}</LiveMessage>
      <QueryState query={links} isEmpty={() => items.length === 0} empty={t('evidence.attachedNone')}>
        {() => (
          <ul className="link-list">
            {items.map((a) => {
              const text = relatedText({ ref: a.ref ?? '', title: a.title ?? '' });
              const to = recordPath(org, a.type, a.id);
              return (
                <li key={a.linkId}>
                  <span className="link-list__kind">{td(`entity.${a.type}`, undefined, a.type)}</span>{' '}
                  {to ? <Link to={to as '/'}>{text}</Link> : <span className="ref">{text}</span>}
                  {editable && can('links.delete') ? (
                    <button
                      type="button"
                      className="icon-button icon-button--danger link-list__remove"
                      aria-label={t('evidence.detach', { ref: a.ref ?? '' })}
                      title={t('evidence.detach', { ref: a.ref ?? '' })}
                      disabled={detach.isPending}
                      onClick={() =>
                        detach.mutate(a.linkId, {
                          onSuccess: () => setDone(t('evidence.detached', { ref: a.ref ?? '' })),
                        })
                      }
                    >
                      ×
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </QueryState>
      {detach.isError ? <ErrorMessage error={detach.error} /> : null}
      {editable && can('links.create') ? (
        <AttachTo
          org={org}
          evidenceId={record.id}
          onAttached={async (ref) => {
            await refresh();
            setDone(t('evidence.attached', { ref }));
          }}
        />
      ) : null}
    </section>
  );
}

function AttachTo({
  org,
  evidenceId,
  onAttached,
}: {
  org: string;
  evidenceId: string;
  onAttached: (ref: string) => Promise<void>;
}) {
  const { t, td } = useT();
  const entities = knownRegisters()
    .map((r) => r.entity)
    .filter((e) => e !== 'evidence');
  const [q, setQ] = useState('');
  const onSearch = useCallback((text: string) => setQ(text), []);
  const attach = useMutation({
    mutationFn: (body: z.input<typeof linkCreateSchema>) => api.post(orgPath(org, '/links'), body, linkSchema),
  });
  const form = useForm({
    // named as the body's fields, so the schema's and the server's messages land next to them
    initial: { toType: entities[0] ?? 'action', toId: '' },
    schema: linkCreateSchema,
    toBody: (v) => ({
      fromType: 'evidence',
      fromId: evidenceId,
      toType: v.toType,
      toId: v.toId,
      kind: EVIDENCE_LINK_KIND,
    }),
    submit: (body) => attach.mutateAsync(body),
    // the kind of record stays chosen, for attaching another of the same kind
    onSuccess: async (link, v) => {
      form.reset({ ...v, toId: '' });
      await onAttached(link.toRef ?? link.toId);
    },
  });
  const { toType: entity, toId: chosen } = form.values;
  const recordLabel = t('evidence.attachToRecord', { kind: td(`entity.${entity}`, undefined, entity) });
  return (
    <Form form={form} className="link-add" aria-label={t('evidence.attachTo')}>
      <h3 className="link-add__title">{t('evidence.attachTo')}</h3>
      <Select
        label={t('evidence.attachToType')}
        error={form.errors.toType}
        value={entity}
        onChange={(e) => form.update((v) => ({ ...v, toType: e.target.value, toId: '' }), ['toType', 'toId'])}
      >
        {entities.map((en) => (
          <option key={en} value={en}>
            {td(`entity.${en}`, undefined, en)}
          </option>
        ))}
      </Select>
      <Select
        label={recordLabel}
        fieldClassName="record-select"
        suffix={<RecordSearch key={entity} label={recordLabel} onSearch={onSearch} />}
        {...form.field('toId')}
      >
        <option value="">{t('common.choose')}</option>
        <RecordOptions org={org} entity={entity} q={q} value={chosen} current={undefined} />
      </Select>
      <Button type="submit" disabled={!chosen} busy={form.submitting}>
        {t('evidence.attachSubmit')}
      </Button>
      <FormFailureMessage form={form} />
    </Form>
  );
}
