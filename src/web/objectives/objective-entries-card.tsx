import { useId, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  objectiveProgressBodySchema,
  objectiveProgressSchema,
  type ObjectiveProgress,
} from '../../schema/objectives/objective-progress.schema.js';
import { useT } from '../i18n/i18n.js';
import { api } from '../lib/api-client.js';
import { useMemberNames } from '../lib/members.js';
import { LiveMessage } from '../components/status.js';
import type { PickedRecord } from '../register/record-combobox.js';
import { RecordMultiPicker } from '../register/record-multi-picker.js';
import { Button } from '../ui/button.js';
import { DataTable } from '../ui/data-table.js';
import { DateField, TextArea, TextField } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { QueryState } from '../ui/query-state.js';
import { useForm } from '../ui/use-form.js';
import { objectivePath, useProgressEntries } from './objective-api.js';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The manual progress entries of an objective measured by hand (6.2 b): append-only, newest first; a wrong one is
 * corrected by a new entry whose note says so. Those who may record progress add one here.
 */
export function ObjectiveEntriesCard({ org, id, canRecord }: { org: string; id: string; canRecord: boolean }) {
  const { t, formatNumber, formatDate, formatDateTime } = useT();
  const uid = useId();
  const names = useMemberNames(org);
  const entries = useProgressEntries(org, id);
  const [done, setDone] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`} className="card__title">
        {t('objectives.entries.title')}
      </h2>
      <p className="small muted">{t('objectives.entries.lead')}</p>
      <LiveMessage>{done}</LiveMessage>
      <QueryState query={entries} empty={t('objectives.entries.empty')}>
        {(data) => (
          <DataTable<ObjectiveProgress>
            caption={t('objectives.entries.title')}
            rows={data.items}
            rowKey={(e) => e.id}
            columns={[
              {
                id: 'date',
                header: t('objectives.entries.date'),
                rowHeader: true,
                cell: (e) => formatDate(e.entryDate),
              },
              {
                id: 'value',
                header: t('objectives.chart.value'),
                className: 'num',
                cell: (e) => formatNumber(e.value),
              },
              { id: 'note', header: t('objectives.entries.note'), cell: (e) => e.note ?? '' },
              {
                id: 'evidence',
                header: t('objectives.entries.evidence'),
                className: 'num',
                cell: (e) => (e.evidenceIds.length ? formatNumber(e.evidenceIds.length) : t('common.empty')),
              },
              {
                id: 'by',
                header: t('objectives.entries.recordedBy'),
                cell: (e) => `${names.get(e.recordedBy) ?? t('common.unknownMember')}, ${formatDateTime(e.recordedAt)}`,
              },
            ]}
          />
        )}
      </QueryState>
      {canRecord ? (
        <AddEntry org={org} id={id} onAdded={(value) => setDone(t('objectives.entries.added', { value }))} />
      ) : null}
    </section>
  );
}

function AddEntry({ org, id, onAdded }: { org: string; id: string; onAdded: (value: string) => void }) {
  const { t, formatNumber } = useT();
  const queryClient = useQueryClient();
  const initial: { entryDate: string; value: string; note: string; evidence: PickedRecord[] } = {
    entryDate: today(),
    value: '',
    note: '',
    evidence: [],
  };
  const form = useForm({
    initial,
    toBody: (v) => ({
      entryDate: v.entryDate,
      value: v.value.trim() === '' ? Number.NaN : Number(v.value),
      ...(v.note.trim() ? { note: v.note.trim() } : {}),
      evidenceIds: v.evidence.map((r) => r.id),
    }),
    schema: objectiveProgressBodySchema,
    clientErrors: (error) =>
      Object.fromEntries(
        error.issues.map((i) => [i.path[0] === 'evidenceIds' ? 'evidence' : String(i.path[0] ?? '_form'), i.message]),
      ),
    submit: (body) => api.post(objectivePath(org, id, '/progress'), body, objectiveProgressSchema),
    onSuccess: async (entry) => {
      // the objective's latest value and status change with the entry
      await queryClient.invalidateQueries({ queryKey: ['org', org, 'objectives'] });
      onAdded(formatNumber(entry.value));
    },
    resetOnSuccess: true,
  });
  return (
    <Form form={form} className="form obj-entry-form" aria-label={t('objectives.entries.add')}>
      <h3>{t('objectives.entries.add')}</h3>
      <div className="form__grid">
        <DateField label={t('objectives.entries.date')} required {...form.field('entryDate')} />
        <TextField label={t('objectives.chart.value')} required inputMode="decimal" {...form.field('value')} />
        <TextArea
          label={t('objectives.entries.note')}
          help={t('objectives.entries.noteHelp')}
          {...form.field('note')}
        />
        <RecordMultiPicker
          org={org}
          entity="evidence"
          label={t('objectives.entries.evidence')}
          error={form.errors.evidence}
          max={50}
          value={form.values.evidence}
          onChange={(evidence) => form.update((v) => ({ ...v, evidence }), ['evidence'])}
        />
      </div>
      <FormFailureMessage form={form} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={form.submitting}>
          {t('objectives.entries.submit')}
        </Button>
      </div>
    </Form>
  );
}
