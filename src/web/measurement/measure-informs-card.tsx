import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { linkCreateSchema, linkSchema } from '../../schema/orgs/org.schema.js';
import {
  MEASURE_INFORMS,
  MEASURE_INFORMS_TARGETS,
  type MeasureRecord,
} from '../../schema/measurement/measure.register.js';
import { LiveMessage } from '../components/status.js';
import { useT } from '../i18n/i18n.js';
import { api, orgPath } from '../lib/api-client.js';
import { useCan } from '../lib/session.js';
import { RecordOptions } from '../register/record-select.js';
import { targetRegister } from '../register/record-targets.js';
import { Button } from '../ui/button.js';
import { Select } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { useForm } from '../ui/use-form.js';

/**
 * What the measure informs (9.1 with 6.2): an objective, a control, a process or a risk, linked `informs` from the
 * measure; the links card lists them with the rest, both ways. Only registers the UI can list are offered.
 */
export function MeasureInformsCard({ org, measure }: { org: string; measure: MeasureRecord }) {
  const { t, td } = useT();
  const can = useCan(org);
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const types = MEASURE_INFORMS_TARGETS.filter((type) => targetRegister(type));
  const link = useMutation({
    mutationFn: (body: unknown) => api.post(orgPath(org, '/links'), body, linkSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org', org, 'links'] }),
  });
  const form = useForm({
    initial: { toType: types[0] ?? '', toId: '' },
    schema: linkCreateSchema,
    toBody: (v) => ({ fromType: 'measure', fromId: measure.id, toType: v.toType, toId: v.toId, kind: MEASURE_INFORMS }),
    check: (v): Record<string, string> => (v.toId ? {} : { toId: t('validation.required') }),
    submit: (body) => link.mutateAsync(body),
    onSuccess: (l) => setDone(t('measurement.informs.done', { ref: l.toRef ?? '' })),
    resetOnSuccess: true,
  });
  if (!can('links.create') || measure.archivedAt || types.length === 0) return null;
  return (
    <section className="card" aria-labelledby="measure-informs">
      <h2 id="measure-informs" className="card__title">
        {t('measurement.informs.title')}
      </h2>
      <p className="muted small">{t('measurement.informs.lead')}</p>
      <LiveMessage>{done}</LiveMessage>
      <Form form={form} className="form" aria-label={t('measurement.informs.title')}>
        <div className="form__grid">
          <Select
            label={t('measurement.informs.type')}
            {...form.field('toType')}
            onChange={(e) => form.update((v) => ({ ...v, toType: e.target.value, toId: '' }), ['toType', 'toId'])}
          >
            {types.map((type) => (
              <option key={type} value={type}>
                {td(`entity.${type}`)}
              </option>
            ))}
          </Select>
          <Select label={t('measurement.informs.record')} required {...form.field('toId')}>
            <option value="">{t('common.choose')}</option>
            <RecordOptions org={org} entity={form.values.toType} q="" value={form.values.toId} current={undefined} />
          </Select>
        </div>
        <FormFailureMessage form={form} />
        <div className="form__actions">
          <Button type="submit" variant="primary" busy={form.submitting}>
            {t('measurement.informs.save')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
