import { AUDIT_EVENT_TYPES } from '../../schema/audit/audit-events.js';
import { useT } from '../i18n/i18n.js';
import type { Member } from '../lib/api-types.js';
import { FormField } from '../ui/form-field.js';

export type AuditSearch = Record<string, string | undefined>;
export const AUDIT_SEARCH_KEYS = ['type', 'actor', 'entityType', 'entityId', 'from', 'to', 'page', 'pageSize'] as const;
/** Entity types the trail records: register entities (`action`…) plus the platform's own. */
const ENTITY_TYPES = ['action', 'link', 'organization', 'user', 'api_token'];

export function AuditFilters({
  search,
  members,
  onChange,
}: {
  search: AuditSearch;
  members: Member[];
  onChange: (p: AuditSearch) => void;
}) {
  const { t, td } = useT();
  return (
    <div className="filters" role="search" aria-label={t('audit.filters')}>
      <FormField label={t('audit.type')}>
        <select value={search.type ?? ''} onChange={(e) => onChange({ type: e.target.value || undefined })}>
          <option value="">{t('register.any')}</option>
          {AUDIT_EVENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {td(`audit.event.${type}`, undefined, type)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label={t('audit.actor')}>
        <select value={search.actor ?? ''} onChange={(e) => onChange({ actor: e.target.value || undefined })}>
          <option value="">{t('register.any')}</option>
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name || m.email}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label={t('audit.entityType')}>
        <select value={search.entityType ?? ''} onChange={(e) => onChange({ entityType: e.target.value || undefined })}>
          <option value="">{t('register.any')}</option>
          {ENTITY_TYPES.map((type) => (
            <option key={type} value={type}>
              {td(`entity.${type}`, undefined, type)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label={t('audit.from')}>
        <input
          type="date"
          value={search.from ?? ''}
          onChange={(e) => onChange({ from: e.target.value || undefined })}
        />
      </FormField>
      <FormField label={t('audit.to')}>
        <input type="date" value={search.to ?? ''} onChange={(e) => onChange({ to: e.target.value || undefined })} />
      </FormField>
    </div>
  );
}
