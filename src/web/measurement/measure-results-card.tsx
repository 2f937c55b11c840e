import { useState } from 'react';
import { parseBaseMeasures, type BaseMeasure } from '../../schema/measurement/measure-formula.js';
import type { MeasureRecord } from '../../schema/measurement/measure.register.js';
import {
  MAX_EVIDENCE_PER_RESULT,
  recordResultBodySchema,
  type MeasureResult,
} from '../../schema/measurement/measure-results.schema.js';
import { useT } from '../i18n/i18n.js';
import { isApiError } from '../lib/api-client.js';
import { useMemberNames } from '../lib/members.js';
import { useCan } from '../lib/session.js';
import type { PickedRecord } from '../register/record-combobox.js';
import { RecordMultiPicker } from '../register/record-multi-picker.js';
import { Button } from '../ui/button.js';
import { DataTable } from '../ui/data-table.js';
import { Checkbox, DateField, TextArea, TextField } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { QueryState } from '../ui/query-state.js';
import { useForm } from '../ui/use-form.js';
import { useMeasureResults, useMeasureWrites } from './measurement-api.js';
import { RagBadge, useFormatValue } from './rag.js';

const today = () => new Date().toISOString().slice(0, 10);

/** Base measures as declared; a declaration the server would refuse has none (the form then asks for the value). */
export function declaredBaseMeasures(text: string | null): BaseMeasure[] {
  try {
    return parseBaseMeasures(text);
  } catch {
    return [];
  }
}

/**
 * The results of a measure (9.1 b, c): each dated and attributed, with its source; a correction supersedes the
 * period's result (shown on demand) until the period is evaluated, after which it is locked.
 */
export function MeasureResultsCard({ org, measure }: { org: string; measure: MeasureRecord }) {
  const { t, td, formatDate, formatDateTime } = useT();
  const [showSuperseded, setShowSuperseded] = useState(false);
  const results = useMeasureResults(org, measure.id, showSuperseded);
  const names = useMemberNames(org);
  const format = useFormatValue();
  const can = useCan(org);
  return (
    <section className="card" aria-labelledby="measure-results">
      <h2 id="measure-results" className="card__title">
        {t('measurement.results.title')}
      </h2>
      <Checkbox
        label={t('measurement.results.showSuperseded')}
        checked={showSuperseded}
        onChange={(e) => setShowSuperseded(e.target.checked)}
      />
      <QueryState query={results} empty={t('measurement.results.none')} isEmpty={(d) => d.items.length === 0}>
        {(data) => (
          <div className="table-wrap">
            <DataTable
              caption={t('measurement.results.title')}
              rows={data.items}
              rowKey={(r) => r.id}
              columns={[
                { id: 'period', header: t('measurement.trend.period'), rowHeader: true, cell: (r) => r.periodKey },
                {
                  id: 'measuredOn',
                  header: t('measurement.results.measuredOn'),
                  cell: (r) => formatDate(r.measuredOn),
                },
                {
                  id: 'value',
                  header: t('measurement.trend.value'),
                  className: 'num',
                  cell: (r) => format(r.value, measure.unit),
                },
                { id: 'rag', header: t('measurement.trend.status'), cell: (r) => <RagBadge rag={r.rag} /> },
                {
                  id: 'source',
                  header: t('measurement.results.source'),
                  cell: (r) => td(`measurement.source.${r.source}`, undefined, r.source),
                },
                {
                  id: 'recorded',
                  header: t('measurement.results.recorded'),
                  cell: (r) =>
                    `${names.get(r.recordedBy ?? '') ?? t('common.unknownMember')}, ${formatDateTime(r.recordedAt)}`,
                },
                { id: 'note', header: t('measurement.results.note'), cell: (r) => r.note ?? '' },
                { id: 'state', header: t('measurement.results.state'), cell: (r) => <ResultState result={r} /> },
              ]}
            />
          </div>
        )}
      </QueryState>
      {can('measure_result.record') && measure.status === 'active' && !measure.archivedAt ? (
        <RecordResultForm org={org} measure={measure} />
      ) : null}
    </section>
  );
}

function ResultState({ result }: { result: MeasureResult }) {
  const { t } = useT();
  if (result.supersededBy) return <span className="muted">{t('measurement.results.superseded')}</span>;
  if (result.evaluatedAt)
    return (
      <span className="pill pill--locked">
        <span aria-hidden="true">🔒</span> {t('measurement.results.locked')}
      </span>
    );
  return <span>{t('measurement.results.open')}</span>;
}

function RecordResultForm({ org, measure }: { org: string; measure: MeasureRecord }) {
  const { t } = useT();
  const base = declaredBaseMeasures(measure.baseMeasures);
  const derived = !!measure.formula && base.length > 0;
  const { recordResult } = useMeasureWrites(org, measure.id);
  const [saved, setSaved] = useState<string | null>(null);
  // the picked evidence lives beside the form's text values (they are all strings); toBody reads the latest
  const [evidence, setEvidence] = useState<PickedRecord[]>([]);
  const initial: Record<string, string> = { measuredOn: today(), periodKey: '', value: '', note: '' };
  for (const b of base) initial[`base.${b.key}`] = '';
  const form = useForm({
    initial,
    schema: recordResultBodySchema,
    toBody: (v) => {
      const baseValues = Object.fromEntries(
        base.filter((b) => v[`base.${b.key}`]).map((b) => [b.key, Number(v[`base.${b.key}`])]),
      );
      return {
        measuredOn: v.measuredOn,
        ...(v.periodKey ? { periodKey: v.periodKey } : {}),
        ...(derived ? { base: baseValues } : v.value ? { value: Number(v.value) } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
        evidenceIds: evidence.map((r) => r.id),
      };
    },
    serverErrors: (error) => {
      const out: Record<string, string> = {};
      for (const fe of isApiError(error) ? error.errors : []) {
        const name = fe.field.replace(/^body\./, '').replace(/^evidenceIds.*/, 'evidence');
        out[name] ??= fe.message;
      }
      return out;
    },
    submit: (body) => recordResult.mutateAsync(body),
    onSuccess: (r) => {
      setEvidence([]);
      setSaved(t('measurement.results.saved', { period: r.periodKey }));
    },
    resetOnSuccess: true,
  });
  return (
    <Form form={form} className="form" aria-label={t('measurement.results.add')}>
      <h3>{t('measurement.results.add')}</h3>
      <p className="muted small">{t('measurement.results.addLead')}</p>
      <div className="form__grid">
        <DateField label={t('measurement.results.measuredOn')} required max={today()} {...form.field('measuredOn')} />
        <TextField
          label={t('measurement.results.periodKey')}
          help={t('measurement.results.periodKeyHelp')}
          {...form.field('periodKey')}
        />
        {derived ? (
          base.map((b) => (
            <TextField
              key={b.key}
              label={b.unit ? `${b.name} [${b.unit}]` : b.name}
              inputMode="decimal"
              {...form.field(`base.${b.key}`)}
            />
          ))
        ) : (
          <TextField
            label={measure.unit ? `${t('measurement.trend.value')} (${measure.unit})` : t('measurement.trend.value')}
            inputMode="decimal"
            required
            {...form.field('value')}
          />
        )}
        <RecordMultiPicker
          org={org}
          entity="evidence"
          label={t('measurement.results.evidence')}
          error={form.errors.evidence}
          max={MAX_EVIDENCE_PER_RESULT}
          value={evidence}
          onChange={setEvidence}
        />
        <TextArea
          label={t('measurement.results.note')}
          help={t('measurement.results.noteHelp')}
          rows={2}
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
          {form.submitting ? t('form.saving') : t('measurement.results.save')}
        </Button>
      </div>
    </Form>
  );
}
