import { useState } from 'react';
import { can as roleCan } from '../../schema/auth/permissions.js';
import { ROLES, type Role } from '../../schema/auth/roles.js';
import { AUDIENCES, documentRegister, type DocumentRecord } from '../../schema/documents/document.register.js';
import { documentPeopleBody } from '../../schema/documents/documents.schema.js';
import { useT } from '../i18n/i18n.js';
import { isApiError } from '../lib/api-client.js';
import { useMembers } from '../lib/members.js';
import { useCan } from '../lib/session.js';
import { LiveMessage } from '../components/status.js';
import { useRegisterMutations } from '../register/register-api.js';
import { useDocumentMutations, useDocumentPeople, type DocumentPeople } from './documents-api.js';
import { Button } from '../ui/button.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { QueryState } from '../ui/query-state.js';
import { useForm } from '../ui/use-form.js';

type Audience = (typeof AUDIENCES)[number];

/**
 * Who approves (all named approvers must sign; none named: top management) and who the document is for: every
 * member, members holding some roles, or named people. Those in the audience acknowledge the published version.
 */
export function DocumentPeopleCard({ org, record }: { org: string; record: DocumentRecord }) {
  const { t, td } = useT();
  const can = useCan(org);
  const people = useDocumentPeople(org, record.id);
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const audience = record.audience ?? 'all_members';
  const editable = can('document.update') && !record.archivedAt && record.status !== 'disposed';
  const names = (list: { name: string; email: string }[]) => list.map((p) => p.name || p.email).join(', ');

  return (
    <section className="card" aria-labelledby="doc-people-title">
      <h2 id="doc-people-title" className="card__title">
        {t('documents.people.title')}
      </h2>
      <LiveMessage>{done}</LiveMessage>
      <QueryState query={people}>
        {(data) =>
          editing ? (
            <PeopleForm
              org={org}
              record={record}
              people={data}
              onDone={() => {
                setEditing(false);
                setDone(t('documents.people.saved'));
              }}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <>
              <dl className="detail__meta">
                <dt>{t('documents.people.approvers')}</dt>
                <dd>{data.approvers.length ? names(data.approvers) : t('documents.people.anyApprover')}</dd>
                <dt>{t('documents.field.audience')}</dt>
                <dd>
                  {td(`documents.audience.${audience}`, undefined, audience)}
                  {audience === 'roles' ? (
                    <>
                      :{' '}
                      {data.audienceRoles.length
                        ? data.audienceRoles.map((r) => td(`role.${r}`, undefined, r)).join(', ')
                        : t('documents.people.noneChosen')}
                    </>
                  ) : audience === 'people' ? (
                    <>: {data.audienceUsers.length ? names(data.audienceUsers) : t('documents.people.noneChosen')}</>
                  ) : null}
                </dd>
              </dl>
              {editable ? (
                <Button
                  size="small"
                  onClick={() => {
                    setDone(null);
                    setEditing(true);
                  }}
                >
                  {t('documents.people.edit')}
                </Button>
              ) : null}
            </>
          )
        }
      </QueryState>
    </section>
  );
}

interface PeopleValues {
  audience: Audience;
  approvers: string[];
  users: string[];
  roles: Role[];
}

/** `list` with `value` in it or not. */
const toggled = <T,>(list: readonly T[], value: T, on: boolean): T[] =>
  on ? (list.includes(value) ? [...list] : [...list, value]) : list.filter((v) => v !== value);

function PeopleForm({
  org,
  record,
  people,
  onDone,
  onCancel,
}: {
  org: string;
  record: DocumentRecord;
  people: DocumentPeople;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t, td } = useT();
  const members = useMembers(org).data?.items ?? [];
  const { setPeople } = useDocumentMutations(org, record.id);
  const { update } = useRegisterMutations(org, documentRegister);
  const initial: PeopleValues = {
    audience: record.audience ?? 'all_members',
    approvers: people.approvers.map((p) => p.userId),
    users: people.audienceUsers.map((p) => p.userId),
    roles: people.audienceRoles,
  };
  const form = useForm({
    initial,
    schema: documentPeopleBody,
    toBody: (v) => ({
      approverIds: v.approvers,
      audienceUserIds: v.audience === 'people' ? v.users : [],
      audienceRoles: v.audience === 'roles' ? v.roles : [],
    }),
    submit: async (body, v) => {
      // the audience is a field of the document (its version guards it); the people are a list of their own
      if (v.audience !== record.audience)
        await update.mutateAsync({ id: record.id, body: { audience: v.audience, expectedVersion: record.version } });
      return setPeople.mutateAsync(body);
    },
    onSuccess: onDone,
    // the server names the person it refused (`approverIds.2`): said under the form, with the whole error
    fields: [],
  });
  const { values } = form;
  // Top management alone approves the information security policy (5.2); other documents, any role that may approve.
  const isp = record.isSecurityPolicy === true;
  const mayApprove = (role: Role) => (isp ? role === 'approver' : roleCan(role, 'document.approve'));
  const memberLabel = (m: { name: string; email: string; role: string }) =>
    `${m.name || m.email} (${td(`role.${m.role}`, undefined, m.role)})`;
  const failure = form.failure?.kind === 'error' ? form.failure.error : null;
  // the server says which person it refused and why (e.g. not top management, for the security policy)
  const refusals = isApiError(failure) ? failure.errors.map((e) => e.message) : Object.values(form.errors);
  return (
    <Form form={form} className="form doc-people-form">
      <fieldset>
        <legend>{t('documents.people.approvers')}</legend>
        <p className="field__help">{t('documents.people.approversHelp')}</p>
        {isp ? <p className="field__help">{t('documents.people.ispApprovers')}</p> : null}
        <ul className="doc-checklist">
          {/* only members whose role may approve this document can be named (the server refuses others) */}
          {members
            .filter((m) => mayApprove(m.role) || values.approvers.includes(m.userId))
            .map((m) => (
              <li key={m.userId}>
                <label>
                  <input
                    type="checkbox"
                    checked={values.approvers.includes(m.userId)}
                    onChange={(e) => form.set('approvers', toggled(values.approvers, m.userId, e.target.checked))}
                  />{' '}
                  {memberLabel(m)}
                </label>
              </li>
            ))}
        </ul>
      </fieldset>
      <fieldset>
        <legend>{t('documents.field.audience')}</legend>
        {AUDIENCES.map((option) => (
          <label key={option} className="doc-radio">
            <input
              type="radio"
              name="audience"
              value={option}
              checked={values.audience === option}
              onChange={() => form.set('audience', option)}
            />{' '}
            {td(`documents.audience.${option}`)}
          </label>
        ))}
        {values.audience === 'roles' ? (
          <fieldset className="fieldset--subtle">
            <legend>{t('documents.people.roles')}</legend>
            {ROLES.map((role) => (
              <label key={role} className="doc-radio">
                <input
                  type="checkbox"
                  checked={values.roles.includes(role)}
                  onChange={(e) => form.set('roles', toggled(values.roles, role, e.target.checked))}
                />{' '}
                {td(`role.${role}`)}
              </label>
            ))}
          </fieldset>
        ) : values.audience === 'people' ? (
          <fieldset className="fieldset--subtle">
            <legend>{t('documents.people.users')}</legend>
            <ul className="doc-checklist">
              {members.map((m) => (
                <li key={m.userId}>
                  <label>
                    <input
                      type="checkbox"
                      checked={values.users.includes(m.userId)}
                      onChange={(e) => form.set('users', toggled(values.users, m.userId, e.target.checked))}
                    />{' '}
                    {memberLabel(m)}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : null}
      </fieldset>
      <FormFailureMessage form={form} />
      {refusals.length ? (
        <ul className="field__error">
          {refusals.map((message, i) => (
            <li key={i}>{message}</li>
          ))}
        </ul>
      ) : null}
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={form.submitting}>
          {t('documents.people.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </Form>
  );
}
