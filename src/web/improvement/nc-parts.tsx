import { Link } from '@tanstack/react-router';
import { recordPath } from '../register/record-targets.js';
import { clauseLabel, ismsRequirement } from '../../schema/internal-audit/isms-requirements.js';
import { useT } from '../i18n/i18n.js';
import { optionLabel } from '../register/field-value.js';

/** A 27001 requirement as a reader looks for it: "10.2 (2013: 10.1)" and, on request, its text. */
export function RequirementLabel({
  requirementKey,
  withText = false,
}: {
  requirementKey: unknown;
  withText?: boolean;
}) {
  const { t } = useT();
  if (typeof requirementKey !== 'string' || !requirementKey) return <span className="muted">{t('common.empty')}</span>;
  const requirement = ismsRequirement(requirementKey);
  return (
    <span className="nc-requirement">
      <span className="ref">{clauseLabel(requirementKey)}</span>
      {withText && requirement ? <span className="nc-requirement__text"> {requirement.text}</span> : null}
    </span>
  );
}

/** A status, grade or source as a pill: its words carry the meaning, the colour only repeats it. */
export function NcPill({ collection, field, value }: { collection: string; field: string; value: unknown }) {
  const i18n = useT();
  if (typeof value !== 'string' || !value) return null;
  return <span className={`pill pill--${field}-${value}`}>{optionLabel(i18n, collection, field, value)}</span>;
}

/** Register › record: the way back from a nonconformity or an improvement and its forms. */
export function ImprovementBreadcrumb({
  org,
  area,
  id,
  current,
}: {
  org: string;
  area: 'nonconformities' | 'improvements';
  id?: string;
  current?: string | undefined;
}) {
  const { t } = useT();
  const list =
    area === 'nonconformities' ? (
      <Link to="/o/$org/nonconformities" params={{ org }}>
        {t('nonconformities.title')}
      </Link>
    ) : (
      <Link to="/o/$org/improvements" params={{ org }}>
        {t('improvements.title')}
      </Link>
    );
  const record =
    id && current ? (
      area === 'nonconformities' ? (
        <Link to="/o/$org/nonconformities/$id" params={{ org, id }}>
          {current}
        </Link>
      ) : (
        <Link to="/o/$org/improvements/$id" params={{ org, id }}>
          {current}
        </Link>
      )
    ) : current ? (
      <span aria-current="page">{current}</span>
    ) : null;
  return (
    <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
      {list}
      {record ? (
        <>
          <span aria-hidden="true"> / </span>
          {record}
        </>
      ) : null}
    </nav>
  );
}

/** The record a nonconformity or an improvement was raised from: an audit (its page), another record the UI knows. */
export function SourceLink({ org, type, id }: { org: string; type: string; id: string }) {
  const { td } = useT();
  const kind = td(`entity.${type}`, undefined, type.replace(/_/g, ' '));
  if (type === 'internal_audit')
    return (
      <Link to="/o/$org/internal-audits/$id" params={{ org, id }}>
        {kind}
      </Link>
    );
  const path = recordPath(org, type, id);
  return path ? <a href={path}>{kind}</a> : <span>{kind}</span>;
}
