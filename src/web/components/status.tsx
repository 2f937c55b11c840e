import type { ReactNode } from 'react';
import { isApiError } from '../lib/api-client.js';
import { useT, type I18n } from '../i18n/i18n.js';
import { Button } from '../ui/button.js';

/** A human sentence for any error a call can raise. */
export function describeError(i18n: I18n, error: unknown): string {
  const { t } = i18n;
  if (!isApiError(error)) return error instanceof Error ? error.message : t('error.generic');
  switch (error.status) {
    case 0:
      return t('error.network');
    case 401:
      return t('error.unauthenticated');
    case 403:
      return error.kind === 'csrf' ? t('error.csrf') : t('error.forbidden');
    case 404:
      return t('error.notFound');
    case 409:
      return error.detail ?? t('error.conflict');
    case 413:
      return t('error.tooLarge');
    case 429:
      if (!error.retryAfter) return t('error.throttled');
      return error.retryAfter >= 120
        ? t('error.throttledWaitMinutes', { minutes: Math.ceil(error.retryAfter / 60) })
        : t('error.throttledWait', { seconds: error.retryAfter });
    default:
      if (error.status >= 500) return t('error.server');
      return error.detail ?? error.title;
  }
}

export function Loading({ label }: { label?: string }) {
  const { t } = useT();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const i18n = useT();
  return (
    <div className="alert alert--error" role="alert">
      <p>{describeError(i18n, error)}</p>
      {onRetry ? <Button onClick={onRetry}>{i18n.t('common.retry')}</Button> : null}
    </div>
  );
}

/** A polite live region: success and progress messages that screen readers announce. */
export function LiveMessage({ children, tone = 'success' }: { children?: ReactNode; tone?: 'success' | 'info' }) {
  return (
    <div className={children ? `alert alert--${tone}` : 'visually-hidden'} aria-live="polite" role="status">
      {children}
    </div>
  );
}
