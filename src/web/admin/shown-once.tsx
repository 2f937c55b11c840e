import { useRef, useState } from 'react';
import { useT } from '../i18n/i18n.js';
import { Button } from '../ui/button.js';

/**
 * A secret shown once (an API token, an invitation link): the value in a read-only field with a copy button, a
 * warning that it will not be shown again, and the button that closes it. Copying falls back to selecting the text
 * where the clipboard is not allowed.
 */
export function ShownOnce(props: {
  id: string;
  title: string;
  warning: string;
  label: string;
  value: string;
  doneLabel: string;
  onDone: () => void;
}) {
  const { t } = useT();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.value);
      setCopied('yes');
    } catch {
      input.current?.select();
      setCopied('no');
    }
  };
  return (
    <section className="card secret" aria-labelledby={`${props.id}-title`} role="region">
      <h2 id={`${props.id}-title`} className="card__title">
        {props.title}
      </h2>
      <p className="alert alert--warning">{props.warning}</p>
      <div className="secret__row">
        <label htmlFor={props.id} className="visually-hidden">
          {props.label}
        </label>
        <input
          id={props.id}
          ref={input}
          className="mono"
          readOnly
          value={props.value}
          onFocus={(e) => e.target.select()}
        />
        <Button variant="primary" onClick={copy}>
          {t('tokens.copy')}
        </Button>
      </div>
      <p aria-live="polite" className="muted">
        {copied === 'yes' ? t('tokens.copied') : copied === 'no' ? t('tokens.copyManually') : ''}
      </p>
      <Button onClick={props.onDone}>{props.doneLabel}</Button>
    </section>
  );
}
