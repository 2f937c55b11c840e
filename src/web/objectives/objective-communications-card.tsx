import { useId, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ROLES, type Role } from '../../schema/auth/roles.js';
import {
  COMMUNICATION_CHANNELS,
  objectiveCommunicationBodySchema,
  objectiveCommunicationSchema,
  type ObjectiveCommunication,
} from '../../schema/objectives/objective-communication.schema.js';
import { useT } from '../i18n/i18n.js';
import { api, orgPath } from '../lib/api-client.js';
import { useMemberNames, useMembers } from '../lib/members.js';
import { LiveMessage } from '../components/status.js';
import type { PickedRecord } from '../register/record-combobox.js';
import { RecordMultiPicker } from '../register/record-multi-picker.js';
import { Button } from '../ui/button.js';
import { DataTable } from '../ui/data-table.js';
import { Checkbox, DateField, Select, TextArea } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { QueryState } from '../ui/query-state.js';
import { useForm } from '../ui/use-form.js';
import { objectivePath, useCommunications } from './objective-api.js';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * How an objective (`id`), or the whole set (`id` null), was communicated (27001 6.2 d): when, how, to whom.
 * Those who may communicate record one here.
 */
export function CommunicationsCard({ org, id, canRecord }: { org: string; id: string | null; canRecord: boolean }) {
  const { t, td, formatDate } = useT();
  const uid = useId();
  const names = useMemberNames(org);
  const list = useCommunications(org, id);
  const [done, setDone] = useState<string | null>(null);
  const audience = (c: ObjectiveCommunication) =>
    [
      ...c.audience.roles.map((r) => td(`role.${r}`)),
      ...c.audience.memberIds.map((m) => names.get(m) ?? t('common.unknownMember')),
      ...(c.audience.interestedPartyIds.length
        ? [t('objectives.comms.parties', { count: c.audience.interestedPartyIds.length })]
        : []),
      ...(c.audience.ismsRoleIds.length
        ? [t('objectives.comms.ismsRoles', { count: c.audience.ismsRoleIds.length })]
        : []),
    ].join(', ');
  return (
    <section className="card" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`} className="card__title">
        {id ? t('objectives.comms.title') : t('objectives.comms.setTitle')}
      </h2>
      <p className="small muted">{t('objectives.comms.lead')}</p>
      <LiveMessage>{done}</LiveMessage>
      <QueryState query={list} empty={t('objectives.comms.empty')}>
        {(data) => (
          <DataTable<ObjectiveCommunication>
            caption={id ? t('objectives.comms.title') : t('objectives.comms.setTitle')}
            rows={data.items}
            rowKey={(c) => c.id}
            columns={[
              {
                id: 'on',
                header: t('objectives.comms.on'),
                rowHeader: true,
                cell: (c) => formatDate(c.communicatedOn),
              },
              {
                id: 'channel',
                header: t('objectives.comms.channel'),
                cell: (c) => td(`objectives.channel.${c.channel}`),
              },
              { id: 'audience', header: t('objectives.comms.audience'), cell: audience },
              { id: 'note', header: t('objectives.entries.note'), cell: (c) => c.note ?? '' },
            ]}
          />
        )}
      </QueryState>
      {canRecord ? (
        <RecordCommunication org={org} id={id} onDone={() => setDone(t('objectives.comms.recorded'))} />
      ) : null}
    </section>
  );
}

interface Values {
  communicatedOn: string;
  channel: string;
  roles: Role[];
  memberIds: string[];
  parties: PickedRecord[];
  ismsRoles: PickedRecord[];
  note: string;
}

function RecordCommunication({ org, id, onDone }: { org: string; id: string | null; onDone: () => void }) {
  const { t, td } = useT();
  const queryClient = useQueryClient();
  const members = useMembers(org).data?.items ?? [];
  const initial: Values = {
    communicatedOn: today(),
    channel: 'meeting',
    roles: [],
    memberIds: [],
    parties: [],
    ismsRoles: [],
    note: '',
  };
  const form = useForm({
    initial,
    toBody: (v: Values) => ({
      communicatedOn: v.communicatedOn,
      channel: v.channel,
      audience: {
        roles: v.roles,
        memberIds: v.memberIds,
        interestedPartyIds: v.parties.map((p) => p.id),
        ismsRoleIds: v.ismsRoles.map((r) => r.id),
      },
      ...(v.note.trim() ? { note: v.note.trim() } : {}),
    }),
    schema: objectiveCommunicationBodySchema,
    // the audience's messages (at least one of…) go to the roles, the first of its controls
    clientErrors: (error) =>
      Object.fromEntries(
        error.issues.map((i) => [
          i.path[0] !== 'audience'
            ? String(i.path[0] ?? '_form')
            : i.path[1] === 'interestedPartyIds'
              ? 'parties'
              : i.path[1] === 'ismsRoleIds'
                ? 'ismsRoles'
                : 'roles',
          i.message,
        ]),
      ),
    fields: ['communicatedOn', 'channel', 'roles', 'memberIds', 'parties', 'ismsRoles', 'note'],
    submit: (body) =>
      api.post(
        id ? objectivePath(org, id, '/communications') : orgPath(org, '/objectives/communications'),
        body,
        objectiveCommunicationSchema,
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['org', org, 'objectives'] });
      onDone();
    },
    resetOnSuccess: true,
  });
  const toggle = <K extends 'roles' | 'memberIds'>(key: K, value: Values[K][number], on: boolean) =>
    form.update(
      (v) => ({ ...v, [key]: on ? [...v[key], value] : v[key].filter((x: string) => x !== value) }),
      ['roles'],
    );
  return (
    <Form form={form} className="form obj-comms-form" aria-label={t('objectives.comms.add')}>
      <h3>{t('objectives.comms.add')}</h3>
      <div className="form__grid">
        <DateField label={t('objectives.comms.on')} required {...form.field('communicatedOn')} />
        <Select label={t('objectives.comms.channel')} required {...form.field('channel')}>
          {COMMUNICATION_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {td(`objectives.channel.${c}`)}
            </option>
          ))}
        </Select>
      </div>
      <fieldset className="obj-audience">
        <legend>{t('objectives.comms.roles')}</legend>
        {form.errors.roles ? (
          <p className="field__error" role="alert">
            {form.errors.roles}
          </p>
        ) : null}
        {ROLES.map((r) => (
          <Checkbox
            key={r}
            label={td(`role.${r}`)}
            checked={form.values.roles.includes(r)}
            onChange={(e) => toggle('roles', r, e.target.checked)}
          />
        ))}
      </fieldset>
      {members.length ? (
        <fieldset className="obj-audience">
          <legend>{t('objectives.comms.members')}</legend>
          {members.map((m) => (
            <Checkbox
              key={m.userId}
              label={m.name || m.email}
              checked={form.values.memberIds.includes(m.userId)}
              onChange={(e) => toggle('memberIds', m.userId, e.target.checked)}
            />
          ))}
        </fieldset>
      ) : null}
      <RecordMultiPicker
        org={org}
        entity="interested_party"
        label={t('objectives.comms.party')}
        error={form.errors.parties}
        max={500}
        value={form.values.parties}
        onChange={(parties) => form.update((v) => ({ ...v, parties }), ['parties', 'roles'])}
      />
      <RecordMultiPicker
        org={org}
        entity="isms_role"
        label={t('objectives.comms.ismsRole')}
        error={form.errors.ismsRoles}
        max={200}
        value={form.values.ismsRoles}
        onChange={(ismsRoles) => form.update((v) => ({ ...v, ismsRoles }), ['ismsRoles', 'roles'])}
      />
      <TextArea label={t('objectives.entries.note')} {...form.field('note')} />
      <FormFailureMessage form={form} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={form.submitting}>
          {t('objectives.comms.submit')}
        </Button>
      </div>
    </Form>
  );
}
