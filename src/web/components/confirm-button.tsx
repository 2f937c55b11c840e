import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/i18n.js';

interface Props {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void | Promise<void>;
  busy?: boolean;
  className?: string;
}

/** A destructive button that asks first, inline, keyboard-first: focus moves to the confirm button. */
export function ConfirmButton({ label, question, confirmLabel, onConfirm, busy, className }: Props) {
  const { t } = useT();
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button
        ref={openerRef}
        type="button"
        className={className ?? 'button button--danger'}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm__question">{question}</span>
      <button
        ref={confirmRef}
        type="button"
        className="button button--danger"
        disabled={busy}
        onClick={async () => {
          await onConfirm();
          setAsking(false);
        }}
      >
        {confirmLabel}
      </button>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => setAsking(false)}
        onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}
      >
        {t('common.cancel')}
      </button>
    </span>
  );
}
