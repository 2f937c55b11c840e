import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { importResultsAnswerSchema } from '../../schema/measurement/measure-results.schema.js';
import { measureRegister } from '../../schema/measurement/measure.register.js';
import { ErrorMessage } from '../components/status.js';
import { useT } from '../i18n/i18n.js';
import { api, isApiError, orgPath } from '../lib/api-client.js';
import { useCan } from '../lib/session.js';
import { importContentType } from '../register/register-import.js';
import { Button } from '../ui/button.js';
import { TextField } from '../ui/fields.js';

/**
 * Results from a CSV or XLSX file (9.1 b): columns Measure, Measured on, Value, Period, Note, and a column per base
 * value. A check first (the server stores and rolls back), then the import, all or nothing; errors name the line.
 */
export function ResultsImportCard({ org }: { org: string }) {
  const { t } = useT();
  const can = useCan(org);
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean }) => {
      const type = file ? importContentType(file.name) : undefined;
      if (!file || !type) throw new Error(t('measurement.import.chooseFile'));
      return api.upload(orgPath(org, '/measure-results/import'), file, type, importResultsAnswerSchema, {
        query: { dryRun },
      });
    },
    onSuccess: (answer) => {
      if (!answer.dryRun) void queryClient.invalidateQueries({ queryKey: ['org', org, measureRegister.collection] });
    },
  });
  if (!can('measure_result.import')) return null;
  const answer = run.data;
  const errors = run.error && isApiError(run.error) ? run.error.errors : [];
  return (
    <section className="card" aria-labelledby="results-import">
      <h2 id="results-import" className="card__title">
        {t('measurement.import.title')}
      </h2>
      <p className="muted small">{t('measurement.import.lead')}</p>
      <TextField
        label={t('measurement.import.file')}
        type="file"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(e) => {
          setFile(e.target.files?.[0] ?? null);
          run.reset();
        }}
      />
      <p className="button-row">
        <Button disabled={!file} busy={run.isPending} onClick={() => run.mutate({ dryRun: true })}>
          {t('measurement.import.check')}
        </Button>
        <Button
          variant="primary"
          disabled={!answer?.dryRun}
          busy={run.isPending}
          onClick={() => run.mutate({ dryRun: false })}
        >
          {t('measurement.import.run')}
        </Button>
      </p>
      <div role="status" aria-live="polite">
        {answer ? (
          <p className={answer.dryRun ? '' : 'alert alert--success'}>
            {t(answer.dryRun ? 'measurement.import.checked' : 'measurement.import.done', {
              rows: answer.rows,
              stored: answer.stored,
              superseded: answer.superseded,
              unchanged: answer.unchanged,
            })}
          </p>
        ) : null}
      </div>
      {run.isError ? (
        errors.length > 0 ? (
          <div className="alert alert--error" role="alert">
            <p>{t('measurement.import.refused')}</p>
            <ul>
              {errors.slice(0, 50).map((e) => (
                <li key={`${e.field}-${e.message}`}>
                  <code>{e.field}</code>: {e.message}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <ErrorMessage error={run.error} />
        )
      ) : null}
    </section>
  );
}
