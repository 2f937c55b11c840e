import { useQueryClient } from '@tanstack/react-query';
import {
  improvementEvaluationBodySchema,
  improvementImplementedBodySchema,
  improvementRegister,
  improvementReviewBodySchema,
  type ImprovementRecord,
} from '../../schema/improvement/improvement.register.js';
import { useT } from '../i18n/i18n.js';
import { Select, TextArea } from '../ui/fields.js';
import { useForm } from '../ui/use-form.js';
import { useImprovementStep } from './nonconformity-api.js';
import { StepForm } from './nc-form-parts.js';
import { StepCard, StepRecord, type StepState } from './step-card.js';

const f = improvementRegister.fields;

interface CardProps {
  org: string;
  record: ImprovementRecord;
  state: StepState;
  editable: boolean;
}

function useReload(org: string, id: string) {
  const queryClient = useQueryClient();
  return () =>
    void queryClient.invalidateQueries({ queryKey: ['org', org, improvementRegister.collection, 'record', id] });
}

const yesNo = (t: (k: 'imp.yes' | 'imp.no') => string, v: boolean | null | undefined): string | null =>
  v === null || v === undefined ? null : v ? t('imp.yes') : t('imp.no');

/** 27003 10.2 d: is it worth pursuing? With the reason; "no" ends it as not pursued. */
export function EvaluationCard({ org, record, state, editable }: CardProps) {
  const { t, td } = useT();
  const step = useImprovementStep(org, record.id, 'evaluation');
  const reload = useReload(org, record.id);
  const form = useForm({
    initial: { worthPursuing: '', evaluationNote: '' },
    schema: improvementEvaluationBodySchema,
    toBody: (v) => ({
      expectedVersion: record.version,
      ...(v.worthPursuing ? { worthPursuing: v.worthPursuing === 'yes' } : {}),
      evaluationNote: v.evaluationNote,
    }),
    check: (v): Record<string, string> => (v.worthPursuing ? {} : { worthPursuing: t('validation.required') }),
    submit: (body) => step.mutateAsync(body),
    versioned: true,
    reload,
  });
  return (
    <StepCard
      id="imp-evaluation"
      title={t('imp.step.evaluation')}
      state={state}
      lead={t('imp.step.evaluationLead')}
      waiting={!editable}
    >
      <StepRecord
        org={org}
        items={[
          [td(f.worthPursuing.label), yesNo(t, record.worthPursuing)],
          [td(f.evaluationNote.label), record.evaluationNote, 'text'],
          [td(f.evaluatedBy.label), record.evaluatedBy, 'member'],
          [td(f.evaluatedOn.label), record.evaluatedOn, 'date'],
        ]}
      />
      {state === 'current' && editable ? (
        <StepForm form={form} title={t('imp.step.evaluation')} submitLabel={t('imp.evaluation.save')}>
          <Select label={td(f.worthPursuing.label)} required {...form.field('worthPursuing')}>
            <option value="">{t('common.choose')}</option>
            <option value="yes">{t('imp.yes')}</option>
            <option value="no">{t('imp.no')}</option>
          </Select>
          <TextArea
            label={td(f.evaluationNote.label)}
            required
            rows={3}
            fieldClassName="field--wide"
            {...form.field('evaluationNote')}
          />
        </StepForm>
      ) : null}
    </StepCard>
  );
}

/** 27003 10.2 e: the change to the ISMS it implies, recorded once its actions are done. */
export function ImplementedCard({ org, record, state, editable }: CardProps) {
  const { t, td } = useT();
  const step = useImprovementStep(org, record.id, 'implemented');
  const form = useForm({
    initial: { ismsChange: record.ismsChange ?? '' },
    schema: improvementImplementedBodySchema,
    toBody: (v) => ({ expectedVersion: record.version, ismsChange: v.ismsChange }),
    submit: (body) => step.mutateAsync(body),
    versioned: true,
    reload: useReload(org, record.id),
  });
  return (
    <StepCard
      id="imp-implemented"
      title={t('imp.step.implemented')}
      state={state}
      lead={t('imp.step.implementedLead')}
      waiting={!editable}
    >
      {state !== 'current' ? (
        <StepRecord org={org} items={[[td(f.ismsChange.label), record.ismsChange, 'text']]} />
      ) : null}
      {state === 'current' && editable ? (
        <StepForm form={form} title={t('imp.step.implemented')} submitLabel={t('imp.implemented.save')}>
          <TextArea
            label={td(f.ismsChange.label)}
            required
            rows={4}
            fieldClassName="field--wide"
            {...form.field('ismsChange')}
          />
        </StepForm>
      ) : null}
    </StepCard>
  );
}

/** 27003 10.2 g: were the actions effective? */
export function ImprovementReviewCard({ org, record, state, editable }: CardProps) {
  const { t, td } = useT();
  const step = useImprovementStep(org, record.id, 'review');
  const form = useForm({
    initial: { effective: '', effectivenessNote: '' },
    schema: improvementReviewBodySchema,
    toBody: (v) => ({
      expectedVersion: record.version,
      ...(v.effective ? { effective: v.effective === 'yes' } : {}),
      effectivenessNote: v.effectivenessNote,
    }),
    check: (v): Record<string, string> => (v.effective ? {} : { effective: t('validation.required') }),
    submit: (body) => step.mutateAsync(body),
    versioned: true,
    reload: useReload(org, record.id),
  });
  return (
    <StepCard
      id="imp-review"
      title={t('imp.step.review')}
      state={state}
      lead={t('imp.step.reviewLead')}
      waiting={!editable}
    >
      <StepRecord
        org={org}
        items={[
          [td(f.effective.label), yesNo(t, record.effective)],
          [td(f.effectivenessNote.label), record.effectivenessNote, 'text'],
          [td(f.reviewedOn.label), record.reviewedOn, 'date'],
        ]}
      />
      {state === 'current' && editable ? (
        <StepForm form={form} title={t('imp.step.review')} submitLabel={t('imp.review.save')}>
          <Select label={td(f.effective.label)} required {...form.field('effective')}>
            <option value="">{t('common.choose')}</option>
            <option value="yes">{t('imp.yes')}</option>
            <option value="no">{t('imp.no')}</option>
          </Select>
          <TextArea
            label={td(f.effectivenessNote.label)}
            required
            rows={3}
            fieldClassName="field--wide"
            {...form.field('effectivenessNote')}
          />
        </StepForm>
      ) : null}
    </StepCard>
  );
}
