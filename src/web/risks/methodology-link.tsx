import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { useT } from '../i18n/i18n.js';

/** The risk methodology page (its own module, src/web/risks/methodology/), linked from every risk page. */
export function MethodologyLink({
  org,
  children,
  className,
}: {
  org: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <Link to="/o/$org/risk-methodology" params={{ org }} className={className}>
      {children}
    </Link>
  );
}

/** Why risks cannot be evaluated (or an assessment opened) yet, and where to go. */
export function NoMethodologyNotice({ org, what }: { org: string; what: 'register' | 'form' | 'assessment' }) {
  const { t } = useT();
  return (
    <div className="alert alert--warning methodology-notice" role="note">
      <p className="methodology-notice__title">{t('risks.noMethodology.title')}</p>
      <p>{t(`risks.noMethodology.${what}`)}</p>
      <p>
        <MethodologyLink org={org} className="button button--secondary">
          {t('risks.noMethodology.link')}
        </MethodologyLink>
      </p>
    </div>
  );
}
