import { useQuery } from '@tanstack/react-query';
import { useT } from '../i18n/i18n.js';
import { api, orgPath } from '../lib/api-client.js';
import type { RiskAssessmentRecord } from '../../schema/risks/risk-assessment.register.js';
import { useCloseAssessment } from './risks-api.js';
import { Button } from '../ui/button.js';
import { Dialog } from '../ui/dialog.js';
import { TextArea } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { useForm } from '../ui/use-form.js';

const riskPage = paginated(riskRegister.recordSchema);
import { riskRegister } from '../../schema/risks/risk.register.js';
import { paginated } from '../../schema/common/primitives.js';

interface Props {
  org: string;
  assessment: RiskAssessmentRecord;
  open: boolean;
  onClose: () => void;
  onClosed: (riskCount: number) => void;
}

/**
 * Closing an assessment freezes it: every current risk's analysis and evaluation is copied into a snapshot that
 * can never change, for later cycles to be compared with. The dialog says so, with how many risks will be frozen.
 */
export function CloseAssessmentDialog({ org, assessment, open, onClose, onClosed }: Props) {
  const { t, formatNumber } = useT();
  const close = useCloseAssessment(org, assessment.id);
  const counts = useQuery({
    queryKey: ['org', org, 'risks', 'list', 'close-counts'],
    enabled: open,
    queryFn: async () => {
      const [all, unevaluated] = await Promise.all([
        api.get(orgPath(org, '/risks'), riskPage, { query: { pageSize: 1 } }),
        api.get(orgPath(org, '/risks'), riskPage, { query: { pageSize: 1, evaluated: 'false' } }),
      ]);
      return { all: all.total, unevaluated: unevaluated.total };
    },
  });

  return (
    <Dialog
      open={open}
      onClose={onClose}
      wide
      title={t('risk-assessments.close.title', { ref: assessment.ref })}
      titleId="close-title"
      describedBy="close-explain"
    >
      <div id="close-explain">
        <p>{t('risk-assessments.close.explain')}</p>
        <ul className="checklist">
          <li>
            {counts.data
              ? t('risk-assessments.close.count', { count: formatNumber(counts.data.all) })
              : t('common.loading')}
          </li>
          {counts.data?.unevaluated ? (
            <li className="close-warning">
              {t('risk-assessments.close.unevaluated', { count: formatNumber(counts.data.unevaluated) })}
            </li>
          ) : null}
          <li>{t('risk-assessments.close.frozen')}</li>
          <li>{t('risk-assessments.close.compare')}</li>
        </ul>
      </div>
      <CloseForm close={close} onClose={onClose} onClosed={onClosed} />
    </Dialog>
  );
}

/** Mounted while the dialog is open: each opening starts afresh, with no note and no error of an earlier attempt. */
function CloseForm({
  close,
  onClose,
  onClosed,
}: {
  close: ReturnType<typeof useCloseAssessment>;
  onClose: () => void;
  onClosed: (riskCount: number) => void;
}) {
  const { t } = useT();
  const form = useForm({
    initial: { note: '' },
    toBody: (v) => v.note.trim(),
    submit: (note) => close.mutateAsync(note),
    onSuccess: (done) => onClosed(done.riskCount),
  });
  return (
    <Form form={form} className="form">
      <TextArea
        label={t('risk-assessments.close.note')}
        help={t('risk-assessments.close.noteHelp')}
        maxLength={2000}
        rows={3}
        {...form.field('note')}
      />
      <FormFailureMessage form={form} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={form.submitting}>
          {form.submitting ? t('form.saving') : t('risk-assessments.close.confirm')}
        </Button>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
      </div>
    </Form>
  );
}
