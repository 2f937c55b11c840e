import { useLocation, useNavigate } from '@tanstack/react-router';
import { useT } from '../i18n/i18n.js';
import type { OrgSummary } from '../lib/api-types.js';

/** Sections that exist in every organization: switching keeps you in the same one. */
const PORTABLE = /^\/(actions|members|tokens|automation-accounts|audit|m\/[a-z-]+)\/?$/;

export function OrgSwitcher({ current, organizations }: { current: string; organizations: OrgSummary[] }) {
  const { t } = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const onChange = (slug: string) => {
    const rest = pathname.slice(`/o/${current}`.length);
    const keep = PORTABLE.test(rest) ? rest.replace(/\/$/, '') : '';
    void navigate({ href: `/o/${encodeURIComponent(slug)}${keep}` });
  };

  return (
    <div className="org-switcher">
      <label htmlFor="org-switcher">{t('shell.organization')}</label>
      <select id="org-switcher" value={current} onChange={(e) => onChange(e.target.value)}>
        {organizations.map((o) => (
          <option key={o.id} value={o.slug}>
            {o.name}
          </option>
        ))}
        {organizations.some((o) => o.slug === current) ? null : <option value={current}>{current}</option>}
      </select>
    </div>
  );
}
