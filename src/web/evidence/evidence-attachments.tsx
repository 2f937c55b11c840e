import { useCallback, useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { EVIDENCE_LINK_KIND } from '../../schema/evidence/evidence.register.js';
import { useT } from '../i18n/i18n.js';
import { api, orgPath } from '../lib/api-client.js';
import type { RegisterRecord } from '../lib/api-types.js';
import { useCan } from '../lib/session.js';
import { FormField } from '../ui/form-field.js';
import { ErrorMessage, LiveMessage } from '../components/status.js';
import { useRecordLinks } from '../register/register-api.js';
import { RecordOptions, RecordSearch, relatedText } from '../register/record-select.js';
import { knownRegisters, recordPath } from '../register/record-targets.js';
import { Button } from '../ui/button.js';
import { QueryState } from '../ui/query-state.js';
import { linkSchema } from '../../schema/orgs/org.schema.js';

/** The records an evidence is attached to (links of kind `evidence`), with attaching and detaching. */
export function EvidenceAttachments({ org, record }: { org: string; record: RegisterRecord }) {
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
  const [entity, setEntity] = useState(entities[0] ?? 'action');
  const [chosen, setChosen] = useState('');
  const [q, setQ] = useState('');
  const onSearch = useCallback((text: string) => setQ(text), []);
  const attach = useMutation({
    mutationFn: () =>
      api.post(
        orgPath(org, '/links'),
        { fromType: 'evidence', fromId: evidenceId, toType: entity, toId: chosen, kind: EVIDENCE_LINK_KIND },
        linkSchema,
      ),
    onSuccess: async (link) => {
      setChosen('');
      await onAttached(link.toRef ?? link.toId);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (chosen) attach.mutate();
  };
  const recordLabel = t('evidence.attachToRecord', { kind: td(`entity.${entity}`, undefined, entity) });
  return (
    <form className="link-add" onSubmit={submit} aria-label={t('evidence.attachTo')}>
      <h3 className="link-add__title">{t('evidence.attachTo')}</h3>
      <FormField label={t('evidence.attachToType')}>
        <select
          value={entity}
          onChange={(e) => {
            setEntity(e.target.value);
            setChosen('');
          }}
        >
          {entities.map((en) => (
            <option key={en} value={en}>
              {td(`entity.${en}`, undefined, en)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField
        label={recordLabel}
        className="record-select"
        suffix={<RecordSearch key={entity} label={recordLabel} onSearch={onSearch} />}
      >
        <select value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="">{t('common.choose')}</option>
          <RecordOptions org={org} entity={entity} q={q} value={chosen} current={undefined} />
        </select>
      </FormField>
      <Button type="submit" disabled={!chosen || attach.isPending}>
        {t('evidence.attachSubmit')}
      </Button>
      {attach.isError ? <ErrorMessage error={attach.error} /> : null}
    </form>
  );
}
