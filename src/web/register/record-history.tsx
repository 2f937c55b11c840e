import { useQuery } from '@tanstack/react-query';
import type { RegisterDef } from '../../schema/register/define-register.js';
import { useT, type I18n } from '../i18n/i18n.js';
import { api } from '../lib/api-client.js';
import { historySchema, type HistoryEntry } from '../../schema/register/register-responses.js';
import { useMemberNames } from '../lib/members.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { registerBase } from './register-api.js';

export function useRecordHistory(org: string, register: RegisterDef, id: string) {
  return useQuery({
    queryKey: ['org', org, register.collection, 'record', id, 'history'],
    queryFn: () => api.get(`${registerBase(org, register)}/${encodeURIComponent(id)}/history`, historySchema),
  });
}

interface Props {
  org: string;
  register: RegisterDef;
  id: string;
  /** message key of a section label by its key, for `sectionsChanged` of versioned records */
  sectionLabel?: (key: string) => string | undefined;
  /** label of a stage, for versioned records */
  stageText?: (stage: string) => string;
}

/** A record's history from the audit trail (`GET …/{id}/history`): who did what, when, with the details. */
export function RecordHistory({ org, register, id, sectionLabel, stageText }: Props) {
  const i18n = useT();
  const { t, td, formatDateTime } = i18n;
  const history = useRecordHistory(org, register, id);
  // the person who acted by name (the label recorded at the time, an e-mail, stays in the title)
  const names = useMemberNames(org);
  if (history.isPending) return <Loading />;
  if (history.isError) return <ErrorMessage error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.items.length === 0)
    return <p className="empty-state empty-state--small">{t('versions.history.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t('versions.history.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('versions.history.when')}</th>
            <th scope="col">{t('versions.history.who')}</th>
            <th scope="col">{t('versions.history.what')}</th>
            <th scope="col">{t('versions.history.details')}</th>
          </tr>
        </thead>
        <tbody>
          {history.data.items.map((e) => (
            <tr key={e.id}>
              <td className="nowrap">
                <time dateTime={e.createdAt}>{formatDateTime(e.createdAt)}</time>
              </td>
              <td title={e.actorLabel ?? undefined}>
                {(e.actorId && names.get(e.actorId)) ||
                  e.actorLabel ||
                  (e.actorKind ? td(`audit.actorKind.${e.actorKind}`, undefined, e.actorKind) : t('common.system'))}
              </td>
              <td>{td(`audit.event.${e.type}`, undefined, e.type)}</td>
              <td className="event-details">{details(i18n, register, e, sectionLabel, stageText)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const text = (v: unknown): string =>
  v === null || v === undefined || v === '' ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v);

function details(
  i18n: I18n,
  register: RegisterDef,
  e: HistoryEntry,
  sectionLabel: Props['sectionLabel'],
  stageText: Props['stageText'],
): string {
  const { t, td } = i18n;
  const p = e.payload;
  const parts: string[] = [];
  const version = typeof p.version === 'number' ? p.version : undefined;
  switch (e.type) {
    case 'record.updated':
    case 'risk.reevaluated': // a new methodology version re-scored the risk: same shape of changes
      if (typeof p.toVersion === 'number') parts.push(t('register.history.methodologyVersion', { no: p.toVersion }));
      for (const [field, change] of Object.entries(
        (p.changes ?? {}) as Record<string, { from: unknown; to: unknown }>,
      )) {
        const label = register.fields[field] ? td(register.fields[field].label) : field;
        parts.push(`${label}: ${text(change.from)} → ${text(change.to)}`);
      }
      break;
    case 'version.draft_saved':
      if (version) parts.push(t('versions.history.version', { no: version }));
      if (typeof p.stage === 'string')
        parts.push(t('versions.history.stage', { stage: stageText ? stageText(p.stage) : p.stage }));
      if (Array.isArray(p.sectionsChanged) && p.sectionsChanged.length) {
        const list = (p.sectionsChanged as string[]).map((k) => sectionLabel?.(k) ?? k).join(', ');
        parts.push(t('versions.history.sections', { list }));
      }
      if (typeof p.changeNote === 'string' && p.changeNote)
        parts.push(t('versions.history.note', { note: p.changeNote }));
      break;
    case 'approval.granted':
    case 'version.approved':
      if (version) parts.push(t('versions.history.version', { no: version }));
      if (typeof p.role === 'string')
        parts.push(t('versions.history.role', { role: td(`role.${p.role}`, undefined, p.role) }));
      if (typeof p.supersedes === 'number') parts.push(t('versions.history.supersedes', { no: p.supersedes }));
      if (typeof p.contentHash === 'string') parts.push(`SHA-256 ${p.contentHash.slice(0, 12)}…`);
      break;
    case 'export.generated':
      if (typeof p.format === 'string') parts.push(t('versions.history.format', { format: p.format.toUpperCase() }));
      if (p.filters && typeof (p.filters as Record<string, unknown>).version === 'number') {
        parts.push(t('versions.history.version', { no: (p.filters as { version: number }).version }));
      }
      break;
    default:
      if (typeof p.ref === 'string') parts.push(p.ref);
      // sets of records replaced as a whole (the assets of a risk, the risks of a trigger)
      if (Array.isArray(p.added) && p.added.length)
        parts.push(t('register.history.added', { list: p.added.join(', ') }));
      if (Array.isArray(p.removed) && p.removed.length)
        parts.push(t('register.history.removed', { list: p.removed.join(', ') }));
  }
  return parts.join(' · ');
}
