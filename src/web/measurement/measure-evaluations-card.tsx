import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { RAG, periodKey } from '../../schema/measurement/measure-target.js';
import type { MeasureRecord } from '../../schema/measurement/measure.register.js';
import { evaluationBodySchema, type MeasureEvaluation } from '../../schema/measurement/measure-results.schema.js';
import { ErrorMessage } from '../components/status.js';
import { useT } from '../i18n/i18n.js';
import { useMemberNames } from '../lib/members.js';
import { useCan } from '../lib/session.js';
import { Button } from '../ui/button.js';
import { DataTable } from '../ui/data-table.js';
import { Select, TextArea, TextField } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { QueryState } from '../ui/query-state.js';
import { useForm } from '../ui/use-form.js';
import { useMeasureEvaluations, useMeasureWrites } from './measurement-api.js';
import { RagBadge } from './rag.js';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The analyst's evaluation per analysis period (9.1 e): a RAG and what the results mean. It locks the period's
 * results; a red period may be raised as a nonconformity (10.2), once.
 */
export function MeasureEvaluationsCard({ org, measure }: { org: string; measure: MeasureRecord }) {
  const { t, formatDateTime } = useT();
  const evaluations = useMeasureEvaluations(org, measure.id);
  const names = useMemberNames(org);
  const can = useCan(org);
  return (
    <section className="card" aria-labelledby="measure-evaluations">
      <h2 id="measure-evaluations" className="card__title">
        {t('measurement.evaluations.title')}
      </h2>
      <p className="muted small">{t('measurement.evaluations.lead')}</p>
      <QueryState query={evaluations} empty={t('measurement.evaluations.none')} isEmpty={(d) => d.items.length === 0}>
        {(data) => (
          <div className="table-wrap">
            <DataTable
              caption={t('measurement.evaluations.title')}
              rows={data.items}
              rowKey={(r) => r.id}
              columns={[
                { id: 'period', header: t('measurement.trend.period'), rowHeader: true, cell: (r) => r.periodKey },
                { id: 'rag', header: t('measurement.trend.status'), cell: (r) => <RagBadge rag={r.rag} /> },
                { id: 'note', header: t('measurement.evaluations.note'), cell: (r) => r.note },
                {
                  id: 'by',
                  header: t('measurement.evaluations.by'),
                  cell: (r) =>
                    `${names.get(r.evaluatedBy ?? '') ?? t('common.unknownMember')}, ${formatDateTime(r.evaluatedAt)}`,
                },
                {
                  id: 'nc',
                  header: t('measurement.evaluations.nonconformity'),
                  cell: (r) => <RaiseCell org={org} measureId={measure.id} evaluation={r} />,
                },
              ]}
            />
          </div>
        )}
      </QueryState>
      {can('measure.evaluate') && !measure.archivedAt ? <EvaluationForm org={org} measure={measure} /> : null}
    </section>
  );
}

function RaiseCell({ org, measureId, evaluation }: { org: string; measureId: string; evaluation: MeasureEvaluation }) {
  const { t } = useT();
  const can = useCan(org);
  const { raise } = useMeasureWrites(org, measureId);
  if (evaluation.nonconformityId)
    return (
      <Link to="/o/$org/nonconformities/$id" params={{ org, id: evaluation.nonconformityId }}>
        {t('measurement.evaluations.raisedLink')}
      </Link>
    );
  if (evaluation.rag !== 'red' || !can('nonconformity.create')) return <span className="muted">–</span>;
  return (
    <>
      <Button variant="secondary" busy={raise.isPending} onClick={() => raise.mutate(evaluation.id)}>
        {t('measurement.evaluations.raise')}
      </Button>
      {raise.isError ? <ErrorMessage error={raise.error} /> : null}
    </>
  );
}

function EvaluationForm({ org, measure }: { org: string; measure: MeasureRecord }) {
  const { t } = useT();
  const { evaluate } = useMeasureWrites(org, measure.id);
  const [saved, setSaved] = useState<string | null>(null);
  const frequency = measure.analysisFrequency ?? measure.frequency ?? 'monthly';
  const form = useForm({
    initial: {
      periodKey: measure.latestPeriod ?? periodKey(frequency, today()),
      rag: measure.latestRag ?? '',
      note: '',
    },
    schema: evaluationBodySchema,
    toBody: (v) => ({ periodKey: v.periodKey.trim(), rag: v.rag || undefined, note: v.note.trim() }),
    submit: (body) => evaluate.mutateAsync(body),
    onSuccess: (r) => setSaved(t('measurement.evaluations.saved', { period: r.periodKey, count: r.resultCount })),
    resetOnSuccess: true,
  });
  return (
    <Form form={form} className="form" aria-label={t('measurement.evaluations.add')}>
      <h3>{t('measurement.evaluations.add')}</h3>
      <div className="form__grid">
        <TextField
          label={t('measurement.evaluations.period')}
          help={t('measurement.evaluations.periodHelp', { frequency: t(`measures.frequency.${frequency}`) })}
          required
          {...form.field('periodKey')}
        />
        <Select label={t('measurement.trend.status')} required {...form.field('rag')}>
          <option value="">{t('common.choose')}</option>
          {RAG.map((r) => (
            <option key={r} value={r}>
              {t(`measures.latestRag.${r}`)}
            </option>
          ))}
        </Select>
        <TextArea
          label={t('measurement.evaluations.note')}
          help={t('measurement.evaluations.noteHelp')}
          required
          rows={3}
          fieldClassName="field--wide"
          {...form.field('note')}
        />
      </div>
      <FormFailureMessage form={form} />
      {saved && !form.dirty ? (
        <p className="alert alert--success" role="status">
          {saved}
        </p>
      ) : null}
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={form.submitting}>
          {form.submitting ? t('form.saving') : t('measurement.evaluations.save')}
        </Button>
      </div>
    </Form>
  );
}
