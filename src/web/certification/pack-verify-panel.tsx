import { useT } from '../i18n/i18n.js';
import { QueryState } from '../ui/query-state.js';
import { useSigningKey } from './pack-api.js';

/**
 * How the auditor checks the pack offline: the installation's key fingerprint (from the public signing-key route,
 * so it can be read here and given to the auditor by another channel) and the command that checks it.
 */
export function PackVerifyPanel({ fileName }: { fileName: string }) {
  const { t } = useT();
  const key = useSigningKey();
  return (
    <section className="card pack-verify" aria-labelledby="pack-verify-title">
      <h2 id="pack-verify-title" className="card__title">
        {t('certification.verify.title')}
      </h2>
      <ol className="pack-verify__steps">
        <li>
          <p>{t('certification.verify.step1')}</p>
          <QueryState query={key}>
            {(data) => (
              <p>
                <strong>{t('certification.verify.fingerprint')}</strong>
                <br />
                <code className="pack-verify__fingerprint" data-testid="pack-fingerprint">
                  {data.fingerprint}
                </code>
              </p>
            )}
          </QueryState>
          <p className="muted">{t('certification.verify.where')}</p>
        </li>
        <li>
          <p>{t('certification.verify.step2')}</p>
          <pre className="pack-verify__command" aria-label={t('certification.verify.commandLabel')}>
            <code>{`rampart verify-package ${fileName} --key ${key.data?.fingerprint ?? '<fingerprint>'}`}</code>
          </pre>
        </li>
        <li>
          <p>{t('certification.verify.step3')}</p>
        </li>
      </ol>
    </section>
  );
}
