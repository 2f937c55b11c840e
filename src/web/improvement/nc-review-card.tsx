import { ncEffectivenessReviewBodySchema } from '../../schema/improvement/nonconformity-steps.schema.js';
import { nonconformityRegister, type NonconformityRecord } from '../../schema/improvement/nonconformity.register.js';
import { useT } from '../i18n/i18n.js';
import { useMemberNames, useMembers } from '../lib/members.js';
import { useSession } from '../lib/session.js';
import { DataTable } from '../ui/data-table.js';
import { DateField, Select, TextArea } from '../ui/fields.js';
import { QueryState } from '../ui/query-state.js';
import { useForm } from '../ui/use-form.js';
import { useNcReviews, useNcStep } from './nonconformity-api.js';
import { StepForm, useReloadNc } from './nc-form-parts.js';
import { StepCard, StepRecord, type StepState } from './step-card.js';

const f = nonconformityRegister.fields;
const today = () => new Date().toISOString().slice(0, 10);

/**
 * 10.2 d: whether the corrective actions worked, reviewed by someone who owns none of them (the server refuses an
 * owner: its message shows beside the reviewer). "Not effective" reopens the nonconformity; every review is kept
 * and listed here, oldest first.
 */
export function ReviewCard({
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
  const { t, formatDate } = useT();
  const reviews = useNcReviews(org, record.id);
  const names = useMemberNames(org);
  return (
    <StepCard
      id="nc-review"
      title={t('nc.step.review')}
      state={state}
      lead={t('nc.step.reviewLead')}
      waiting={!editable}
    >
      <QueryState query={reviews} empty={t('nc.review.none')} isEmpty={(d) => d.items.length === 0}>
        {(data) => (
          <DataTable
            caption={t('nc.review.history')}
            captionShown
            rows={data.items}
            rowKey={(r) => r.id}
            columns={[
              { id: 'reviewedOn', header: t('nc.review.on'), cell: (r) => formatDate(r.reviewedOn), rowHeader: true },
              {
                id: 'reviewedBy',
                header: t('nc.review.by'),
                cell: (r) => names.get(r.reviewedBy) ?? t('common.unknownMember'),
              },
              {
                id: 'effective',
                header: t('nc.review.effective'),
                cell: (r) => (
                  <span className={`pill pill--effective-${String(r.effective)}`}>
                    {r.effective ? `✓ ${t('nc.review.yes')}` : `✗ ${t('nc.review.no')}`}
                  </span>
                ),
              },
              { id: 'note', header: t('nc.review.note'), cell: (r) => r.note ?? '' },
            ]}
          />
        )}
      </QueryState>
      {state === 'current' && editable ? <ReviewForm key={record.version} org={org} record={record} /> : null}
    </StepCard>
  );
}

function ReviewForm({ org, record }: { org: string; record: NonconformityRecord }) {
  const { t } = useT();
  const me = useSession()?.user.id ?? '';
  const members = useMembers(org).data?.items ?? [];
  const step = useNcStep(org, record.id, 'effectiveness-review');
  const form = useForm({
    initial: { reviewedBy: me, reviewedOn: today(), effective: '', note: '' },
    schema: ncEffectivenessReviewBodySchema,
    toBody: (v) => ({
      expectedVersion: record.version,
      ...(v.reviewedBy ? { reviewedBy: v.reviewedBy } : {}),
      ...(v.reviewedOn ? { reviewedOn: v.reviewedOn } : {}),
      ...(v.effective ? { effective: v.effective === 'yes' } : {}),
      ...(v.note.trim() ? { note: v.note } : {}),
    }),
    check: (v): Record<string, string> => (v.effective ? {} : { effective: t('validation.required') }),
    submit: (body) => step.mutateAsync(body),
    versioned: true,
    reload: useReloadNc(org, record.id),
  });
  return (
    <StepForm form={form} title={t('nc.step.review')} submitLabel={t('nc.review.save')}>
      <Select label={t('nc.review.by')} help={t('nc.review.byHelp')} required {...form.field('reviewedBy')}>
        {members.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.name || m.email}
          </option>
        ))}
      </Select>
      <DateField label={t('nc.review.on')} max={today()} {...form.field('reviewedOn')} />
      <Select label={t('nc.review.effective')} required {...form.field('effective')}>
        <option value="">{t('common.choose')}</option>
        <option value="yes">{t('nc.review.yes')}</option>
        <option value="no">{t('nc.review.noReopens')}</option>
      </Select>
      <TextArea
        label={t('nc.review.note')}
        help={t('nc.review.noteHelp')}
        rows={3}
        fieldClassName="field--wide"
        {...form.field('note')}
      />
    </StepForm>
  );
}

/** Closure by the ISMS manager: after an effective review, or when no corrective action was needed. */
export function CloseCard({
  org,
  record,
  state,
  canClose,
}: {
  org: string;
  record: NonconformityRecord;
  state: StepState;
  canClose: boolean;
}) {
  const { t, td } = useT();
  return (
    <StepCard id="nc-close" title={t('nc.step.close')} state={state} lead={t('nc.step.closeLead')}>
      <StepRecord
        org={org}
        items={[
          [td(f.closedBy.label), record.closedBy, 'member'],
          [td(f.closedOn.label), record.closedOn, 'date'],
        ]}
      />
      {state === 'current' ? (
        canClose ? (
          <CloseForm key={record.version} org={org} record={record} />
        ) : (
          <p className="muted">{t('nc.close.managerOnly')}</p>
        )
      ) : null}
    </StepCard>
  );
}

function CloseForm({ org, record }: { org: string; record: NonconformityRecord }) {
  const { t } = useT();
  const step = useNcStep(org, record.id, 'close');
  const form = useForm({
    initial: {},
    toBody: () => ({ expectedVersion: record.version }),
    submit: (body) => step.mutateAsync(body),
    versioned: true,
    reload: useReloadNc(org, record.id),
  });
  return (
    <StepForm form={form} title={t('nc.step.close')} submitLabel={t('nc.close.save')}>
      <p className="field--wide">{t('nc.close.question', { ref: record.ref })}</p>
    </StepForm>
  );
}
