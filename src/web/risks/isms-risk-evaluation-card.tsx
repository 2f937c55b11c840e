import { useState, type FormEvent } from 'react';
import { ismsRiskRegister, ISMS_RISK_EFFECTIVENESS } from '../../schema/risks/isms-risk.register.js';
import { useT } from '../i18n/i18n.js';
import { isApiError } from '../lib/api-client.js';
import type { RegisterRecord } from '../lib/api-types.js';
import { useCan } from '../lib/session.js';
import { FormField } from '../ui/form-field.js';
import { ErrorMessage, LiveMessage } from '../components/status.js';
import { optionLabel } from '../register/field-value.js';
import { useRegisterMutations } from '../register/register-api.js';
import { Fields } from './isms-risk-fields.js';
import { isEvaluationOverdue } from './isms-risk-badges.js';
import { Button } from '../ui/button.js';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * How the effectiveness of the actions is evaluated (6.1.1 e 2), by when, and what the evaluation found; once an
 * action is planned, the evaluation can be recorded here without opening the whole form.
 */
export function EvaluationCard({ org, record }: { org: string; record: RegisterRecord }) {
  const { t, formatDate } = useT();
  const can = useCan(org);
  const [recording, setRecording] = useState(false);
  const [saved, setSaved] = useState(false);
  const planned = record.status !== 'identified';
  const editable = can('isms_risk.update') && !record.archivedAt;
  return (
    <section className="card isms-evaluation" aria-labelledby="isms-risk-evaluation">
      <div className="card__header">
        <h2 id="isms-risk-evaluation" className="card__title">
          {t('isms-risks.detail.evaluation')}
        </h2>
        {editable && planned && !recording ? (
          <Button
            onClick={() => {
              setSaved(false);
              setRecording(true);
            }}
          >
            {t('isms-risks.detail.record')}
          </Button>
        ) : null}
      </div>
      <LiveMessage>{saved ? t('isms-risks.detail.evaluationSaved') : null}</LiveMessage>
      {isEvaluationOverdue(record) ? (
        <p className="alert alert--error">
          ⚠ {t('isms-risks.detail.overdue', { date: formatDate(String(record.evaluationDueDate)) })}
        </p>
      ) : null}
      {!record.evaluationMethod ? <p className="alert alert--warning">{t('isms-risks.detail.noMethod')}</p> : null}
      <Fields
        org={org}
        record={record}
        names={
          record.effectiveness === 'not_evaluated' && !record.evaluationNotes
            ? ['evaluationMethod', 'evaluationDueDate', 'effectiveness']
            : ['evaluationMethod', 'evaluationDueDate', 'effectiveness', 'evaluatedOn', 'evaluationNotes']
        }
      />
      {editable && !planned ? <p className="small muted">{t('isms-risks.detail.needsAction')}</p> : null}
      {recording ? (
        <RecordEvaluation
          org={org}
          record={record}
          onDone={(ok) => {
            setRecording(false);
            setSaved(ok);
          }}
        />
      ) : null}
    </section>
  );
}

function RecordEvaluation({
  org,
  record,
  onDone,
}: {
  org: string;
  record: RegisterRecord;
  onDone: (saved: boolean) => void;
}) {
  const i18n = useT();
  const { t, td } = i18n;
  const { update } = useRegisterMutations(org, ismsRiskRegister);
  const [effectiveness, setEffectiveness] = useState(
    record.effectiveness === 'not_evaluated' ? '' : String(record.effectiveness),
  );
  const [evaluatedOn, setEvaluatedOn] = useState(today());
  const [notes, setNotes] = useState(typeof record.evaluationNotes === 'string' ? record.evaluationNotes : '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const f = ismsRiskRegister.fields;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    if (!effectiveness) return setErrors({ effectiveness: t('validation.required') });
    try {
      await update.mutateAsync({
        id: record.id,
        body: {
          effectiveness,
          evaluatedOn,
          evaluationNotes: notes.trim() ? notes : null,
          expectedVersion: record.version,
        },
      });
      onDone(true);
    } catch (err) {
      const fields = isApiError(err) && err.status === 400 ? err.fieldErrors() : {};
      setErrors(fields);
      if (!Object.keys(fields).length) setFailure(err);
    }
  };

  return (
    <form
      className="form isms-evaluation__form"
      onSubmit={submit}
      noValidate
      aria-labelledby="isms-evaluation-form-title"
    >
      <h3 id="isms-evaluation-form-title">{t('isms-risks.detail.recordLead')}</h3>
      <div className="form__grid">
        <FormField label={td(f.effectiveness.label)} error={errors.effectiveness} required>
          <select value={effectiveness} onChange={(e) => setEffectiveness(e.target.value)} required>
            <option value="">{t('common.choose')}</option>
            {ISMS_RISK_EFFECTIVENESS.map((o) => (
              <option key={o} value={o}>
                {optionLabel(i18n, ismsRiskRegister.collection, 'effectiveness', o)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={td(f.evaluatedOn.label)} error={errors.evaluatedOn} help={td(f.evaluatedOn.help)}>
          <input type="date" value={evaluatedOn} max={today()} onChange={(e) => setEvaluatedOn(e.target.value)} />
        </FormField>
        <FormField
          label={td(f.evaluationNotes.label)}
          error={errors.evaluationNotes}
          help={td(f.evaluationNotes.help)}
          className="field--wide"
        >
          <textarea
            value={notes}
            rows={4}
            maxLength={f.evaluationNotes.maxLength}
            onChange={(e) => setNotes(e.target.value)}
          />
        </FormField>
      </div>
      {failure ? <ErrorMessage error={failure} /> : null}
      <div className="form__actions">
        <Button type="submit" variant="primary" disabled={update.isPending}>
          {update.isPending ? t('form.saving') : t('isms-risks.detail.saveEvaluation')}
        </Button>
        <Button onClick={() => onDone(false)}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
