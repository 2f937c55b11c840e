import { useState } from 'react';
import {
  reviewAttendanceSchema,
  type ReviewAttendance,
} from '../../schema/management-review/management-review.register.js';
import { useT } from '../i18n/i18n.js';
import { issueMessage } from '../lib/form-errors.js';
import { useMembers } from '../lib/members.js';
import { Button } from '../ui/button.js';
import { Checkbox, Select, TextField } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { QueryState } from '../ui/query-state.js';
import { useForm } from '../ui/use-form.js';
import { useAttendance, useSaveAttendance } from './review-api.js';

type Attendance = ReviewAttendance;
type View = NonNullable<ReturnType<typeof useAttendance>['data']>;

/** The names of every control, so a server message on `members.2.userId` shows beside that select. */
const fieldsOf = (v: Attendance) => [
  'members',
  'others',
  ...v.members.flatMap((_, i) => [`members.${i}.userId`, `members.${i}.capacity`]),
  ...v.others.flatMap((_, i) => [`others.${i}.name`, `others.${i}.capacity`]),
];

const toValues = (view: View): Attendance => ({
  members: view.members.map(({ userId, capacity, present }) => ({ userId, capacity, present })),
  others: view.others.map(({ name, capacity, present }) => ({ name, capacity, present })),
});

/**
 * Who attends the review (27003 9.3: top management, and whoever the inputs need): members with the capacity they
 * attend in and whether they were present, and others by name (a consultant, a unit's head). The minutes freeze it.
 */
export function AttendanceCard({ org, id, canEdit }: { org: string; id: string; canEdit: boolean }) {
  const { t } = useT();
  const attendance = useAttendance(org, id);
  const [editing, setEditing] = useState(false);
  return (
    <section className="card mr-attendance" aria-labelledby="mr-attendance-title">
      <h2 id="mr-attendance-title" className="card__title">
        {t('mr.attendance.title')}
      </h2>
      <QueryState query={attendance}>
        {(view) =>
          editing ? (
            <AttendanceForm org={org} id={id} view={view} onDone={() => setEditing(false)} />
          ) : (
            <>
              <AttendanceList view={view} />
              {canEdit ? <Button onClick={() => setEditing(true)}>{t('mr.attendance.edit')}</Button> : null}
            </>
          )
        }
      </QueryState>
    </section>
  );
}

function AttendanceList({ view }: { view: View }) {
  const { t } = useT();
  const people = [
    ...view.members.map((m) => ({ key: m.userId, name: m.name || m.email, capacity: m.capacity, present: m.present })),
    ...view.others.map((o, i) => ({ key: `other-${i}`, name: o.name, capacity: o.capacity, present: o.present })),
  ];
  if (!people.length) return <p className="muted">{t('mr.attendance.empty')}</p>;
  return (
    <ul className="mr-attendance__list">
      {people.map((p) => (
        <li key={p.key}>
          <strong>{p.name}</strong>
          {p.capacity ? ` — ${p.capacity}` : ''}{' '}
          <span className={p.present ? 'badge badge--ok' : 'badge badge--muted'}>
            {p.present ? `✓ ${t('mr.attendance.present')}` : `✗ ${t('mr.attendance.absent')}`}
          </span>
        </li>
      ))}
    </ul>
  );
}

function AttendanceForm({ org, id, view, onDone }: { org: string; id: string; view: View; onDone: () => void }) {
  const i18n = useT();
  const { t } = i18n;
  const members = useMembers(org).data?.items ?? [];
  const save = useSaveAttendance(org, id);
  const form = useForm({
    initial: toValues(view),
    schema: reviewAttendanceSchema,
    toBody: (v: Attendance) => v,
    fields: fieldsOf,
    clientErrors: (error) =>
      Object.fromEntries(error.issues.map((i) => [i.path.join('.'), issueMessage(i18n, i)] as const).reverse()),
    submit: (body) => save.mutateAsync(body),
    onSuccess: onDone,
  });
  const v = form.values;
  const setMember = (i: number, change: Partial<Attendance['members'][number]>) =>
    form.update(
      (x) => ({ ...x, members: x.members.map((m, j) => (j === i ? { ...m, ...change } : m)) }),
      [`members.${i}.userId`, `members.${i}.capacity`],
    );
  const setOther = (i: number, change: Partial<Attendance['others'][number]>) =>
    form.update(
      (x) => ({ ...x, others: x.others.map((o, j) => (j === i ? { ...o, ...change } : o)) }),
      [`others.${i}.name`, `others.${i}.capacity`],
    );
  return (
    <Form form={form} aria-labelledby="mr-attendance-title" className="form mr-attendance__form">
      <fieldset>
        <legend>{t('mr.attendance.members')}</legend>
        {v.members.map((m, i) => (
          <div key={i} className="mr-attendance__row">
            <Select
              label={t('mr.attendance.member', { n: i + 1 })}
              required
              value={m.userId}
              error={form.errors[`members.${i}.userId`]}
              onChange={(e) => setMember(i, { userId: e.target.value })}
            >
              <option value="">{t('common.choose')}</option>
              {members.map((x) => (
                <option key={x.userId} value={x.userId}>
                  {x.name || x.email}
                </option>
              ))}
            </Select>
            <TextField
              label={t('mr.attendance.capacity')}
              value={m.capacity}
              error={form.errors[`members.${i}.capacity`]}
              onChange={(e) => setMember(i, { capacity: e.target.value })}
            />
            <Checkbox
              label={t('mr.attendance.present')}
              checked={m.present}
              onChange={(e) => setMember(i, { present: e.target.checked })}
            />
            <Button
              variant="ghost"
              size="small"
              onClick={() => form.update((x) => ({ ...x, members: x.members.filter((_, j) => j !== i) }))}
            >
              {t('mr.attendance.removeMember', { n: i + 1 })}
            </Button>
          </div>
        ))}
        <Button
          size="small"
          onClick={() =>
            form.update((x) => ({ ...x, members: [...x.members, { userId: '', capacity: '', present: true }] }))
          }
        >
          {t('mr.attendance.addMember')}
        </Button>
      </fieldset>
      <fieldset>
        <legend>{t('mr.attendance.others')}</legend>
        {v.others.map((o, i) => (
          <div key={i} className="mr-attendance__row">
            <TextField
              label={t('mr.attendance.name', { n: i + 1 })}
              required
              value={o.name}
              error={form.errors[`others.${i}.name`]}
              onChange={(e) => setOther(i, { name: e.target.value })}
            />
            <TextField
              label={t('mr.attendance.capacity')}
              value={o.capacity}
              error={form.errors[`others.${i}.capacity`]}
              onChange={(e) => setOther(i, { capacity: e.target.value })}
            />
            <Checkbox
              label={t('mr.attendance.present')}
              checked={o.present}
              onChange={(e) => setOther(i, { present: e.target.checked })}
            />
            <Button
              variant="ghost"
              size="small"
              onClick={() => form.update((x) => ({ ...x, others: x.others.filter((_, j) => j !== i) }))}
            >
              {t('mr.attendance.removeOther', { n: i + 1 })}
            </Button>
          </div>
        ))}
        <Button
          size="small"
          onClick={() =>
            form.update((x) => ({ ...x, others: [...x.others, { name: '', capacity: '', present: true }] }))
          }
        >
          {t('mr.attendance.addOther')}
        </Button>
      </fieldset>
      <FormFailureMessage form={form} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={form.submitting}>
          {t('mr.attendance.save')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </div>
    </Form>
  );
}
