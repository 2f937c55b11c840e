import { useRef, useState } from 'react';
import { useT } from '../i18n/i18n.js';
import type { CreatedToken } from '../lib/api-types.js';

/** The secret of a new token, shown once, with a copy button and a warning. */
export function TokenSecret({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  const { t } = useT();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied('yes');
    } catch {
      input.current?.select();
      setCopied('no');
    }
  };
  return (
    <section className="card secret" aria-labelledby="secret-title" role="region">
      <h2 id="secret-title" className="card__title">
        {t('tokens.secretTitle', { name: token.name })}
      </h2>
      <p className="alert alert--warning">{t('tokens.secretWarning')}</p>
      <div className="secret__row">
        <label htmlFor="token-secret" className="visually-hidden">
          {t('tokens.secretLabel')}
        </label>
        <input id="token-secret" ref={input} className="mono" readOnly value={token.token} onFocus={(e) => e.target.select()} />
        <button type="button" className="button button--primary" onClick={copy}>
          {t('tokens.copy')}
        </button>
      </div>
      <p aria-live="polite" className="muted">
        {copied === 'yes' ? t('tokens.copied') : copied === 'no' ? t('tokens.copyManually') : ''}
      </p>
      <button type="button" className="button button--secondary" onClick={onDone}>
        {t('tokens.secretDone')}
      </button>
    </section>
  );
}
