import { useCallback, useState, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BaseRecord, RegisterDef } from '../../schema/register/define-register.js';
import { useT } from '../i18n/i18n.js';
import { api, orgPath } from '../lib/api-client.js';
import { useCan } from '../lib/session.js';
import { Select } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { useForm } from '../ui/use-form.js';
import { ErrorMessage, LiveMessage } from '../components/status.js';
import { useRecordLinks } from './register-api.js';
import { RecordOptions, RecordSearch, relatedText } from './record-select.js';
import { Button } from '../ui/button.js';
import { QueryState } from '../ui/query-state.js';
import { linkSchema } from '../../schema/orgs/org.schema.js';

interface Props {
  org: string;
  register: RegisterDef;
  record: BaseRecord;
  /** how to show the other end of a link (a router link for registers the UI knows); `text` is `REF — title` */
  renderLinkTarget: (type: string, id: string, text: string) => ReactNode;
  /**
   * Entities whose records may be linked to this one from here (e.g. the issues and requirements a risk comes
   * from). The link goes from the chosen record to this one. Without it the links are only listed.
   */
  linkFrom?: string[] | undefined;
}

/** The links from and to a record (`/links`), and, when the page allows it, adding and removing them. */
export function RecordLinks({ org, register, record, renderLinkTarget, linkFrom }: Props) {
  const { t, td } = useT();
  const can = useCan(org);
  const links = useRecordLinks(org, register.entity, record.id);
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: ['org', org, 'links'] });
  const remove = useMutation({
    mutationFn: (linkId: string) => api.delete(orgPath(org, `/links/${encodeURIComponent(linkId)}`)),
    onSuccess: invalidate,
  });
  const editable = !!linkFrom?.length && !record.archivedAt;
  return (
    <section className="card" aria-labelledby="detail-links">
      <h2 id="detail-links" className="card__title">
        {t('register.links')}
      </h2>
      <LiveMessage>{done}</LiveMessage>
      <QueryState query={links} empty={t('register.noLinks')}>
        {(data) => (
          <ul className="link-list">
            {data.items.map((l) => {
              const outgoing = l.fromId === record.id;
              // an end whose record is gone reads null: its id stands in
              const otherRef = (outgoing ? l.toRef : l.fromRef) ?? (outgoing ? l.toId : l.fromId);
              return (
                <li key={l.id}>
                  <span className="link-list__kind">
                    {td(`link.kind.${l.kind}`, undefined, l.kind.replace(/_/g, ' '))}
                  </span>{' '}
                  {outgoing
                    ? renderLinkTarget(
                        l.toType,
                        l.toId,
                        relatedText({ ref: l.toRef ?? l.toId, title: l.toTitle ?? '' }),
                      )
                    : renderLinkTarget(
                        l.fromType,
                        l.fromId,
                        relatedText({ ref: l.fromRef ?? l.fromId, title: l.fromTitle ?? '' }),
                      )}
                  <span className="muted"> · {outgoing ? t('register.linkOutgoing') : t('register.linkIncoming')}</span>
                  {editable && can('links.delete') ? (
                    <button
                      type="button"
                      className="icon-button icon-button--danger link-list__remove"
                      aria-label={t('register.linkRemove', { ref: otherRef })}
                      title={t('register.linkRemove', { ref: otherRef })}
                      disabled={remove.isPending}
                      onClick={() =>
                        remove.mutate(l.id, { onSuccess: () => setDone(t('register.linkRemoved', { ref: otherRef })) })
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
      {remove.isError ? <ErrorMessage error={remove.error} /> : null}
      {editable && can('links.create') ? (
        <AddLink
          org={org}
          register={register}
          record={record}
          entities={linkFrom!}
          onLinked={(ref) => setDone(t('register.linkAdded', { ref }))}
        />
      ) : null}
    </section>
  );
}

function AddLink({
  org,
  register,
  record,
  entities,
  onLinked,
}: {
  org: string;
  register: RegisterDef;
  record: BaseRecord;
  entities: string[];
  onLinked: (ref: string) => void;
}) {
  const { t, td } = useT();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const onSearch = useCallback((text: string) => setQ(text), []);
  const form = useForm({
    initial: { entity: entities[0] ?? '', chosen: '' },
    toBody: (v) => ({ fromType: v.entity, fromId: v.chosen, toType: register.entity, toId: record.id }),
    submit: (body) => api.post(orgPath(org, '/links'), body, linkSchema),
    onSuccess: async (link) => {
      // the kind of record stays chosen, to link another of them
      form.set('chosen', '');
      await queryClient.invalidateQueries({ queryKey: ['org', org, 'links'] });
      onLinked(link.fromRef ?? link.fromId);
    },
  });
  const { entity, chosen } = form.values;
  const recordLabel = t('register.linkRecord', { kind: td(`entity.${entity}`, undefined, entity) });
  return (
    <Form form={form} className="link-add" aria-label={t('register.linkAdd')}>
      <h3 className="link-add__title">{t('register.linkAdd')}</h3>
      {entities.length > 1 ? (
        <Select
          label={t('register.linkType')}
          value={entity}
          onChange={(e) => form.update((v) => ({ ...v, entity: e.target.value, chosen: '' }))}
        >
          {entities.map((en) => (
            <option key={en} value={en}>
              {td(`entity.${en}`, undefined, en)}
            </option>
          ))}
        </Select>
      ) : null}
      <Select
        label={recordLabel}
        fieldClassName="record-select"
        suffix={<RecordSearch key={entity} label={recordLabel} onSearch={onSearch} />}
        {...form.field('chosen')}
      >
        <option value="">{t('common.choose')}</option>
        <RecordOptions org={org} entity={entity} q={q} value={chosen} current={undefined} />
      </Select>
      <Button type="submit" disabled={!chosen || form.submitting}>
        {t('register.linkSubmit')}
      </Button>
      <FormFailureMessage form={form} />
    </Form>
  );
}
