import { Link } from '@tanstack/react-router';
import { PROGRESS_STATUSES, type ProgressStatus } from '../../schema/objectives/objective.register.js';
import { Breadcrumb } from '../components/breadcrumb.js';
import { useT } from '../i18n/i18n.js';
import { STATUS_SYMBOL, targetText } from './objective-text.js';

export const isProgressStatus = (v: unknown): v is ProgressStatus =>
  (PROGRESS_STATUSES as readonly unknown[]).includes(v);

/** The derived progress status as a symbol and words (never colour alone). */
export function StatusPill({ status }: { status: unknown }) {
  const { t, td } = useT();
  if (!isProgressStatus(status)) return <span className="muted">{t('common.empty')}</span>;
  return (
    <span className={`obj-status obj-status--${status}`}>
      <span aria-hidden="true">{STATUS_SYMBOL[status]}</span> {td(`objectives.progressStatus.${status}`)}
    </span>
  );
}

/** The target of a record (an objective, a snapshot of one) in signs and words, or a dash when it has none. */
export function TargetText({ record }: { record: Readonly<Record<string, unknown>> }) {
  const { t, formatNumber } = useT();
  const text = targetText(record, formatNumber);
  return text ? <span className="nowrap">{text}</span> : <span className="muted">{t('common.empty')}</span>;
}

/** The trail above an objective's pages: the register, then the objective (its reference). */
export function ObjectiveBreadcrumb({ org, current }: { org: string; current?: string | undefined }) {
  const { t } = useT();
  return (
    <Breadcrumb
      parent={
        <Link to="/o/$org/objectives" params={{ org }}>
          {t('objectives.title')}
        </Link>
      }
      current={current}
    />
  );
}
