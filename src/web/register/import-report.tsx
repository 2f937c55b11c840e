import type { RegisterDef } from '../../schema/register/define-register.js';
import { useT } from '../i18n/i18n.js';
import type { ImportReport } from './register-import.js';
import { DataTable } from '../ui/data-table.js';

/** The dry run's answer: counts, ignored columns, and every problem with its line and field. */
export function ImportReportView({ register, report }: { register: RegisterDef; report: ImportReport }) {
  const { t, td, formatNumber } = useT();
  const fieldLabel = (field: string) => (register.fields[field] ? td(register.fields[field].label) : field);
  const errors = report.errors;
  return (
    <section className="import-report" aria-labelledby="import-report-title">
      <h3 id="import-report-title">{t('import.report')}</h3>
      <dl className="import-report__counts">
        <div>
          <dt>{t('import.rows')}</dt>
          <dd>{formatNumber(report.rows)}</dd>
        </div>
        <div>
          <dt>{t('import.toCreate')}</dt>
          <dd>{formatNumber(report.created)}</dd>
        </div>
        <div>
          <dt>{t('import.toUpdate')}</dt>
          <dd>{formatNumber(report.updated)}</dd>
        </div>
        <div>
          <dt>{t('import.unchanged')}</dt>
          <dd>{formatNumber(report.unchanged)}</dd>
        </div>
      </dl>
      {report.ignoredColumns.length > 0 ? (
        <p className="muted">{t('import.ignored', { columns: report.ignoredColumns.join(', ') })}</p>
      ) : null}
      {errors.length === 0 ? (
        <p className="alert alert--success">
          {report.created + report.updated > 0 ? t('import.ready') : t('import.nothing')}
        </p>
      ) : (
        <>
          <p className="alert alert--error" role="alert">
            {t('import.errorsTitle', { count: formatNumber(errors.length) })}
          </p>
          <DataTable
            wrapClassName="import-report__errors"
            caption={t('import.errorsCaption')}
            rows={errors}
            rowKey={(_e, i) => String(i)}
            columns={[
              { id: 'line', header: t('import.line'), className: 'mono', cell: (e) => e.line || t('common.empty') },
              {
                id: 'field',
                header: t('import.field'),
                cell: (e) => (e.field ? fieldLabel(e.field) : t('common.empty')),
              },
              { id: 'message', header: t('import.message'), cell: (e) => e.message },
            ]}
          />
        </>
      )}
    </section>
  );
}
