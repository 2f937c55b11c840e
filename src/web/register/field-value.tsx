import type { FieldDef } from '../../schema/register/define-register.js';
import { Link } from '@tanstack/react-router';
import { useT, type I18n } from '../i18n/i18n.js';
import { recordPath } from './record-targets.js';
import { relatedText, type RelatedMap } from './record-select.js';

/** Message key of an enum option: `actions.status.in_progress`. */
export function optionKey(collection: string, field: string, option: string): string {
  return `${collection}.${field}.${option}`;
}

export function optionLabel(i18n: I18n, collection: string, field: string, option: string): string {
  return i18n.td(optionKey(collection, field, option), undefined, option.replace(/_/g, ' '));
}

/** A field value as text, the way tables and details show it. */
export function fieldText(
  i18n: I18n,
  collection: string,
  name: string,
  def: FieldDef,
  value: unknown,
  memberNames: Map<string, string>,
  related: RelatedMap = {},
): string {
  if (value === null || value === undefined || value === '') return '';
  switch (def.kind) {
    case 'record': {
      const r = related[String(value)];
      return r ? relatedText(r) : String(value);
    }
    case 'enum':
      return optionLabel(i18n, collection, name, String(value));
    case 'date':
      return i18n.formatDate(String(value));
    case 'member':
      return memberNames.get(String(value)) ?? i18n.t('common.unknownMember');
    case 'boolean':
      return value ? i18n.t('common.yes') : i18n.t('common.no');
    case 'integer':
    case 'number':
      return typeof value === 'number' ? i18n.formatNumber(value) : String(value);
    default:
      // completedAt and similar server-set timestamps are text fields holding ISO date-times.
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return i18n.formatDateTime(value);
      return String(value);
  }
}

export function FieldValue(props: {
  collection: string;
  name: string;
  def: FieldDef;
  value: unknown;
  memberNames: Map<string, string>;
  /** references and titles of records that `record` fields point at (the API's `related`) */
  related?: RelatedMap | undefined;
  /** the organization, to link a `record` value to its page */
  org?: string | undefined;
}) {
  const i18n = useT();
  const text = fieldText(i18n, props.collection, props.name, props.def, props.value, props.memberNames, props.related);
  if (!text) return <span className="muted">{i18n.t('common.empty')}</span>;
  if (props.def.kind === 'record') {
    const path =
      props.org && props.def.target ? recordPath(props.org, props.def.target, String(props.value)) : undefined;
    // The target register is only known at run time, so the typed route tree cannot check this address.
    return path && props.related?.[String(props.value)] ? (
      <Link to={path as '/'}>{text}</Link>
    ) : (
      <span className="ref">{text}</span>
    );
  }
  if (props.def.kind === 'enum') {
    return <span className={`pill pill--${props.name}-${String(props.value)}`}>{text}</span>;
  }
  if (props.def.kind === 'longtext') return <span className="prewrap">{text}</span>;
  return <>{text}</>;
}
