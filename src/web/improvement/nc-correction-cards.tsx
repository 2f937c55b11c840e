import { ncCorrectionBodySchema, ncDecisionBodySchema } from '../../schema/improvement/nonconformity-steps.schema.js';
import { nonconformityRegister, type NonconformityRecord } from '../../schema/improvement/nonconformity.register.js';
import { useT } from '../i18n/i18n.js';
import { DateField, Select, TextArea } from '../ui/fields.js';
import { useForm } from '../ui/use-form.js';
import { useNcStep } from './nonconformity-api.js';
import { StepForm, useReloadNc } from './nc-form-parts.js';
import { StepCard, StepRecord, type StepState } from './step-card.js';

const today = () => new Date().toISOString().slice(0, 10);
const f = nonconformityRegister.fields;

interface CardProps {
  org: string;
  record: NonconformityRecord;
  state: StepState;
  /** the person may take this step now */
  editable: boolean;
}

/** 10.2 a: react to it, correct it, deal with its consequences. */
export function CorrectionCard({ org, record, state, editable }: CardProps) {
  const { t, td } = useT();
  return (
    <StepCard
      id="nc-correction"
      title={t('nc.step.correction')}
      state={state}
      lead={t('nc.step.correctionLead')}
      waiting={!editable}
    >
      <StepRecord
        org={org}
        items={[
          [td(f.correctionText.label), record.correctionText, 'text'],
          [td(f.correctionDoneOn.label), record.correctionDoneOn, 'date'],
          [td(f.consequencesText.label), record.consequencesText, 'text'],
        ]}
      />
      {state === 'current' && editable ? <CorrectionForm key={record.version} org={org} record={record} /> : null}
    </StepCard>
  );
}

function CorrectionForm({ org, record }: { org: string; record: NonconformityRecord }) {
  const { t, td } = useT();
  const step = useNcStep(org, record.id, 'correction');
  const form = useForm({
    initial: { correctionText: '', correctionDoneOn: today(), consequencesText: '' },
    schema: ncCorrectionBodySchema,
    toBody: (v) => ({
      expectedVersion: record.version,
      correctionText: v.correctionText,
      ...(v.correctionDoneOn ? { correctionDoneOn: v.correctionDoneOn } : {}),
      ...(v.consequencesText.trim() ? { consequencesText: v.consequencesText } : {}),
    }),
    submit: (body) => step.mutateAsync(body),
    versioned: true,
    reload: useReloadNc(org, record.id),
  });
  return (
    <StepForm form={form} title={t('nc.step.correction')} submitLabel={t('nc.step.correctionSave')}>
      <TextArea
        label={td(f.correctionText.label)}
        help={t('nc.help.correction')}
        required
        rows={3}
        fieldClassName="field--wide"
        {...form.field('correctionText')}
      />
      <DateField label={td(f.correctionDoneOn.label)} max={today()} {...form.field('correctionDoneOn')} />
      <TextArea
        label={td(f.consequencesText.label)}
        help={t('nc.help.consequences')}
        rows={3}
        fieldClassName="field--wide"
        {...form.field('consequencesText')}
      />
    </StepForm>
  );
}

/** 10.2 b: whether action is needed to remove its causes, and by which criterion; "no" leads straight to closure. */
export function DecisionCard({ org, record, state, editable }: CardProps) {
  const { t, td } = useT();
  const decided = record.correctiveActionNeeded;
  return (
    <StepCard
      id="nc-decision"
      title={t('nc.step.decision')}
      state={state}
      lead={t('nc.step.decisionLead')}
      waiting={!editable}
    >
      <StepRecord
        org={org}
        items={[
          [
            td(f.correctiveActionNeeded.label),
            decided === null || decided === undefined ? null : decided ? t('nc.decision.yes') : t('nc.decision.no'),
          ],
          [td(f.decisionCriterion.label), record.decisionCriterion, 'text'],
          [td(f.decidedBy.label), record.decidedBy, 'member'],
          [td(f.decidedOn.label), record.decidedOn, 'date'],
        ]}
      />
      {state === 'current' && editable ? <DecisionForm key={record.version} org={org} record={record} /> : null}
    </StepCard>
  );
}

function DecisionForm({ org, record }: { org: string; record: NonconformityRecord }) {
  const { t, td } = useT();
  const step = useNcStep(org, record.id, 'decision');
  const form = useForm({
    initial: { correctiveActionNeeded: '', decisionCriterion: '' },
    schema: ncDecisionBodySchema,
    toBody: (v) => ({
      expectedVersion: record.version,
      ...(v.correctiveActionNeeded ? { correctiveActionNeeded: v.correctiveActionNeeded === 'yes' } : {}),
      decisionCriterion: v.decisionCriterion,
    }),
    check: (v): Record<string, string> =>
      v.correctiveActionNeeded ? {} : { correctiveActionNeeded: t('validation.required') },
    submit: (body) => step.mutateAsync(body),
    versioned: true,
    reload: useReloadNc(org, record.id),
  });
  return (
    <StepForm form={form} title={t('nc.step.decision')} submitLabel={t('nc.step.decisionSave')}>
      <Select label={td(f.correctiveActionNeeded.label)} required {...form.field('correctiveActionNeeded')}>
        <option value="">{t('common.choose')}</option>
        <option value="yes">{t('nc.decision.yes')}</option>
        <option value="no">{t('nc.decision.no')}</option>
      </Select>
      <TextArea
        label={td(f.decisionCriterion.label)}
        help={t('nc.help.criterion')}
        required
        rows={3}
        fieldClassName="field--wide"
        {...form.field('decisionCriterion')}
      />
      {form.values.correctiveActionNeeded === 'no' ? (
        <p className="alert alert--info field--wide">{t('nc.decision.noNote')}</p>
      ) : null}
    </StepForm>
  );
}
