import { useT } from '../../i18n/i18n.js';
import { issueMessage } from '../../lib/form-errors.js';
import { useMembers } from '../../lib/members.js';
import { Button } from '../../ui/button.js';
import { Dialog } from '../../ui/dialog.js';
import { DateField, Select, TextArea, TextField } from '../../ui/fields.js';
import { Form, FormFailureMessage } from '../../ui/form.js';
import { useForm } from '../../ui/use-form.js';
import { raiseImprovementBodySchema, raiseNcBodySchema, useRaise, type FindingItem } from './raise-api.js';

interface Props {
  org: string;
  auditId: string;
  item: FindingItem;
  onClose: () => void;
  onRaised: (raised: { kind: string; id: string; ref: string }) => void;
}

const BLANK = { title: '', ownerId: '', correction: '', correctiveAction: '', dueOn: '', verification: '' };

/**
 * Raises a finding in one step: an NC as a nonconformity with the follow-up plan agreed with the lead auditor
 * (owner, correction, corrective action, due date, how it will be verified: 27003 9.2 i–l), an observation or OFI
 * as an improvement.
 */
export function RaiseDialog({ org, auditId, item, onClose, onRaised }: Props) {
  const i18n = useT();
  const { t } = i18n;
  const nc = item.conclusion === 'major_nc' || item.conclusion === 'minor_nc';
  const members = useMembers(org).data?.items ?? [];
  const raise = useRaise(org, auditId);
  const form = useForm({
    initial: BLANK,
    schema: nc ? raiseNcBodySchema : raiseImprovementBodySchema,
    versioned: true,
    toBody: (v) => {
      const title = v.title.trim() ? { title: v.title.trim() } : {};
      if (!nc) return { expectedVersion: item.version, ...title };
      return {
        expectedVersion: item.version,
        ownerId: v.ownerId,
        ...title,
        followUp: {
          correction: v.correction.trim(),
          correctiveAction: v.correctiveAction.trim(),
          dueOn: v.dueOn,
          verification: v.verification.trim(),
        },
      };
    },
    // the follow-up's fields are named `followUp.x` by the schema and the server; the form names them `x`
    clientErrors: (error) =>
      Object.fromEntries(
        error.issues
          .map((i) => [String(i.path[i.path.length - 1] ?? '_form'), issueMessage(i18n, i)] as const)
          .reverse(),
      ),
    submit: (body) => raise.mutateAsync({ itemId: item.id, body }),
    onSuccess: (r) => onRaised(r),
  });
  const title = nc ? t('audits.raise.ncTitle') : t('audits.raise.improvementTitle');
  return (
    <Dialog open onClose={onClose} title={title} titleId="raise-title" wide>
      <Form form={form} aria-labelledby="raise-title" className="form">
        <p>{t('audits.raise.finding', { title: item.title })}</p>
        <TextField
          label={t('audits.raise.recordTitle')}
          help={t('audits.raise.recordTitleHelp')}
          {...form.field('title')}
        />
        {nc ? (
          <>
            <Select label={t('audits.raise.owner')} required {...form.field('ownerId')}>
              <option value="">{t('common.choose')}</option>
              {members.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name}
                </option>
              ))}
            </Select>
            <TextArea label={t('audits.raise.correction')} required rows={2} {...form.field('correction')} />
            <TextArea
              label={t('audits.raise.correctiveAction')}
              required
              rows={2}
              {...form.field('correctiveAction')}
            />
            <DateField label={t('audits.raise.dueOn')} required {...form.field('dueOn')} />
            <TextArea label={t('audits.raise.verification')} required rows={2} {...form.field('verification')} />
            <p className="muted">{t('audits.raise.agreed')}</p>
          </>
        ) : null}
        <FormFailureMessage form={form} />
        <div className="form__actions">
          <Button type="submit" variant="primary" busy={form.submitting}>
            {nc ? t('audits.findings.raiseNc') : t('audits.findings.raiseImprovement')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </div>
      </Form>
    </Dialog>
  );
}
