import { useState } from 'react';
import type { ClimateDecision } from '../../schema/context/climate-decision.schema.js';
import { climateDecisionPutSchema } from '../../schema/context/climate-decision.schema.js';
import { useT } from '../i18n/i18n.js';
import { useMemberNames, useMembers } from '../lib/members.js';
import { useCan } from '../lib/session.js';
import { DateField, Select, TextArea } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { useForm } from '../ui/use-form.js';
import { LiveMessage } from '../components/status.js';
import {
  useClimateDecision,
  useClimateHistory,
  useClimateIssueCount,
  useSaveClimateDecision,
} from './climate-decision-api.js';
import './context.css';
import { Button } from '../ui/button.js';
import { QueryState } from '../ui/query-state.js';

/**
 * The climate-change decision (27001:2022/Amd 1:2024): relevant, not relevant or not yet decided, with the
 * reasoning, who decided and when, and every earlier decision.
 */
export function ClimateDecisionCard({ org }: { org: string }) {
  const { t, formatDate, formatDateTime } = useT();
  const can = useCan(org);
  const decision = useClimateDecision(org);
  const issueCount = useClimateIssueCount(org);
  const names = useMemberNames(org);
  const [editing, setEditing] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const [saved, setSaved] = useState(false);
  const d = decision.data;

  return (
    <section className={`card climate climate--${d?.status ?? 'loading'}`} aria-labelledby="climate-title">
      <div className="climate__head">
        <div>
          <h2 id="climate-title" className="card__title">
            {t('climate.title')}:{' '}
            <span className={`climate__status climate__status--${d?.status ?? 'undecided'}`}>
              {d ? t(`climate.status.${d.status}`) : '…'}
            </span>
          </h2>
          <p className="muted climate__lead">{t('climate.lead')}</p>
        </div>
        {can('climate_decision.update') && d && !editing ? (
          <Button
            variant={d.status === 'undecided' ? 'primary' : 'secondary'}
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {d.status === 'undecided' ? t('climate.decide') : t('climate.change')}
          </Button>
        ) : null}
      </div>
      <LiveMessage>{saved ? t('climate.saved') : null}</LiveMessage>
      <QueryState query={decision}>
        {(data) =>
          editing ? (
            <ClimateForm
              org={org}
              decision={data}
              onDone={(ok) => {
                setEditing(false);
                setSaved(ok);
              }}
            />
          ) : data.status === 'undecided' ? (
            <p className="alert alert--warning">
              {t('climate.undecidedHint')} {can('climate_decision.update') ? null : t('climate.readOnly')}
            </p>
          ) : (
            <>
              <dl className="climate__facts">
                <dt>{t('climate.reasoning')}</dt>
                <dd className="prewrap">{data.reasoning}</dd>
                <dt>{t('climate.decidedBy')}</dt>
                <dd>{names.get(data.decidedBy ?? '') ?? t('common.unknownMember')}</dd>
                <dt>{t('climate.decidedOn')}</dt>
                <dd>{data.decidedOn ? formatDate(data.decidedOn) : ''}</dd>
              </dl>
              <p className="muted small">
                {t('climate.recordedBy', {
                  who: names.get(data.updatedBy ?? '') ?? t('common.system'),
                  when: data.updatedAt ? formatDateTime(data.updatedAt) : '',
                })}
              </p>
              {data.status === 'relevant' && issueCount.data === 0 ? (
                <p className="alert alert--warning">{t('climate.relevantNoIssue')}</p>
              ) : null}
              {data.status === 'relevant' && issueCount.data ? (
                <p className="muted">{t('climate.relevantIssues', { count: issueCount.data })}</p>
              ) : null}
              <Button variant="link" aria-expanded={showHistory} onClick={() => setShowHistory((v) => !v)}>
                {t('climate.historyCount', { count: data.version })}
              </Button>
              {showHistory ? <ClimateHistory org={org} /> : null}
            </>
          )
        }
      </QueryState>
    </section>
  );
}

function ClimateHistory({ org }: { org: string }) {
  const { t, formatDate, formatDateTime } = useT();
  const history = useClimateHistory(org, true);
  const names = useMemberNames(org);
  if (history.isPending || history.isError) return <QueryState query={history}>{() => null}</QueryState>;
  if (!history.data.items.length) return <p className="muted">{t('climate.historyEmpty')}</p>;
  return (
    <ol className="climate__history" aria-label={t('climate.history')}>
      {history.data.items.map((h) => (
        <li key={h.id}>
          <p>
            <strong>{t(h.relevant ? 'climate.status.relevant' : 'climate.status.not_relevant')}</strong>
            {' · '}
            {t('climate.decidedBy')}: {names.get(h.decidedBy) ?? t('common.unknownMember')}, {formatDate(h.decidedOn)}
          </p>
          <p className="prewrap">{h.reasoning}</p>
          <p className="muted small">
            {t('climate.recordedBy', { who: h.actorLabel, when: formatDateTime(h.createdAt) })}
          </p>
        </li>
      ))}
    </ol>
  );
}

function ClimateForm({
  org,
  decision,
  onDone,
}: {
  org: string;
  decision: ClimateDecision;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useT();
  const members = useMembers(org).data?.items ?? [];
  const save = useSaveClimateDecision(org);
  // It sends the version it read (expectedVersion): a bare 409 means someone decided meanwhile.
  const form = useForm({
    initial: {
      relevant: decision.relevant === null ? '' : String(decision.relevant),
      reasoning: decision.reasoning ?? '',
      decidedBy: decision.decidedBy ?? '',
      decidedOn: decision.decidedOn ?? new Date().toISOString().slice(0, 10),
    },
    toBody: (v) => ({
      relevant: v.relevant === '' ? undefined : v.relevant === 'true',
      reasoning: v.reasoning,
      decidedBy: v.decidedBy,
      decidedOn: v.decidedOn,
      expectedVersion: decision.version,
    }),
    schema: climateDecisionPutSchema,
    versioned: true,
    submit: (body) => save.mutateAsync(climateDecisionPutSchema.parse(body)),
    onSuccess: () => onDone(true),
  });
  const { errors } = form;

  return (
    <Form form={form} className="form climate__form">
      <fieldset aria-invalid={errors.relevant ? true : undefined}>
        <legend>{t('climate.question')}</legend>
        {(['true', 'false'] as const).map((v) => (
          <label key={v} className="radio">
            <input
              type="radio"
              name="relevant"
              value={v}
              checked={form.values.relevant === v}
              onChange={() => form.set('relevant', v)}
            />{' '}
            {t(v === 'true' ? 'climate.answer.relevant' : 'climate.answer.not_relevant')}
          </label>
        ))}
        {errors.relevant ? <p className="field__error">{errors.relevant}</p> : null}
      </fieldset>
      <TextArea
        label={t('climate.reasoning')}
        help={t('climate.reasoningHelp')}
        required
        fieldClassName="field--wide"
        rows={4}
        maxLength={8000}
        {...form.field('reasoning')}
      />
      <div className="form__grid">
        <Select label={t('climate.decidedBy')} help={t('climate.decidedByHelp')} required {...form.field('decidedBy')}>
          <option value="">{t('common.choose')}</option>
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name ? `${m.name} (${m.email})` : m.email}
            </option>
          ))}
        </Select>
        <DateField label={t('climate.decidedOn')} required {...form.field('decidedOn')} />
      </div>
      <FormFailureMessage form={form} />
      <div className="form__actions">
        <Button type="submit" variant="primary" disabled={form.submitting}>
          {form.submitting ? t('form.saving') : t('climate.save')}
        </Button>
        <Button onClick={() => onDone(false)}>{t('common.cancel')}</Button>
      </div>
    </Form>
  );
}
