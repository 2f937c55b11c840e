import { useEffect, useRef, useState } from 'react';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { useT } from '../i18n/i18n.js';
import { Loading, ErrorMessage } from '../components/status.js';

/**
 * Every page: a skip link, the page, and a route announcer. After a client-side navigation to another page,
 * focus moves to the main region and the new page title is announced, as a full page load would do.
 */
export function RootLayout() {
  const { t } = useT();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const [announcement, setAnnouncement] = useState('');
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // Let the page set its title and render its main region first.
    const timer = window.setTimeout(() => {
      setAnnouncement(document.title);
      const main = document.getElementById('main');
      if (main && !main.contains(document.activeElement) && !document.querySelector('dialog[open]')) {
        main.focus({ preventScroll: true });
      }
    }, 150);
    return () => window.clearTimeout(timer);
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <Outlet />
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
    </>
  );
}

export function RoutePending() {
  return (
    <div className="route-pending">
      <Loading />
    </div>
  );
}

export function RouteError({ error, reset }: { error: unknown; reset: () => void }) {
  const { t } = useT();
  return (
    <main id="main" className="page page--narrow route-error" tabIndex={-1}>
      <h1>{t('error.pageTitle')}</h1>
      <ErrorMessage error={error} onRetry={reset} />
      <p>
        <a href="/">{t('notFound.home')}</a>
      </p>
    </main>
  );
}
