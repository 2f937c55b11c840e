import { useRef } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useT } from '../i18n/i18n.js';
import type { SessionUser } from '../lib/api-types.js';
import { useSignOut } from '../lib/session.js';
import { Button } from '../ui/button.js';

/** Who is signed in, and the way out. A disclosure (details/summary) so it works with keyboard and screen readers. */
export function UserMenu({
  user,
  role,
  org,
}: {
  user: SessionUser;
  role?: string | undefined;
  org?: string | undefined;
}) {
  const { t, td } = useT();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const details = useRef<HTMLDetailsElement>(null);

  return (
    <details
      className="user-menu"
      ref={details}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !details.current?.open) return;
        details.current.open = false;
        details.current.querySelector('summary')?.focus();
      }}
    >
      <summary aria-label={t('shell.userMenu', { name: user.name })}>
        <span className="avatar" aria-hidden="true">
          {initials(user.name)}
        </span>
        <span className="user-menu__name">{user.name}</span>
      </summary>
      <div className="user-menu__panel">
        <p className="user-menu__who">
          <strong>{user.name}</strong>
          <span>{user.email}</span>
          {role ? <span className="badge">{td(`role.${role}`)}</span> : null}
          {user.isSuperadmin ? <span className="badge badge--accent">{t('shell.superadmin')}</span> : null}
        </p>
        {org ? (
          <Link
            to="/o/$org/account"
            params={{ org }}
            className="button button--secondary button--block"
            onClick={() => {
              if (details.current) details.current.open = false;
            }}
          >
            {t('shell.account')}
          </Link>
        ) : null}
        <Button
          block
          onClick={async () => {
            await signOut();
            await navigate({ to: '/sign-in' });
          }}
        >
          {t('shell.signOut')}
        </Button>
      </div>
    </details>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase() || '?';
}
