import type { RegisterRecord } from '../lib/api-types.js';
import { useT } from '../i18n/i18n.js';
import { optionLabel } from '../register/field-value.js';
import { ismsRiskRegister } from '../../schema/risks/isms-risk.register.js';

const today = () => new Date().toISOString().slice(0, 10);

/** The same rule as the server's `evaluationOverdue` filter: due date passed, not evaluated, not closed. */
export function isEvaluationOverdue(record: RegisterRecord): boolean {
  const due = record.evaluationDueDate;
  return (
    typeof due === 'string' && due < today() && record.effectiveness === 'not_evaluated' && record.status !== 'closed'
  );
}

/** An enum value as the coloured pill the register tables use (`pill--effectiveness-effective`…). */
export function OptionPill({
  field,
  value,
}: {
  field: 'kind' | 'significance' | 'status' | 'effectiveness';
  value: unknown;
}) {
  const i18n = useT();
  if (typeof value !== 'string') return <span className="muted">{i18n.t('common.empty')}</span>;
  return (
    <span className={`pill pill--${field}-${value}`}>
      {optionLabel(i18n, ismsRiskRegister.collection, field, value)}
    </span>
  );
}

/** "Evaluate by" with an overdue flag that does not rely on colour alone. */
export function EvaluationDue({ record }: { record: RegisterRecord }) {
  const { t, formatDate } = useT();
  const due = record.evaluationDueDate;
  if (typeof due !== 'string') return <span className="muted">{t('common.empty')}</span>;
  return (
    <span className="isms-due">
      <span className="nowrap">{formatDate(due)}</span>
      {isEvaluationOverdue(record) ? (
        <span className="badge badge--overdue">⚠ {t('isms-risks.overdueFlag')}</span>
      ) : null}
    </span>
  );
}
