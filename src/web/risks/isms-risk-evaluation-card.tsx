import { useState } from 'react';
import {
  ismsRiskRegister,
  ISMS_RISK_EFFECTIVENESS,
  type IsmsRiskRecord,
} from '../../schema/risks/isms-risk.register.js';
import { useT } from '../i18n/i18n.js';
import { useCan } from '../lib/session.js';
import { LiveMessage } from '../components/status.js';
import { DateField, Select, TextArea } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { useForm } from '../ui/use-form.js';
import type { WithRelated } from '../register/register-api.js';
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
export function EvaluationCard({ org, record }: { org: string; record: WithRelated<IsmsRiskRecord> }) {
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
          ⚠ {t('isms-risks.detail.overdue', { date: formatDate(record.evaluationDueDate ?? '') })}
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

interface EvaluationValues {
  effectiveness: string;
  evaluatedOn: string;
  evaluationNotes: string;
}

function RecordEvaluation({
  org,
  record,
  onDone,
}: {
  org: string;
  record: IsmsRiskRecord;
  onDone: (saved: boolean) => void;
}) {
  const i18n = useT();
  const { t, td } = i18n;
  const { update } = useRegisterMutations(org, ismsRiskRegister);
  const f = ismsRiskRegister.fields;
  const form = useForm({
    initial: {
      effectiveness: record.effectiveness === 'not_evaluated' ? '' : (record.effectiveness ?? ''),
      evaluatedOn: today(),
      evaluationNotes: record.evaluationNotes ?? '',
    },
    schema: ismsRiskRegister.updateSchema,
    // an unchosen effectiveness is left out of the body: `check` says it is required, in the words every form uses
    toBody: (v: EvaluationValues) => ({
      ...(v.effectiveness ? { effectiveness: v.effectiveness } : {}),
      evaluatedOn: v.evaluatedOn,
      evaluationNotes: v.evaluationNotes.trim() ? v.evaluationNotes : null,
      expectedVersion: record.version,
    }),
    check: (v): Record<string, string> => (v.effectiveness ? {} : { effectiveness: t('validation.required') }),
    submit: (body) => update.mutateAsync({ id: record.id, body }),
    onSuccess: () => onDone(true),
    versioned: true,
  });

  return (
    <Form form={form} className="form isms-evaluation__form" aria-labelledby="isms-evaluation-form-title">
      <h3 id="isms-evaluation-form-title">{t('isms-risks.detail.recordLead')}</h3>
      <div className="form__grid">
        <Select label={td(f.effectiveness.label)} required {...form.field('effectiveness')}>
          <option value="">{t('common.choose')}</option>
          {ISMS_RISK_EFFECTIVENESS.map((o) => (
            <option key={o} value={o}>
              {optionLabel(i18n, ismsRiskRegister.collection, 'effectiveness', o)}
            </option>
          ))}
        </Select>
        <DateField
          label={td(f.evaluatedOn.label)}
          help={td(f.evaluatedOn.help)}
          max={today()}
          {...form.field('evaluatedOn')}
        />
        <TextArea
          label={td(f.evaluationNotes.label)}
          help={td(f.evaluationNotes.help)}
          fieldClassName="field--wide"
          rows={4}
          maxLength={f.evaluationNotes.maxLength}
          {...form.field('evaluationNotes')}
        />
      </div>
      <FormFailureMessage form={form} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={form.submitting}>
          {form.submitting ? t('form.saving') : t('isms-risks.detail.saveEvaluation')}
        </Button>
        <Button onClick={() => onDone(false)}>{t('common.cancel')}</Button>
      </div>
    </Form>
  );
}
