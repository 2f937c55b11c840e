import { useState, type FormEvent } from 'react';
import { can as roleCan } from '../../schema/auth/permissions.js';
import { ROLES, type Role } from '../../schema/auth/roles.js';
import { documentRegister } from '../../schema/documents/document.register.js';
import { useT } from '../i18n/i18n.js';
import { isApiError } from '../lib/api-client.js';
import type { RegisterRecord } from '../lib/api-types.js';
import { useMembers } from '../lib/members.js';
import { useCan } from '../lib/session.js';
import { ErrorMessage, LiveMessage } from '../components/status.js';
import { useRegisterMutations } from '../register/register-api.js';
import { useDocumentMutations, useDocumentPeople, type DocumentPeople } from './documents-api.js';
import { Button } from '../ui/button.js';
import { QueryState } from '../ui/query-state.js';

/**
 * Who approves (all named approvers must sign; none named: top management) and who the document is for: every
 * member, members holding some roles, or named people. Those in the audience acknowledge the published version.
 */
export function DocumentPeopleCard({ org, record }: { org: string; record: RegisterRecord }) {
  const { t, td } = useT();
  const can = useCan(org);
  const people = useDocumentPeople(org, record.id);
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const audience = String(record.audience ?? 'all_members');
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

function PeopleForm({
  org,
  record,
  people,
  onDone,
  onCancel,
}: {
  org: string;
  record: RegisterRecord;
  people: DocumentPeople;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t, td } = useT();
  const members = useMembers(org).data?.items ?? [];
  const { setPeople } = useDocumentMutations(org, record.id);
  const { update } = useRegisterMutations(org, documentRegister);
  const [audience, setAudience] = useState(String(record.audience ?? 'all_members'));
  const [approvers, setApprovers] = useState(() => new Set(people.approvers.map((p) => p.userId)));
  const [users, setUsers] = useState(() => new Set(people.audienceUsers.map((p) => p.userId)));
  const [roles, setRoles] = useState(() => new Set<Role>(people.audienceRoles));
  const [failure, setFailure] = useState<unknown>(null);
  const toggle = <T,>(set: Set<T>, value: T, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(value);
    else next.delete(value);
    return next;
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    try {
      if (audience !== record.audience)
        await update.mutateAsync({ id: record.id, body: { audience, expectedVersion: record.version } });
      await setPeople.mutateAsync({
        approverIds: [...approvers],
        audienceUserIds: audience === 'people' ? [...users] : [],
        audienceRoles: audience === 'roles' ? [...roles] : [],
      });
      onDone();
    } catch (err) {
      setFailure(err);
    }
  };
  // Top management alone approves the information security policy (5.2); other documents, any role that may approve.
  const isp = record.isSecurityPolicy === true;
  const mayApprove = (role: Role) => (isp ? role === 'approver' : roleCan(role, 'document.approve'));
  const memberLabel = (m: { name: string; email: string; role: string }) =>
    `${m.name || m.email} (${td(`role.${m.role}`, undefined, m.role)})`;
  return (
    <form className="form doc-people-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('documents.people.approvers')}</legend>
        <p className="field__help">{t('documents.people.approversHelp')}</p>
        {isp ? <p className="field__help">{t('documents.people.ispApprovers')}</p> : null}
        <ul className="doc-checklist">
          {/* only members whose role may approve this document can be named (the server refuses others) */}
          {members
            .filter((m) => mayApprove(m.role) || approvers.has(m.userId))
            .map((m) => (
              <li key={m.userId}>
                <label>
                  <input
                    type="checkbox"
                    checked={approvers.has(m.userId)}
                    onChange={(e) => setApprovers((s) => toggle(s, m.userId, e.target.checked))}
                  />{' '}
                  {memberLabel(m)}
                </label>
              </li>
            ))}
        </ul>
      </fieldset>
      <fieldset>
        <legend>{t('documents.field.audience')}</legend>
        {(documentRegister.fields.audience.options ?? []).map((option) => (
          <label key={option} className="doc-radio">
            <input
              type="radio"
              name="audience"
              value={option}
              checked={audience === option}
              onChange={() => setAudience(option)}
            />{' '}
            {td(`documents.audience.${option}`)}
          </label>
        ))}
        {audience === 'roles' ? (
          <fieldset className="fieldset--subtle">
            <legend>{t('documents.people.roles')}</legend>
            {ROLES.map((role) => (
              <label key={role} className="doc-radio">
                <input
                  type="checkbox"
                  checked={roles.has(role)}
                  onChange={(e) => setRoles((s) => toggle(s, role, e.target.checked))}
                />{' '}
                {td(`role.${role}`)}
              </label>
            ))}
          </fieldset>
        ) : audience === 'people' ? (
          <fieldset className="fieldset--subtle">
            <legend>{t('documents.people.users')}</legend>
            <ul className="doc-checklist">
              {members.map((m) => (
                <li key={m.userId}>
                  <label>
                    <input
                      type="checkbox"
                      checked={users.has(m.userId)}
                      onChange={(e) => setUsers((s) => toggle(s, m.userId, e.target.checked))}
                    />{' '}
                    {memberLabel(m)}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : null}
      </fieldset>
      {failure ? <ErrorMessage error={failure} /> : null}
      {/* the server says which person it refused and why (e.g. not top management, for the security policy) */}
      {isApiError(failure) && failure.errors.length ? (
        <ul className="field__error">
          {failure.errors.map((e) => (
            <li key={e.field}>{e.message}</li>
          ))}
        </ul>
      ) : null}
      <div className="form__actions">
        <Button type="submit" variant="primary" disabled={setPeople.isPending || update.isPending}>
          {t('documents.people.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
