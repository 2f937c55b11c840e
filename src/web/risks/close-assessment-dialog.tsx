import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useT } from '../i18n/i18n.js';
import { api, orgPath } from '../lib/api-client.js';
import type { RegisterRecord } from '../lib/api-types.js';
import { FormField } from '../components/form-field.js';
import { ErrorMessage } from '../components/status.js';
import { useCloseAssessment } from './risks-api.js';

const riskPage = paginated(riskRegister.recordSchema);
import { riskRegister } from '../../schema/risks/risk.register.js';
import { paginated } from '../../schema/common/primitives.js';

interface Props {
  org: string;
  assessment: RegisterRecord;
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
  const ref = useRef<HTMLDialogElement>(null);
  const [note, setNote] = useState('');
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

  const resetClose = close.reset; // stable across renders (TanStack Query)
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      // Opening starts afresh: no note, no error of an earlier attempt.
      setNote('');
      resetClose();
      d.showModal();
    }
    if (!open && d.open) d.close();
  }, [open, resetClose]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const done = await close.mutateAsync(note.trim()).catch(() => null);
    if (done) onClosed(done.riskCount);
  };

  return (
    <dialog
      ref={ref}
      className="dialog dialog--wide"
      aria-labelledby="close-title"
      aria-describedby="close-explain"
      onClose={onClose}
    >
      {open ? (
        <form className="form" onSubmit={submit} noValidate>
          <h2 id="close-title">{t('risk-assessments.close.title', { ref: assessment.ref })}</h2>
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
          <FormField label={t('risk-assessments.close.note')} help={t('risk-assessments.close.noteHelp')}>
            <textarea value={note} maxLength={2000} rows={3} onChange={(e) => setNote(e.target.value)} />
          </FormField>
          {close.isError ? <ErrorMessage error={close.error} /> : null}
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={close.isPending}>
              {close.isPending ? t('form.saving') : t('risk-assessments.close.confirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
