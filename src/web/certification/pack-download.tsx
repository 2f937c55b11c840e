import { useT } from '../i18n/i18n.js';
import { isApiError } from '../lib/api-client.js';
import { progressRatio } from '../lib/download-progress.js';
import { ErrorMessage, LiveMessage } from '../components/status.js';
import { formatBytes } from '../evidence/evidence-api.js';
import { Button } from '../ui/button.js';
import { useDownloadPack } from './pack-api.js';

/**
 * "Download the pack": the server renders every item and signs the manifest before a byte comes, so the card says
 * it is building (an indeterminate bar), then how much has arrived; a refusal shows the server's problem in words.
 */
export function PackDownload({ org, date, canDownload }: { org: string; date: string; canDownload: boolean }) {
  const i18n = useT();
  const { t, formatDate } = i18n;
  const pack = useDownloadPack(org);
  const p = pack.progress;
  const ratio = p ? progressRatio(p) : null;
  const status = !p
    ? null
    : p.phase === 'building'
      ? t('certification.download.building')
      : p.total
        ? t('certification.download.receivingOf', {
            received: formatBytes(i18n, p.received),
            total: formatBytes(i18n, p.total),
          })
        : t('certification.download.receiving', { received: formatBytes(i18n, p.received) });
  return (
    <section className="card pack-download" aria-labelledby="pack-download-title">
      <h2 id="pack-download-title" className="card__title">
        {t('certification.download.title')}
      </h2>
      <p className="muted">{t('certification.download.lead')}</p>
      {canDownload ? (
        <Button
          variant="primary"
          busy={pack.isPending}
          onClick={() => {
            pack.reset();
            pack.mutate(date);
          }}
        >
          {t('certification.download.button', { date: formatDate(date) })}
        </Button>
      ) : (
        <p className="muted">{t('certification.download.readOnly')}</p>
      )}
      {p ? (
        <div className="pack-download__progress">
          <progress
            aria-label={t('certification.download.progress')}
            max={1}
            {...(ratio === null ? {} : { value: ratio })}
          />
          <p role="status">{status}</p>
        </div>
      ) : null}
      <LiveMessage>
        {pack.data ? (
          <>
            {t('certification.download.done', { file: pack.data.fileName, size: formatBytes(i18n, pack.data.size) })}
            {pack.data.sha256 ? (
              <>
                <br />
                <code className="pack-download__sha">
                  {t('certification.download.sha', { hash: pack.data.sha256 })}
                </code>
              </>
            ) : null}
          </>
        ) : null}
      </LiveMessage>
      {pack.isError ? (
        <div className="pack-download__error">
          <p>
            <strong>{t('certification.download.failed')}</strong>
          </p>
          <ErrorMessage error={pack.error} />
          {isApiError(pack.error) && pack.error.errors.length ? (
            <ul className="field__error">
              {pack.error.errors.map((e) => (
                <li key={e.field}>{e.message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
