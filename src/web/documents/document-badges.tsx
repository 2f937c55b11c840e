import { useT } from '../i18n/i18n.js';

/** The document's status in words (colour only repeats it), with "approved, not yet published" when a newer version waits. */
export function StatusBadge({ record }: { record: Record<string, unknown> }) {
  const { t, td } = useT();
  const status = typeof record.status === 'string' ? record.status : 'draft';
  const waiting =
    status === 'published' &&
    typeof record.approvedVersion === 'number' &&
    typeof record.publishedVersion === 'number' &&
    record.approvedVersion > record.publishedVersion;
  return (
    <span className="doc-status">
      <span className={`pill pill--status-${status}`}>{td(`documents.status.${status}`, undefined, status)}</span>
      {waiting ? (
        <span className="doc-status__note">
          {t('documents.list.approvedNotPublished', { no: record.approvedVersion as number })}
        </span>
      ) : null}
    </span>
  );
}

export function ClassificationBadge({ value }: { value: unknown }) {
  const { td } = useT();
  if (typeof value !== 'string') return null;
  return (
    <span className={`pill pill--classification-${value}`}>
      {td(`documents.classification.${value}`, undefined, value)}
    </span>
  );
}

/** Marks the one information security policy (5.2) wherever documents are listed. */
export function SecurityPolicyBadge() {
  const { t } = useT();
  return <span className="badge badge--accent doc-isp">{t('documents.isp.badge')}</span>;
}
