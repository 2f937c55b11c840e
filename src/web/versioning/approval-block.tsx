import { useT } from '../i18n/i18n.js';
import type { Version } from './versioned-api.js';

/** Who signed the version, in what role, what the signature means, when, and the hash of the content signed. */
export function ApprovalBlock({ version }: { version: Version }) {
  const { t, td, formatDateTime } = useT();
  if (version.approvals.length === 0) {
    return (
      <section className="card approval approval--pending" aria-labelledby="approval-title">
        <h2 id="approval-title" className="card__title">
          {t('versions.approvalBlock')}
        </h2>
        <p className="muted">
          {version.state === 'draft' ? t('versions.awaitingApproval') : t('versions.notApproved')}
        </p>
      </section>
    );
  }
  return (
    <section className="card approval" aria-labelledby="approval-title">
      <h2 id="approval-title" className="card__title">
        {t('versions.approvalBlock')}{' '}
        <span className={`badge badge--state-${version.state}`}>{td(`versions.state.${version.state}`)}</span>
      </h2>
      {version.approvals.map((a) => (
        <dl key={a.id} className="approval__grid">
          <dt>{t('versions.approvedBy')}</dt>
          <dd>
            {a.signerName} <span className="muted">({a.signerEmail})</span>
          </dd>
          <dt>{t('versions.role')}</dt>
          <dd>{td(`role.${a.signerRole}`, undefined, a.signerRole)}</dd>
          <dt>{t('versions.meaning')}</dt>
          <dd>“{a.meaning}”</dd>
          <dt>{t('versions.signedAt')}</dt>
          <dd>
            <time dateTime={a.signedAt}>{formatDateTime(a.signedAt)}</time>
          </dd>
          {a.comment ? (
            <>
              <dt>{t('versions.comment')}</dt>
              <dd className="prewrap">{a.comment}</dd>
            </>
          ) : null}
          <dt>{t('versions.contentHash')}</dt>
          <dd className="hash">{a.contentHash}</dd>
        </dl>
      ))}
    </section>
  );
}
