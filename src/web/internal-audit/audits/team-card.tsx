import { useState } from 'react';
import { TEAM_ROLES, teamBodySchema } from '../../../schema/internal-audit/internal-audit.register.js';
import { useT } from '../../i18n/i18n.js';
import { api } from '../../lib/api-client.js';
import { useMemberNames, useMembers } from '../../lib/members.js';
import { Button } from '../../ui/button.js';
import { Select } from '../../ui/fields.js';
import { Form, FormFailureMessage } from '../../ui/form.js';
import { useForm } from '../../ui/use-form.js';
import { teamResponseSchema } from '../../../schema/internal-audit/internal-audit.register.js';
import { auditPath, useRefreshAudit, useTeam } from './audits-api.js';
import { conflictErrors, ExceptionsList, IndependenceException, useIndependenceRefusal } from './independence-ui.js';
import { QueryState } from '../../ui/query-state.js';

type Role = (typeof TEAM_ROLES)[number];
const roleOf = (v: string): Role => TEAM_ROLES.find((r) => r === v) ?? 'auditor';
interface TeamValues {
  members: Array<{ userId: string; role: Role }>;
  justification: string;
}

/**
 * The audit team (9.2.2 c: auditors chosen for objectivity): who audits, in which role. An auditor who owns or is
 * assigned to a process in scope is refused in plain words, unless a justified exception is recorded.
 */
export function TeamCard({ org, id, canEdit }: { org: string; id: string; canEdit: boolean }) {
  const { t, td } = useT();
  const team = useTeam(org, id);
  const [editing, setEditing] = useState(false);
  return (
    <section className="card audit-card" aria-labelledby="audit-team-title">
      <h2 id="audit-team-title">{t('audits.team.title')}</h2>
      <QueryState query={team}>
        {(data) =>
          editing ? (
            <TeamForm org={org} id={id} initial={data.members} onDone={() => setEditing(false)} />
          ) : (
            <>
              {data.members.length ? (
                <ul className="audit-team">
                  {data.members.map((m) => (
                    <li key={m.userId}>
                      {m.name} — {td(`audits.team.role.${m.role}`)}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{t('audits.team.empty')}</p>
              )}
              <ExceptionsList exceptions={data.exceptions} />
              {canEdit ? <Button onClick={() => setEditing(true)}>{t('audits.team.edit')}</Button> : null}
            </>
          )
        }
      </QueryState>
    </section>
  );
}

function TeamForm({
  org,
  id,
  initial,
  onDone,
}: {
  org: string;
  id: string;
  initial: TeamValues['members'];
  onDone: () => void;
}) {
  const i18n = useT();
  const { t, td } = i18n;
  const members = useMembers(org).data?.items ?? [];
  const names = useMemberNames(org);
  const refresh = useRefreshAudit(org);
  const independence = useIndependenceRefusal();
  const form = useForm<TeamValues, unknown>({
    initial: { members: initial.map((m) => ({ userId: m.userId, role: m.role })), justification: '' },
    schema: teamBodySchema,
    toBody: (v) => ({
      members: v.members,
      ...independence.exception(v.justification),
    }),
    fields: ['members', 'independenceException'],
    serverErrors: (e) => conflictErrors(i18n, e, names),
    submit: (body) => independence.watch(() => api.put(auditPath(org, id, '/team'), body, teamResponseSchema)),
    onSuccess: async () => {
      await refresh();
      onDone();
    },
  });
  const rows = form.values.members;
  const setRows = (next: TeamValues['members']) => form.set('members', next);
  const free = members.filter((m) => !rows.some((r) => r.userId === m.userId));

  return (
    <Form form={form} aria-label={t('audits.team.formLabel')} className="form audit-team-form">
      <fieldset aria-describedby={form.errors.members ? 'audit-team-error' : undefined}>
        <legend>{t('audits.team.members')}</legend>
        {rows.map((row, i) => (
          <div key={row.userId || `new-${i}`} className="audit-team-form__row">
            <Select
              label={t('audits.team.member', { n: i + 1 })}
              value={row.userId}
              onChange={(e) => setRows(rows.map((r, j) => (j === i ? { ...r, userId: e.target.value } : r)))}
            >
              <option value="">{t('common.choose')}</option>
              {members
                .filter((m) => m.userId === row.userId || !rows.some((r) => r.userId === m.userId))
                .map((m) => (
                  <option key={m.userId} value={m.userId}>
                    {m.name}
                  </option>
                ))}
            </Select>
            <Select
              label={t('audits.team.roleOf', { n: i + 1 })}
              value={row.role}
              onChange={(e) => setRows(rows.map((r, j) => (j === i ? { ...r, role: roleOf(e.target.value) } : r)))}
            >
              {TEAM_ROLES.map((r) => (
                <option key={r} value={r}>
                  {td(`audits.team.role.${r}`)}
                </option>
              ))}
            </Select>
            <Button size="small" variant="ghost" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
              {t('audits.team.remove', { n: i + 1 })}
            </Button>
          </div>
        ))}
        {free.length ? (
          <Button size="small" onClick={() => setRows([...rows, { userId: '', role: 'auditor' }])}>
            {t('audits.team.add')}
          </Button>
        ) : null}
        {form.errors.members ? (
          <p id="audit-team-error" className="field__error" role="alert">
            {form.errors.members}
          </p>
        ) : null}
      </fieldset>
      <IndependenceException
        shown={independence.refused}
        justification={form.values.justification}
        error={form.errors.independenceException}
        onJustification={(text) => form.set('justification', text)}
      />
      <FormFailureMessage form={form} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={form.submitting}>
          {independence.refused && form.values.justification.trim()
            ? t('audits.independence.saveWithException')
            : t('form.save')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </div>
    </Form>
  );
}
