import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { RegisterDef } from '../../schema/register/define-register.js';
import { useT, type I18n } from '../i18n/i18n.js';
import { api } from '../lib/api-client.js';
import { historySchema, type HistoryEntry } from '../../schema/register/register-responses.js';
import { useMemberNames } from '../lib/members.js';
import { DataTable } from '../ui/data-table.js';
import { QueryState } from '../ui/query-state.js';
import { registerBase } from './register-api.js';

export const historyKey = (org: string, register: Pick<RegisterDef, 'collection'>, id: string) => [
  'org',
  org,
  register.collection,
  'record',
  id,
  'history',
];

export function useRecordHistory(org: string, register: RegisterDef, id: string) {
  return useQuery({
    queryKey: historyKey(org, register, id),
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
  return (
    <QueryState query={history} empty={t('versions.history.empty')}>
      {(data) => (
        <DataTable
          caption={t('versions.history.caption')}
          rows={data.items}
          rowKey={(e) => e.id}
          columns={[
            {
              id: 'when',
              header: t('versions.history.when'),
              className: 'nowrap',
              cell: (e) => <time dateTime={e.createdAt}>{formatDateTime(e.createdAt)}</time>,
            },
            {
              id: 'who',
              header: t('versions.history.who'),
              cell: (e) => (
                <span title={e.actorLabel ?? undefined}>
                  {(e.actorId && names.get(e.actorId)) ||
                    e.actorLabel ||
                    (e.actorKind ? td(`audit.actorKind.${e.actorKind}`, undefined, e.actorKind) : t('common.system'))}
                </span>
              ),
            },
            {
              id: 'what',
              header: t('versions.history.what'),
              cell: (e) => td(`audit.event.${e.type}`, undefined, e.type),
            },
            {
              id: 'details',
              header: t('versions.history.details'),
              className: 'event-details',
              cell: (e) => details(i18n, register, e, sectionLabel, stageText),
            },
          ]}
        />
      )}
    </QueryState>
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
      for (const [field, change] of Object.entries(changesOf(p.changes))) {
        const label = register.fields[field] ? td(register.fields[field].label) : field;
        parts.push(`${label}: ${text(change.from)} → ${text(change.to)}`);
      }
      break;
    case 'version.draft_saved':
      if (version) parts.push(t('versions.history.version', { no: version }));
      if (typeof p.stage === 'string')
        parts.push(t('versions.history.stage', { stage: stageText ? stageText(p.stage) : p.stage }));
      if (Array.isArray(p.sectionsChanged) && p.sectionsChanged.length) {
        const list = p.sectionsChanged.map((k) => sectionLabel?.(String(k)) ?? String(k)).join(', ');
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
    case 'export.generated': {
      if (typeof p.format === 'string') parts.push(t('versions.history.format', { format: p.format.toUpperCase() }));
      const exported = exportFilters.safeParse(p.filters);
      if (exported.success) parts.push(t('versions.history.version', { no: exported.data.version }));
      break;
    }
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

/** The shapes of the payload parts read here (the payload is a free object in the history's schema). */
const changesSchema = z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }));
const exportFilters = z.object({ version: z.number() });
const changesOf = (value: unknown) => changesSchema.safeParse(value ?? {}).data ?? {};
