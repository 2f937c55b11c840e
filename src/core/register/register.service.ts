import type { Db } from '../../db/connect.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditOrBatch, type WriteBatch } from './write-batch.js';
import type { OrgContext } from '../context.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { newId, nowIso } from '../util/ids.js';
import { assertRecordExists, summarize, type RecordSummary } from '../links/record-types.js';
import { nextRef } from './refs.js';
import { filteredQuery, sortedQuery } from './register-query.js';
import { RECORD_BASE_COLUMNS, recordsFromRows } from './register-rows.js';
import { readRawRows } from '../../db/raw-rows.js';

export type { WriteBatch };
import type { AnyRegisterModule, ChangesOf, RegisterModule, Values, WriteTools } from './register-module.js';
import type { FieldMap } from '../../schema/register/fields.js';
import type { RecordOf } from '../../schema/register/define-register.js';
import { inOrgTransaction } from '../transaction.js';
import { untypedDb } from './untyped-db.js';
import { answerRecord, answerRecords } from './register-derived.js';

const toolsFor = (ctx: OrgContext, trx: Db): WriteTools => ({
  assertRecordExists: (type, id, field) => assertRecordExists(ctx, trx, type, id, field),
  actionPlanned: async (type, id, action) => {
    const source = ctx.registers.byEntity(type);
    if (source?.onActionPlanned) await source.onActionPlanned(ctx, trx, id, action, toolsFor(ctx, trx));
  },
  updateRecord: (mod, id, changes) => applyUpdate(ctx, trx, mod, id, changes),
});

const anyDb = untypedDb;

/**
 * Stored row → API record: base columns and declared fields only (never orgId), booleans as booleans. The row comes
 * from a table named at run time, so its type is asserted here, once, from the definition the columns follow.
 */
export function presentRecord<F extends FieldMap>(mod: RegisterModule<F>, row: Values): RecordOf<F> {
  const out: Values = {};
  for (const c of RECORD_BASE_COLUMNS) out[c] = row[c] ?? null;
  for (const [name, field] of Object.entries(mod.def.fields)) {
    const v = row[name] ?? null;
    out[name] = field.kind === 'boolean' && v !== null ? v === 1 || v === true : v;
  }
  return out as RecordOf<F>;
}

function toStorage(mod: AnyRegisterModule, values: Values): Values {
  const out: Values = {};
  for (const [name, v] of Object.entries(values)) {
    const field = mod.def.fields[name];
    if (!field) continue;
    out[name] = field.kind === 'boolean' && typeof v === 'boolean' ? (v ? 1 : 0) : v;
  }
  return out;
}

/** Every `member` field must name a member of this organization (one query for all of them). */
async function checkMembers(ctx: OrgContext, trx: Db, mod: AnyRegisterModule, values: Values): Promise<void> {
  const wanted = Object.entries(values).filter(
    ([name, v]) => mod.def.fields[name]?.kind === 'member' && typeof v === 'string',
  );
  if (!wanted.length) return;
  const ids = [...new Set(wanted.map(([, v]) => v as string))];
  const found = await trx
    .selectFrom('memberships')
    .select('userId')
    .where('orgId', '=', ctx.org.id)
    .where('userId', 'in', ids)
    .execute();
  const known = new Set(found.map((r) => r.userId));
  const errors = wanted
    .filter(([, v]) => !known.has(v as string))
    .map(([name]) => ({ field: `body.${name}`, message: 'Not a member of this organization' }));
  if (errors.length) throw new ValidationError(errors);
}

/** Every `record` field must point at a record of its target register in this organization. */
async function checkRecordRefs(ctx: OrgContext, trx: Db, mod: AnyRegisterModule, values: Values): Promise<void> {
  for (const [name, v] of Object.entries(values)) {
    const field = mod.def.fields[name];
    if (field?.kind === 'record' && typeof v === 'string')
      await assertRecordExists(ctx, trx, field.target ?? '', v, `body.${name}`);
  }
}

/** Reference and title of every record that `record` fields of these records point at: `{ [id]: { type, ref, title } }`. */
export async function relatedOf(
  ctx: OrgContext,
  mod: AnyRegisterModule,
  records: readonly Values[],
): Promise<Record<string, RecordSummary & { type: string }>> {
  const wanted: { type: string; id: string }[] = [];
  for (const [name, field] of Object.entries(mod.def.fields)) {
    if (field.kind !== 'record' || !field.target) continue;
    for (const r of records) if (typeof r[name] === 'string') wanted.push({ type: field.target, id: r[name] });
  }
  if (!wanted.length) return {};
  const found = await summarize(ctx, wanted);
  const out: Record<string, RecordSummary & { type: string }> = {};
  for (const [key, summary] of found) out[summary.id] = { ...summary, type: key.slice(0, key.indexOf(':')) };
  return out;
}

export async function listRecords<F extends FieldMap>(ctx: OrgContext, mod: RegisterModule<F>, query: Values) {
  const page = Number(query.page ?? 1);
  const pageSize = Number(query.pageSize ?? 25);
  const base = filteredQuery(ctx, mod, query);
  const countRow = await base.select((eb) => eb.fn.countAll().as('total')).executeTakeFirst();
  // rows as arrays, each record built once in its answered shape (register-rows.ts: no per-key renaming)
  const compiled = sortedQuery(mod, base.selectAll(), query)
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .compile();
  const items = await answerRecords(ctx, ctx.db, mod, recordsFromRows(mod, await readRawRows(ctx.db, compiled)));
  return { items, page, pageSize, total: Number(countRow?.total ?? 0), related: await relatedOf(ctx, mod, items) };
}

async function loadRow(ctx: OrgContext, trx: Db, mod: AnyRegisterModule, id: string): Promise<Values> {
  let q = anyDb(trx).selectFrom(mod.def.table).selectAll().where('id', '=', id).where('orgId', '=', ctx.org.id);
  if (mod.readScope) q = mod.readScope(ctx, q);
  const row = await q.executeTakeFirst();
  if (!row) throw new NotFoundError(`The ${mod.def.entity}`);
  return row;
}

export async function getRecord<F extends FieldMap>(
  ctx: OrgContext,
  mod: RegisterModule<F>,
  id: string,
): Promise<RecordOf<F>> {
  return presentRecord(mod, await loadRow(ctx, ctx.db, mod, id));
}

/** One record with the references and titles of the records its `record` fields point at. */
export async function getRecordWithRelated<F extends FieldMap>(ctx: OrgContext, mod: RegisterModule<F>, id: string) {
  const record = await answerRecord(ctx, ctx.db, mod, await getRecord(ctx, mod, id));
  return { ...record, related: await relatedOf(ctx, mod, [record]) };
}

export async function createRecord<F extends FieldMap>(
  ctx: OrgContext,
  mod: RegisterModule<F>,
  input: ChangesOf<F>,
): Promise<RecordOf<F>> {
  return inOrgTransaction(ctx, async (trx) => answerRecord(ctx, trx, mod, await insertRecord(ctx, trx, mod, input)));
}

/** Creates a record and its audit event inside the caller's transaction (imports create many in one). */
export async function insertRecord<F extends FieldMap>(
  ctx: OrgContext,
  trx: Db,
  mod: RegisterModule<F>,
  input: ChangesOf<F>,
  batch?: WriteBatch,
): Promise<RecordOf<F>> {
  await checkMembers(ctx, trx, mod, input);
  await checkRecordRefs(ctx, trx, mod, input);
  const extra = mod.beforeWrite ? await mod.beforeWrite(ctx, trx, input, undefined, toolsFor(ctx, trx)) : {};
  const now = nowIso();
  const row: Values = {
    id: newId(),
    orgId: ctx.org.id,
    ref: batch ? batch.takeRef() : await nextRef(trx, ctx.org.id, mod.def.refPrefix),
    version: 1,
    createdAt: now,
    createdBy: ctx.actor.userId,
    updatedAt: now,
    updatedBy: ctx.actor.userId,
    archivedAt: null,
    ...toStorage(mod, { ...input, ...extra }),
  };
  await anyDb(trx).insertInto(mod.def.table).values(row).execute();
  const record = presentRecord(mod, row);
  const values = Object.fromEntries(
    Object.keys(mod.def.fields)
      .filter((k) => record[k] !== null)
      .map((k) => [k, record[k]]),
  );
  await auditOrBatch(trx, batch, {
    orgId: ctx.org.id,
    actor: ctx.actor,
    ip: ctx.ip,
    entityType: mod.def.entity,
    entityId: row.id as string,
    event: { type: 'record.created', payload: { ref: row.ref as string, values } },
  });
  return record;
}

/** What an update asks for: the changes, and the version they were made on (when the caller read one). */
export type UpdateOf<F extends FieldMap> = ChangesOf<F> & { expectedVersion?: number };

export async function updateRecord<F extends FieldMap>(
  ctx: OrgContext,
  mod: RegisterModule<F>,
  id: string,
  input: UpdateOf<F>,
): Promise<RecordOf<F>> {
  return inOrgTransaction(ctx, async (trx) => answerRecord(ctx, trx, mod, await applyUpdate(ctx, trx, mod, id, input)));
}

/** Updates a record (only what changed, with its audit event) inside the caller's transaction. */
export async function applyUpdate<F extends FieldMap>(
  ctx: OrgContext,
  trx: Db,
  mod: RegisterModule<F>,
  id: string,
  input: UpdateOf<F>,
  batch?: WriteBatch,
): Promise<RecordOf<F>> {
  const { expectedVersion } = input;
  const changes: UpdateOf<F> = { ...input };
  delete changes.expectedVersion;
  const existing = await loadRow(ctx, trx, mod, id);
  if (existing.archivedAt) throw new ConflictError(`${existing.ref} is archived and cannot be changed`);
  if (typeof expectedVersion === 'number' && expectedVersion !== existing.version) {
    throw new ConflictError(
      `${existing.ref} was changed by someone else (version ${existing.version}); reload and apply your change again`,
      [{ field: 'body.expectedVersion', message: `Stale: current version is ${existing.version}` }],
    );
  }
  await checkMembers(ctx, trx, mod, changes);
  await checkRecordRefs(ctx, trx, mod, changes);
  const before = presentRecord(mod, existing);
  const extra = mod.beforeWrite ? await mod.beforeWrite(ctx, trx, changes, before, toolsFor(ctx, trx)) : {};
  const next = toStorage(mod, { ...changes, ...extra });
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  for (const [name, to] of Object.entries(next)) {
    const from = existing[name] ?? null;
    if ((to ?? null) !== from) diff[name] = { from, to: to ?? null };
  }
  if (!Object.keys(diff).length) return before;
  const set = {
    ...Object.fromEntries(Object.entries(diff).map(([k, v]) => [k, v.to])),
    version: (existing.version as number) + 1,
    updatedAt: nowIso(),
    updatedBy: ctx.actor.userId,
  };
  await writeIfVersion(trx, mod, ctx.org.id, existing, set);
  await auditOrBatch(trx, batch, {
    orgId: ctx.org.id,
    actor: ctx.actor,
    ip: ctx.ip,
    entityType: mod.def.entity,
    entityId: id,
    event: { type: 'record.updated', payload: { ref: existing.ref as string, changes: diff } },
  });
  return presentRecord(mod, { ...existing, ...set });
}

/**
 * Writes a change only over the version it was computed from (`… WHERE version = ?`). The organization's lock
 * (`inOrgTransaction`) already makes writers queue; this keeps a version from ever being skipped or reused if a
 * write path forgets the lock.
 */
async function writeIfVersion(
  trx: Db,
  mod: AnyRegisterModule,
  orgId: string,
  existing: Values,
  set: Values,
): Promise<void> {
  const result = await anyDb(trx)
    .updateTable(mod.def.table)
    .set(set)
    .where('id', '=', existing.id as string)
    .where('orgId', '=', orgId)
    .where('version', '=', existing.version as number)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    throw new ConflictError(
      `${existing.ref} was changed by someone else just now; reload and apply your change again`,
      [{ field: 'body.expectedVersion', message: 'Stale: the record changed while this change was being written' }],
    );
  }
}

export async function archiveRecord(ctx: OrgContext, mod: AnyRegisterModule, id: string): Promise<void> {
  await inOrgTransaction(ctx, async (trx) => {
    const existing = await loadRow(ctx, trx, mod, id);
    if (existing.archivedAt) return;
    if (mod.beforeArchive) await mod.beforeArchive(ctx, trx, presentRecord(mod, existing));
    const now = nowIso();
    await writeIfVersion(trx, mod, ctx.org.id, existing, {
      archivedAt: now,
      updatedAt: now,
      updatedBy: ctx.actor.userId,
      version: (existing.version as number) + 1,
    });
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: mod.def.entity,
      entityId: id,
      event: { type: 'record.archived', payload: { ref: existing.ref as string } },
    });
  });
}
