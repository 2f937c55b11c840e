import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { RegisterDef } from '../../schema/register/define-register.js';
import { useT } from '../i18n/i18n.js';
import { isApiError } from '../lib/api-client.js';
import { FormField } from '../ui/form-field.js';
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

type Phase = 'idle' | 'checking' | 'checked' | 'importing' | 'done';

/**
 * Import a CSV/XLSX file into a register: a dry run first (nothing written) with the report, then the real run,
 * offered only when the dry run found no error. The server re-checks everything and writes all or nothing.
 */
export function ImportDialog({ org, register, open, onClose }: Props) {
  const { t, td } = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [phase, setPhase] = useState<Phase>('idle');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      setFile(null);
      setFileError(undefined);
      setPhase('idle');
      setReport(null);
      setFailure(null);
      d.showModal();
    }
    if (!open && d.open) d.close();
  }, [open]);

  const choose = (f: File | null) => {
    setFile(f);
    setReport(null);
    setFailure(null);
    setPhase('idle');
    setFileError(
      !f
        ? undefined
        : !importContentType(f.name)
          ? t('import.wrongType')
          : f.size > IMPORT_MAX_BYTES
            ? t('import.tooLarge')
            : undefined,
    );
  };

  const check = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setFileError(t('import.noFile'));
    if (fileError) return;
    setPhase('checking');
    setFailure(null);
    try {
      setReport(await runImport(org, register, file, true));
      setPhase('checked');
    } catch (err) {
      setFailure(err);
      setPhase('idle');
    }
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

  const busy = phase === 'checking' || phase === 'importing';
  const canImport = phase === 'checked' && report !== null && report.errors.length === 0;
  return (
    <dialog ref={ref} className="dialog dialog--wide" aria-labelledby="import-title" onClose={onClose}>
      {open ? (
        <form className="form" onSubmit={check} noValidate aria-busy={busy}>
          <h2 id="import-title">{t('import.title', { register: td(register.title) })}</h2>
          <p>{t('import.intro')}</p>
          <ul className="checklist">
            <li>{t('import.updateRule')}</li>
            <li>{t('import.roundTrip')}</li>
            <li>{t('import.allOrNothing')}</li>
          </ul>
          <FormField label={t('import.file')} help={t('import.fileHelp')} error={fileError}>
            <input
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={busy || phase === 'done'}
              onChange={(e) => choose(e.target.files?.[0] ?? null)}
            />
          </FormField>
          <div className="import__status" role="status" aria-live="polite">
            {phase === 'checking' || phase === 'importing' ? (
              <p className="loading">
                <span className="spinner" aria-hidden="true" />
                {phase === 'checking' ? t('import.checking') : t('import.importing')}
              </p>
            ) : phase === 'done' && report ? (
              <p className="alert alert--success">
                {t('import.done', { created: report.created, updated: report.updated, unchanged: report.unchanged })}
              </p>
            ) : null}
          </div>
          {report && phase !== 'done' ? <ImportReportView register={register} report={report} /> : null}
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
        </form>
      ) : null}
    </dialog>
  );
}
