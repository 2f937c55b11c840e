import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/i18n.js';
import { Button, type ButtonVariant } from './button.js';

interface Props {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void | Promise<void>;
  busy?: boolean;
  /** the first button's look (danger by default) and size */
  variant?: ButtonVariant;
  size?: 'normal' | 'small';
  className?: string;
}

/** A destructive button that asks first, inline, keyboard-first: focus moves to the confirm button. */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  busy,
  variant = 'danger',
  size = 'normal',
  className,
}: Props) {
  const { t } = useT();
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <Button ref={openerRef} variant={variant} size={size} className={className} onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm__question">{question}</span>
      <Button
        ref={confirmRef}
        variant="danger"
        busy={busy}
        onClick={async () => {
          await onConfirm();
          setAsking(false);
        }}
      >
        {confirmLabel}
      </Button>
      <Button onClick={() => setAsking(false)} onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}>
        {t('common.cancel')}
      </Button>
    </span>
  );
}
