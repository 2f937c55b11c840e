import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { ncAnalysisBodySchema } from '../../schema/improvement/nonconformity-steps.schema.js';
import {
  MAX_WHYS,
  NC_CAUSE_CATEGORIES,
  nonconformityRegister,
  type NonconformityRecord,
} from '../../schema/improvement/nonconformity.register.js';
import { useT } from '../i18n/i18n.js';
import { optionLabel } from '../register/field-value.js';
import { Button } from '../ui/button.js';
import { Checkbox, Select, TextArea } from '../ui/fields.js';
import { QueryState } from '../ui/query-state.js';
import { useForm } from '../ui/use-form.js';
import { useNcAnalysisLists, useNcStep, useSimilarNonconformities } from './nonconformity-api.js';
import { StepForm, useReloadNc } from './nc-form-parts.js';
import { StepCard, StepRecord, type StepState } from './step-card.js';

const f = nonconformityRegister.fields;
const C = nonconformityRegister.collection;

interface AnalysisValues {
  whatWentWrong: string;
  causeCategory: string;
  whys: string[];
  rootCause: string;
  patterns: string;
  similarConfirmed: string[];
}

/**
 * 10.2 b 1–3: review it, find its causes (what went wrong, cause category, the five-whys chain, root cause, patterns
 * to watch for elsewhere) and whether similar nonconformities exist (Rampart proposes them, the person confirms).
 */
export function AnalysisCard({
  org,
  record,
  state,
  editable,
}: {
  org: string;
  record: NonconformityRecord;
  state: StepState;
  editable: boolean;
}) {
  const i18n = useT();
  const { t, td } = i18n;
  const [revising, setRevising] = useState(false);
  const analysed = !!record.whatWentWrong;
  const lists = useNcAnalysisLists(org, record.id, analysed);
  // a reopened nonconformity is analysed again: its earlier analysis stays in the audit trail
  const canRevise = editable && record.status === 'analysed';
  const showForm = editable && (state === 'current' || revising);
  return (
    <StepCard
      id="nc-analysis"
      title={t('nc.step.analysis')}
      state={state}
      lead={t('nc.step.analysisLead')}
      waiting={!editable}
    >
      {analysed ? (
        <>
          <StepRecord
            org={org}
            items={[
              [td(f.whatWentWrong.label), record.whatWentWrong, 'text'],
              [
                td(f.causeCategory.label),
                record.causeCategory ? optionLabel(i18n, C, 'causeCategory', record.causeCategory) : null,
              ],
            ]}
          />
          <QueryState query={lists}>
            {(data) => (
              <>
                <h3 className="step-card__subtitle">{t('nc.analysis.whys')}</h3>
                <ol className="nc-whys">
                  {data.whys.map((why, i) => (
                    <li key={i}>{why}</li>
                  ))}
                </ol>
                {data.similarConfirmed.length ? (
                  <>
                    <h3 className="step-card__subtitle">{t('nc.analysis.similarConfirmed')}</h3>
                    <ul>
                      {data.similarConfirmed.map((s) => (
                        <li key={s.id}>
                          <Link to="/o/$org/nonconformities/$id" params={{ org, id: s.id }}>
                            <span className="ref">{s.ref}</span> {s.title}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </>
            )}
          </QueryState>
          <StepRecord
            org={org}
            items={[
              [td(f.rootCause.label), record.rootCause, 'text'],
              [td(f.patterns.label), record.patterns, 'text'],
              [td(f.analysedBy.label), record.analysedBy, 'member'],
              [td(f.analysedOn.label), record.analysedOn, 'date'],
            ]}
          />
        </>
      ) : null}
      {canRevise && !revising ? <Button onClick={() => setRevising(true)}>{t('nc.analysis.revise')}</Button> : null}
      {showForm ? (
        <AnalysisForm
          key={record.version}
          org={org}
          record={record}
          whys={lists.data?.whys}
          confirmed={lists.data?.similarConfirmed.map((s) => s.id)}
        />
      ) : null}
    </StepCard>
  );
}

function AnalysisForm({
  org,
  record,
  whys,
  confirmed,
}: {
  org: string;
  record: NonconformityRecord;
  whys: string[] | undefined;
  confirmed: string[] | undefined;
}) {
  const i18n = useT();
  const { t, td } = i18n;
  const step = useNcStep(org, record.id, 'analysis');
  const similar = useSimilarNonconformities(org, record.id);
  const form = useForm({
    initial: {
      whatWentWrong: record.whatWentWrong ?? '',
      causeCategory: record.causeCategory ?? '',
      whys: whys?.length ? whys : ['', '', ''],
      rootCause: record.rootCause ?? '',
      patterns: record.patterns ?? '',
      similarConfirmed: confirmed ?? [],
    } satisfies AnalysisValues,
    schema: ncAnalysisBodySchema,
    toBody: (v: AnalysisValues) => ({
      expectedVersion: record.version,
      whatWentWrong: v.whatWentWrong,
      ...(v.causeCategory ? { causeCategory: v.causeCategory } : {}),
      whys: v.whys.filter((w) => w.trim()),
      rootCause: v.rootCause,
      ...(v.patterns.trim() ? { patterns: v.patterns } : {}),
      similarConfirmed: v.similarConfirmed,
    }),
    check: (v): Record<string, string> => (v.causeCategory ? {} : { causeCategory: t('validation.required') }),
    submit: (body) => step.mutateAsync(body),
    versioned: true,
    reload: useReloadNc(org, record.id),
  });
  const setWhy = (i: number, value: string) =>
    form.update((v) => ({ ...v, whys: v.whys.map((w, j) => (j === i ? value : w)) }), ['whys']);
  const toggleSimilar = (id: string, on: boolean) =>
    form.update((v) => ({
      ...v,
      similarConfirmed: on ? [...v.similarConfirmed, id] : v.similarConfirmed.filter((x) => x !== id),
    }));

  return (
    <StepForm form={form} title={t('nc.step.analysis')} submitLabel={t('nc.step.analysisSave')}>
      <fieldset className="field--wide nc-similar">
        <legend>{t('nc.similar.title')}</legend>
        <p className="small muted">{t('nc.similar.lead')}</p>
        <QueryState query={similar} empty={t('nc.similar.none')} isEmpty={(d) => d.items.length === 0}>
          {(data) => (
            <>
              {data.items.map((s) => (
                <Checkbox
                  key={s.id}
                  label={`${s.ref} ${s.title} (${s.reasons.map((r) => t(`nc.similar.reason.${r}`)).join(', ')})`}
                  checked={form.values.similarConfirmed.includes(s.id)}
                  onChange={(e) => toggleSimilar(s.id, e.target.checked)}
                />
              ))}
            </>
          )}
        </QueryState>
      </fieldset>
      <TextArea
        label={td(f.whatWentWrong.label)}
        required
        rows={3}
        fieldClassName="field--wide"
        {...form.field('whatWentWrong')}
      />
      <Select label={td(f.causeCategory.label)} required {...form.field('causeCategory')}>
        <option value="">{t('common.choose')}</option>
        {NC_CAUSE_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {optionLabel(i18n, C, 'causeCategory', c)}
          </option>
        ))}
      </Select>
      <fieldset className="field--wide nc-whys-field" aria-describedby={form.errors.whys ? 'nc-whys-error' : undefined}>
        <legend>{t('nc.analysis.whys')}</legend>
        <p className="small muted">{t('nc.analysis.whysLead', { max: MAX_WHYS })}</p>
        {form.values.whys.map((why, i) => (
          <div key={i} className="nc-why">
            <TextArea
              label={t('nc.analysis.why', { no: i + 1 })}
              rows={1}
              value={why}
              maxLength={1000}
              onChange={(e) => setWhy(i, e.target.value)}
            />
            {form.values.whys.length > 1 ? (
              <Button
                variant="link"
                aria-label={t('nc.analysis.removeWhy', { no: i + 1 })}
                onClick={() => form.update((v) => ({ ...v, whys: v.whys.filter((_, j) => j !== i) }), ['whys'])}
              >
                {t('nc.analysis.remove')}
              </Button>
            ) : null}
          </div>
        ))}
        {form.errors.whys ? (
          <p className="field__error" id="nc-whys-error">
            {form.errors.whys}
          </p>
        ) : null}
        {form.values.whys.length < MAX_WHYS ? (
          <Button onClick={() => form.update((v) => ({ ...v, whys: [...v.whys, ''] }))}>
            {t('nc.analysis.addWhy')}
          </Button>
        ) : null}
      </fieldset>
      <TextArea
        label={td(f.rootCause.label)}
        required
        rows={2}
        fieldClassName="field--wide"
        {...form.field('rootCause')}
      />
      <TextArea
        label={td(f.patterns.label)}
        help={t('nc.help.patterns')}
        rows={2}
        fieldClassName="field--wide"
        {...form.field('patterns')}
      />
    </StepForm>
  );
}
