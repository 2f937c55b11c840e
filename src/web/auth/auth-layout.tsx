import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n.js';

/** The centered card used by sign-in and first-run setup. */
export function AuthLayout({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  const { t } = useT();
  return (
    <div className="auth">
      <main id="main" className="auth__card" tabIndex={-1}>
        <p className="auth__brand">
          <ShieldIcon /> {t('app.name')}
        </p>
        <h1>{title}</h1>
        {intro ? <p className="auth__intro">{intro}</p> : null}
        {children}
      </main>
      <p className="auth__footer">{t('app.tagline')}</p>
    </div>
  );
}

export function ShieldIcon() {
  return (
    <svg className="brand-icon" viewBox="0 0 32 32" width="22" height="22" aria-hidden="true" focusable="false">
      <path d="M16 2 4 7v8c0 7.5 5.1 13.4 12 15 6.9-1.6 12-7.5 12-15V7z" fill="currentColor" />
      <path
        d="m11 16 3.5 3.5L21.5 12"
        fill="none"
        stroke="#fff"
        strokeWidth="2.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
