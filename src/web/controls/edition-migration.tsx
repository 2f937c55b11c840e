import { useId, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { editionMigrationSchema } from '../../schema/controls/treatment.schema.js';
import { useT } from '../i18n/i18n.js';
import { api, orgPath } from '../lib/api-client.js';
import { ErrorMessage } from '../components/status.js';
import { Button } from '../ui/button.js';
import { DataTable } from '../ui/data-table.js';

/**
 * For an organization still on the 2013 edition: what moving its SoA to 2022 would do (a dry run the server
 * computes from the correspondence), then the move itself, in one step the ISMS manager confirms.
 */
export function EditionMigrationPanel({ org, canMigrate }: { org: string; canMigrate: boolean }) {
  const { t, td } = useT();
  const headingId = useId();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const run = useMutation({
    mutationFn: (apply: boolean) =>
      api.post(orgPath(org, '/control-settings/migrate-to-2022'), { apply }, editionMigrationSchema),
    onSuccess: async (result) => {
      if (result.applied) await queryClient.invalidateQueries({ queryKey: ['org', org] });
    },
  });
  const preview = run.data && !run.data.applied ? run.data : null;

  return (
    <section className="card edition-migration" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('controls.migration.title')}</h2>
      <p>{t('controls.migration.intro')}</p>
      {!canMigrate ? (
        <p className="muted">{t('controls.migration.readOnly')}</p>
      ) : !open ? (
        <Button
          onClick={() => {
            setOpen(true);
            run.mutate(false);
          }}
        >
          {t('controls.migration.preview')}
        </Button>
      ) : run.isPending ? (
        <p role="status">{t('controls.migration.working')}</p>
      ) : run.isError ? (
        <ErrorMessage error={run.error} onRetry={() => run.mutate(false)} />
      ) : preview ? (
        <>
          <p role="status">
            {t('controls.migration.summary', { carried: preview.carried.length, decide: preview.needsDecision.length })}
          </p>
          <DataTable
            className="edition-migration__table"
            caption={t('controls.migration.needsDecision')}
            captionShown
            rows={preview.needsDecision}
            rowKey={(n) => n.ref}
            columns={[
              {
                id: 'control',
                header: t('controls.migration.col.control'),
                rowHeader: true,
                cell: (n) => `${n.ref} ${n.title}`,
              },
              {
                id: 'why',
                header: t('controls.migration.col.why'),
                cell: (n) => td(`controls.migration.why.${n.why}`),
              },
              {
                id: 'from',
                header: t('controls.migration.col.from'),
                cell: (n) =>
                  n.from.length
                    ? n.from.map((f) => `${f.ref} (${td(`controls.applicability.${f.applicability}`)})`).join(', ')
                    : '—',
              },
            ]}
          />
          <details>
            <summary>{t('controls.migration.carried', { count: preview.carried.length })}</summary>
            <ul className="edition-migration__carried">
              {preview.carried.map((c) => (
                <li key={c.ref}>
                  {c.from} → {c.ref} {c.title}: {td(`controls.applicability.${c.applicability}`)}
                </li>
              ))}
            </ul>
          </details>
          <div className="form-actions">
            <Button variant="primary" onClick={() => run.mutate(true)}>
              {t('controls.migration.apply')}
            </Button>
            <Button
              onClick={() => {
                setOpen(false);
                run.reset();
              }}
            >
              {t('common.cancel')}
            </Button>
          </div>
        </>
      ) : run.data?.applied ? (
        <p role="status">{t('controls.migration.done', { decide: run.data.needsDecision.length })}</p>
      ) : null}
    </section>
  );
}
