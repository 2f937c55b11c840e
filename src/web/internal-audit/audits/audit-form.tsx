import { useEffect, useMemo, useRef } from 'react';
import {
  auditPlanSchema,
  auditProgrammeRegister,
  type PlannedAudit,
} from '../../../schema/internal-audit/audit-programme.register.js';
import { internalAuditRegister } from '../../../schema/internal-audit/internal-audit.register.js';
import { clauseLabel, ISMS_CLAUSE_TITLES, ISMS_CLAUSES } from '../../../schema/internal-audit/isms-requirements.js';
import { useT } from '../../i18n/i18n.js';
import type { RegisterRecord } from '../../lib/api-types.js';
import { useMembers } from '../../lib/members.js';
import { initialValues, toApiValue, writableFields, type FormValues } from '../../register/register-form.js';
import { RegisterFieldInput } from '../../register/register-field-input.js';
import { useVersion } from '../../versioning/versioned-api.js';
import { Button } from '../../ui/button.js';
import { Select } from '../../ui/fields.js';
import { Form, FormFailureMessage } from '../../ui/form.js';
import { useForm } from '../../ui/use-form.js';
import { useCurrentProgramme } from './audits-api.js';
import { clausesOf, joinClauses } from './clauses.js';

interface Props {
  org: string;
  record?: RegisterRecord;
  /** a planned audit of the programme to start from (`?planned=` key) */
  planned?: string | undefined;
  onSubmit: (body: Record<string, unknown>) => Promise<unknown>;
  onCancel: () => void;
}

const reg = internalAuditRegister;
// drawn by the form itself (the programme's planned audit, the clause list), not by the generic field input
const OWN = ['programmeId', 'plannedAuditKey', 'clauses'];

/**
 * Plans (or edits) an audit: title, the programme's planned audit it realizes, scope, criteria (clauses 4–10 by
 * their 2022 number with the 2013 one beside, the SoA), dates, lead auditor, auditees and the audit plan.
 */
export function AuditForm({ org, record, planned, onSubmit, onCancel }: Props) {
  const { t } = useT();
  const members = useMembers(org).data?.items ?? [];
  const plannedAudits = useProgrammePlannedAudits(org);
  const initial = useMemo(() => initialValues(reg, record), [record]);

  const form = useForm<FormValues, Record<string, unknown>>({
    initial,
    schema: record ? reg.updateSchema : reg.createSchema,
    toBody: (values) => {
      const body: Record<string, unknown> = {};
      for (const [name, def] of writableFields(reg)) {
        const v = values[name] ?? '';
        if (record) {
          if (v !== initial[name]) body[name] = toApiValue(def, v);
        } else if (v !== '' && !(def.kind === 'boolean' && v === false)) body[name] = toApiValue(def, v);
      }
      if (record) body.expectedVersion = record.version;
      return body;
    },
    submit: onSubmit,
    fields: writableFields(reg).map(([name]) => name),
    versioned: !!record,
  });
  const values = form.values;
  const chosen = new Set(clausesOf(String(values.clauses ?? '')));

  const pickPlanned = (key: string) => {
    const p = plannedAudits.audits.find((a) => a.key === key);
    form.update(
      (v) => ({
        ...v,
        plannedAuditKey: key,
        programmeId: key && plannedAudits.programmeId ? plannedAudits.programmeId : '',
        // a new audit takes what the programme planned, where the form is still empty
        ...(p && !record
          ? {
              title: v.title || p.title,
              clauses: v.clauses || joinClauses(p.clauses),
              plannedStart: v.plannedStart || p.plannedFrom,
              plannedEnd: v.plannedEnd || p.plannedTo,
            }
          : {}),
      }),
      ['plannedAuditKey'],
    );
  };
  // `?planned=KEY` (from the programme's coverage plan): start from that planned audit once the programme is read
  const offered = plannedAudits.audits.some((a) => a.key === planned);
  const started = useRef(false);
  useEffect(() => {
    if (!planned || !offered || started.current) return;
    started.current = true;
    pickPlanned(planned);
  });

  const toggleClause = (clause: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(clause);
    else next.delete(clause);
    form.set('clauses', joinClauses(ISMS_CLAUSES.filter((c) => next.has(c))));
  };

  return (
    <Form form={form} className="form register-form audit-form" aria-describedby="form-required-note">
      <p id="form-required-note" className="muted">
        {t('form.requiredNote')}
      </p>
      <div className="form__grid">
        <Select
          label={t('audits.form.planned')}
          help={plannedAudits.audits.length ? t('audits.form.plannedHelp') : t('audits.form.plannedNone')}
          value={String(values.plannedAuditKey ?? '')}
          error={form.errors.plannedAuditKey ?? form.errors.programmeId}
          onChange={(e) => pickPlanned(e.target.value)}
        >
          <option value="">{t('audits.form.unplanned')}</option>
          {plannedAudits.audits.map((a) => (
            <option key={a.key} value={a.key}>
              {`${a.key} — ${a.title} (${a.plannedFrom} – ${a.plannedTo})`}
            </option>
          ))}
          {values.plannedAuditKey && !plannedAudits.audits.some((a) => a.key === values.plannedAuditKey) ? (
            <option value={String(values.plannedAuditKey)}>{String(values.plannedAuditKey)}</option>
          ) : null}
        </Select>
        {writableFields(reg)
          .filter(([name]) => !OWN.includes(name))
          .map(([name, def]) => (
            <RegisterFieldInput
              key={name}
              collection={reg.collection}
              name={name}
              def={def}
              value={values[name] ?? ''}
              error={form.errors[name]}
              members={members}
              org={org}
              onChange={(v) => form.set(name, v)}
            />
          ))}
        <fieldset className="field--wide audit-form__clauses" aria-describedby="audit-clauses-help">
          <legend>{t('internal-audits.field.clauses')}</legend>
          <p id="audit-clauses-help" className="field__help">
            {t('audits.form.clausesHelp')}
          </p>
          {form.errors.clauses ? (
            <p className="field__error" role="alert">
              {form.errors.clauses}
            </p>
          ) : null}
          <ul className="audit-form__clause-list">
            {ISMS_CLAUSES.map((c) => (
              <li key={c}>
                <label>
                  <input type="checkbox" checked={chosen.has(c)} onChange={(e) => toggleClause(c, e.target.checked)} />{' '}
                  {`${clauseLabel(c)} ${ISMS_CLAUSE_TITLES[c] ?? ''}`}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      </div>
      <FormFailureMessage form={form} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={form.submitting}>
          {form.submitting ? t('form.saving') : record ? t('form.save') : t('audits.form.create')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </Form>
  );
}

/** The planned audits of the current programme (its approved version, else its draft), to link an audit to one. */
function useProgrammePlannedAudits(org: string): { programmeId: string | undefined; audits: PlannedAudit[] } {
  const programme = useCurrentProgramme(org).data;
  const no = programme ? (programme.approvedVersion ?? programme.latestVersion ?? undefined) : undefined;
  const version = useVersion(org, auditProgrammeRegister, programme?.id ?? '', no ?? undefined);
  const plan = auditPlanSchema.safeParse(version.data?.content.plan);
  return { programmeId: programme?.id, audits: plan.success ? plan.data.plannedAudits : [] };
}
