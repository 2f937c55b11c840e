import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { RegisterDef } from '../../schema/register/define-register.js';
import { useT } from '../i18n/i18n.js';
import { isApiError } from '../lib/api-client.js';
import { Dialog } from '../ui/dialog.js';
import { TextField } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import type { FieldErrors } from '../ui/form-state.js';
import { useForm } from '../ui/use-form.js';
import { ErrorMessage } from '../components/status.js';
import { ImportReportView } from './import-report.js';
import {
  IMPORT_MAX_BYTES,
  importContentType,
  importErrorsFromFields,
  runImport,
  type ImportReport,
} from './register-import.js';
import { Button } from '../ui/button.js';

interface Props {
  org: string;
  register: RegisterDef;
  open: boolean;
  onClose: () => void;
}

type Phase = 'idle' | 'checked' | 'importing' | 'done';

/**
 * Import a CSV/XLSX file into a register: a dry run first (nothing written) with the report, then the real run,
 * offered only when the dry run found no error. The server re-checks everything and writes all or nothing.
 */
export function ImportDialog({ org, register, open, onClose }: Props) {
  const { t, td } = useT();
  // The dialog's content exists only while it is open: each opening starts with no file and no report.
  return (
    <Dialog open={open} onClose={onClose} wide title={t('import.title', { register: td(register.title) })}>
      <ImportForm org={org} register={register} onClose={onClose} />
    </Dialog>
  );
}

function ImportForm({ org, register, onClose }: Omit<Props, 'open'>) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const [phase, setPhase] = useState<Phase>('idle');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const fileProblem = (f: File) =>
    !importContentType(f.name) ? t('import.wrongType') : f.size > IMPORT_MAX_BYTES ? t('import.tooLarge') : undefined;
  // Submitting is the dry run; the real import is the second button, offered once the dry run found no error.
  const form = useForm<{ file: File | null }, File | null, ImportReport>({
    initial: { file: null },
    toBody: (v) => v.file,
    check: (v): FieldErrors => {
      const problem = v.file ? fileProblem(v.file) : t('import.noFile');
      return problem ? { file: problem } : {};
    },
    submit: (file) => (file ? runImport(org, register, file, true) : Promise.reject(new Error(t('import.noFile')))),
    onSuccess: (checked) => {
      setReport(checked);
      setPhase('checked');
    },
  });
  const file = form.values.file;
  const fileError = form.errors.file;

  const choose = (f: File | null) => {
    form.reset({ file: f });
    setReport(null);
    setFailure(null);
    setPhase('idle');
    // A wrong type or size is said at once, before any dry run.
    const problem = f ? fileProblem(f) : undefined;
    if (problem) form.setErrors({ file: problem });
  };

  const apply = async () => {
    if (!file) return;
    setPhase('importing');
    setFailure(null);
    try {
      setReport(await runImport(org, register, file, false));
      setPhase('done');
      await queryClient.invalidateQueries({ queryKey: ['org', org, register.collection] });
    } catch (err) {
      // The file changed between check and import, or the data did: show the server's per-line errors.
      if (isApiError(err) && err.status === 400 && err.errors.length && report) {
        setReport({ ...report, errors: importErrorsFromFields(err.errors) });
        setPhase('checked');
      } else {
        // 409: someone changed a record while the import was writing; what it wrote is in the message, and shown.
        if (isApiError(err) && err.status === 409)
          await queryClient.invalidateQueries({ queryKey: ['org', org, register.collection] });
        setFailure(err);
        setPhase('checked');
      }
    }
  };

  const checking = form.submitting;
  const busy = checking || phase === 'importing';
  const canImport = phase === 'checked' && report !== null && report.errors.length === 0;
  return (
    <Form form={form} className="form" aria-busy={busy}>
      <p>{t('import.intro')}</p>
      <ul className="checklist">
        <li>{t('import.updateRule')}</li>
        <li>{t('import.roundTrip')}</li>
        <li>{t('import.allOrNothing')}</li>
      </ul>
      <TextField
        label={t('import.file')}
        help={t('import.fileHelp')}
        error={fileError}
        type="file"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        disabled={busy || phase === 'done'}
        onChange={(e) => choose(e.target.files?.[0] ?? null)}
      />
      <div className="import__status" role="status" aria-live="polite">
        {busy ? (
          <p className="loading">
            <span className="spinner" aria-hidden="true" />
            {checking ? t('import.checking') : t('import.importing')}
          </p>
        ) : phase === 'done' && report ? (
          <p className="alert alert--success">
            {t('import.done', { created: report.created, updated: report.updated, unchanged: report.unchanged })}
          </p>
        ) : null}
      </div>
      {report && phase !== 'done' ? <ImportReportView register={register} report={report} /> : null}
      <FormFailureMessage form={form} />
      {failure ? <ErrorMessage error={failure} /> : null}
      <div className="form__actions">
        {phase === 'done' ? (
          <Button variant="primary" onClick={onClose} autoFocus>
            {t('import.close')}
          </Button>
        ) : (
          <>
            <Button
              type="submit"
              variant={canImport ? 'secondary' : 'primary'}
              disabled={busy || !file || Boolean(fileError)}
            >
              {t('import.check')}
            </Button>
            <Button variant="primary" disabled={!canImport || busy} onClick={() => void apply()}>
              {t('import.submit')}
            </Button>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
          </>
        )}
      </div>
    </Form>
  );
}
