import type { RegisterDef } from '../../../schema/register/define-register.js';
import { translate as t } from '../../../schema/i18n/translate.js';
import { TABLE_CAP, inWindow, type InputWindow } from './input-window.js';

/** The base columns every register row has, plus the cells a change table shows for it. */
export interface ChangedRecord {
  id: string;
  ref: string;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
  cells: string[];
}

export interface RecordChange {
  record: ChangedRecord;
  change: 'added' | 'changed' | 'removed';
  /** the fields an update touched (labels), from the audit trail */
  fields: string[];
  when: string;
}

/** The most update events read for one register's window: context registers change a few times a month. */
const EVENT_CAP = 5000;

/**
 * Which records of a register were updated in the window and which fields each update touched, from the audit trail
 * (`record.updated` events): the record's own updatedAt says only its last change, which may fall after the review
 * date. Newest first, so when the cap bites the latest changes are kept.
 */
async function updatesInWindow(
  w: InputWindow,
  def: RegisterDef,
): Promise<Map<string, { fields: Set<string>; when: string }>> {
  const events = await w.db
    .selectFrom('auditEvents')
    .select(['entityId', 'payload', 'createdAt'])
    .where('orgId', '=', w.orgId)
    .where('entityType', '=', def.entity)
    .where('type', '=', 'record.updated')
    .where('createdAt', '>=', w.lo)
    .where('createdAt', '<', w.hi)
    .orderBy('createdAt', 'desc')
    .limit(EVENT_CAP)
    .execute();
  const out = new Map<string, { fields: Set<string>; when: string }>();
  for (const e of events) {
    if (!e.entityId) continue;
    const entry = out.get(e.entityId) ?? { fields: new Set<string>(), when: e.createdAt };
    const changes = (JSON.parse(e.payload) as { changes?: Record<string, unknown> }).changes ?? {};
    for (const name of Object.keys(changes)) {
      const field = def.fields[name];
      entry.fields.add(field ? t(field.label) : name);
    }
    out.set(e.entityId, entry);
  }
  return out;
}

/**
 * Records added, changed or removed (archived) in the window, in reference order. `load` reads the register's rows
 * that may have changed in it: created or archived in the window, or updated since its start (its last update may
 * be later; the audit trail says whether one fell inside).
 */
export async function recordChanges(
  w: InputWindow,
  def: RegisterDef,
  load: () => Promise<ChangedRecord[]>,
): Promise<{ changes: RecordChange[]; added: number; changed: number; removed: number }> {
  const [rows, updates] = await Promise.all([load(), updatesInWindow(w, def)]);
  const changes: RecordChange[] = [];
  for (const record of rows) {
    if (record.createdAt >= w.hi) continue;
    const update = updates.get(record.id);
    if (record.archivedAt && inWindow(w, record.archivedAt))
      changes.push({ record, change: 'removed', fields: [], when: record.archivedAt });
    else if (record.archivedAt && record.archivedAt < w.lo) continue;
    else if (inWindow(w, record.createdAt))
      changes.push({ record, change: 'added', fields: [], when: record.createdAt });
    else if (update) changes.push({ record, change: 'changed', fields: [...update.fields], when: update.when });
  }
  changes.sort((a, b) => a.record.ref.length - b.record.ref.length || a.record.ref.localeCompare(b.record.ref));
  const n = (c: RecordChange['change']) => changes.filter((x) => x.change === c).length;
  return { changes, added: n('added'), changed: n('changed'), removed: n('removed') };
}

/** The change column: "Added", "Removed", "Changed: Status, Relevance". */
export function changeText(c: RecordChange): string {
  const base = t(`review-inputs.change.${c.change}`);
  return c.fields.length ? `${base}: ${c.fields.join(', ')}` : base;
}

/** A change table's rows, capped; the cells the register gave, then the change and its date. */
export const changeRows = (changes: RecordChange[]): string[][] =>
  changes.slice(0, TABLE_CAP).map((c) => [c.record.ref, ...c.record.cells, changeText(c), c.when.slice(0, 10)]);

/** A register's option label (`issues.direction.external` → "External"). */
export const optionLabel = (def: RegisterDef, field: string, value: string | null | undefined): string =>
  value ? t(`${def.collection}.${field}.${value}`) : '';
