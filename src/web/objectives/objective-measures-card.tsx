import { useCallback, useId, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { measureRegister } from '../../schema/measurement/measure.register.js';
import {
  objectiveMeasureBodySchema,
  objectiveMeasureLinkSchema,
} from '../../schema/objectives/objective-progress.schema.js';
import { useT } from '../i18n/i18n.js';
import { api } from '../lib/api-client.js';
import { ErrorMessage, LiveMessage } from '../components/status.js';
import { optionText, RecordSearch, useRecordOptions } from '../register/record-select.js';
import { recordPath } from '../register/record-targets.js';
import { Button } from '../ui/button.js';
import { ConfirmButton } from '../ui/confirm-button.js';
import { Select } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { QueryState } from '../ui/query-state.js';
import { useForm } from '../ui/use-form.js';
import { objectivePath, useObjectiveMeasures } from './objective-api.js';

/**
 * The measures (9.1) an objective takes its value from (the first linked gives it). Linking one in another unit than
 * the target is allowed, and the warning the server gives is shown, so the difference is a choice, not a slip.
 */
export function ObjectiveMeasuresCard({ org, id, canLink }: { org: string; id: string; canLink: boolean }) {
  const { t } = useT();
  const uid = useId();
  const queryClient = useQueryClient();
  const measures = useObjectiveMeasures(org, id);
  const [message, setMessage] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['org', org, 'objectives'] });
  const unlink = useMutation({
    mutationFn: (measureId: string) => api.delete(objectivePath(org, id, `/measures/${encodeURIComponent(measureId)}`)),
    onSuccess: refresh,
  });
  return (
    <section className="card" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`} className="card__title">
        {t('objectives.measures.title')}
      </h2>
      <p className="small muted">{t('objectives.measures.lead')}</p>
      <LiveMessage>{message}</LiveMessage>
      {warning ? (
        <p className="alert alert--warning" role="status">
          ⚠ {warning}
        </p>
      ) : null}
      <QueryState query={measures} empty={t('objectives.measures.empty')}>
        {(data) => (
          <ul className="obj-measures">
            {data.items.map((m, i) => (
              <li key={m.measureId}>
                <MeasureName org={org} measure={m} />
                {i === 0 ? <span className="badge badge--muted">{t('objectives.measures.first')}</span> : null}
                {m.unitWarning ? <span className="obj-warning"> ⚠ {m.unitWarning}</span> : null}
                {canLink ? (
                  <ConfirmButton
                    label={t('objectives.measures.unlink')}
                    question={t('objectives.measures.unlinkQuestion', { ref: m.ref })}
                    confirmLabel={t('objectives.measures.unlink')}
                    busy={unlink.isPending}
                    onConfirm={async () => {
                      await unlink.mutateAsync(m.measureId);
                      setMessage(t('objectives.measures.unlinked', { ref: m.ref }));
                    }}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      {unlink.isError ? <ErrorMessage error={unlink.error} /> : null}
      {canLink ? (
        <LinkMeasure
          org={org}
          id={id}
          onLinked={async (ref, unitWarning) => {
            setWarning(unitWarning);
            setMessage(t('objectives.measures.linked', { ref }));
            await refresh();
          }}
        />
      ) : null}
    </section>
  );
}

/** The measure's reference and title, a link to its page once the web app knows the measure register. */
function MeasureName({ org, measure }: { org: string; measure: { measureId: string; ref: string; title: string } }) {
  const to = recordPath(org, measureRegister.entity, measure.measureId);
  const text = (
    <>
      <span className="ref">{measure.ref}</span> {measure.title}
    </>
  );
  return to ? <Link to={to as '/'}>{text}</Link> : <span>{text}</span>;
}

function LinkMeasure({
  org,
  id,
  onLinked,
}: {
  org: string;
  id: string;
  onLinked: (ref: string, unitWarning: string | null) => Promise<void>;
}) {
  const { t } = useT();
  const [q, setQ] = useState('');
  const onSearch = useCallback((text: string) => setQ(text), []);
  const options = useRecordOptions(org, measureRegister, q);
  const form = useForm({
    initial: { measureId: '' },
    toBody: (v) => ({ measureId: v.measureId }),
    schema: objectiveMeasureBodySchema,
    submit: (body) => api.post(objectivePath(org, id, '/measures'), body, objectiveMeasureLinkSchema),
    onSuccess: (link) => onLinked(link.ref, link.unitWarning),
    resetOnSuccess: true,
  });
  const label = t('objectives.measures.choose');
  return (
    <Form form={form} className="link-add" aria-label={t('objectives.measures.link')}>
      <Select
        label={label}
        fieldClassName="record-select"
        suffix={<RecordSearch label={label} onSearch={onSearch} />}
        {...form.field('measureId')}
      >
        <option value="">{t('common.choose')}</option>
        {(options.data?.items ?? []).map((r) => (
          <option key={r.id} value={r.id}>
            {optionText(measureRegister, r)}
            {r.unit ? ` (${String(r.unit)})` : ''}
          </option>
        ))}
      </Select>
      <Button type="submit" disabled={!form.values.measureId || form.submitting}>
        {t('objectives.measures.link')}
      </Button>
      <FormFailureMessage form={form} />
    </Form>
  );
}
