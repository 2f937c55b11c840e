import type { Db } from '../../db/connect.js';
import { forUpdate } from '../../db/dialect.js';
import { canonicalJson } from '../audit/canonical-json.js';
import type { OrgContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { getRecord } from '../register/register.service.js';
import { sha256Hex } from '../util/ids.js';
import type { VersionedModule } from './versioned-module.js';
import { untypedDb } from '../register/untyped-db.js';
import { versionStateSchema, type Approval, type Content } from '../../schema/versioning/version-responses.js';
import type { VersionState } from '../../schema/versioning/versioned.js';

export type { Content };

export const contentHash = (content: Content): string => sha256Hex(canonicalJson(content));

const anyDb = untypedDb;

export function emptyContent(vm: VersionedModule): Content {
  return vm.versioned.contentSchema.parse({}) as Content;
}

/** The stored state column read as the schema's state (a value outside it is a broken row: it throws). */
const stateOf = <T extends { state: string }>(row: T): Omit<T, 'state'> & { state: VersionState } => ({
  ...row,
  state: versionStateSchema.parse(row.state),
});

export function present<T extends { content: string; state: string }>(
  row: T,
): Omit<T, 'content' | 'state'> & { content: Content; state: VersionState } {
  const { content, state, ...rest } = row;
  return { ...rest, state: versionStateSchema.parse(state), content: JSON.parse(content) as Content };
}

export async function lockRecord(ctx: OrgContext, trx: Db, vm: VersionedModule, recordId: string) {
  let q = anyDb(trx)
    .selectFrom(vm.register.def.table)
    .select(['id', 'ref', 'archivedAt'])
    .where('id', '=', recordId)
    .where('orgId', '=', ctx.org.id);
  // a record the caller may not read is not there for writing either (restricted documents)
  if (vm.register.readScope) q = vm.register.readScope(ctx, q);
  const row = (await forUpdate(trx, q as never).executeTakeFirst()) as
    { id: string; ref: string; archivedAt: string | null } | undefined;
  if (!row) throw new NotFoundError(`The ${vm.register.def.entity}`);
  return row;
}

export async function latestVersion(ctx: OrgContext, trx: Db, vm: VersionedModule, recordId: string) {
  return trx
    .selectFrom('recordVersions')
    .selectAll()
    .where('orgId', '=', ctx.org.id)
    .where('entityType', '=', vm.register.def.entity)
    .where('recordId', '=', recordId)
    .orderBy('versionNo', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Keeps the register row's summary columns (latest version, state, stage, approved version) in step. */
export async function syncSummary(ctx: OrgContext, trx: Db, vm: VersionedModule, recordId: string) {
  const latest = await latestVersion(ctx, trx, vm, recordId);
  const approved = await trx
    .selectFrom('recordVersions')
    .select('versionNo')
    .where('orgId', '=', ctx.org.id)
    .where('entityType', '=', vm.register.def.entity)
    .where('recordId', '=', recordId)
    .where('state', '=', 'approved')
    .executeTakeFirst();
  const fields = vm.register.def.fields;
  const set: Record<string, unknown> = {};
  if (fields.latestVersion) set.latestVersion = latest?.versionNo ?? null;
  if (fields.latestState) set.latestState = latest?.state ?? null;
  if (fields.stage) set.stage = latest?.stage ?? null;
  if (fields.approvedVersion) set.approvedVersion = approved?.versionNo ?? null;
  if (Object.keys(set).length)
    await anyDb(trx)
      .updateTable(vm.register.def.table)
      .set(set)
      .where('id', '=', recordId)
      .where('orgId', '=', ctx.org.id)
      .execute();
  await vm.onVersionsChanged?.(ctx, trx, recordId);
}

export async function listVersions(ctx: OrgContext, vm: VersionedModule, recordId: string) {
  await getRecord(ctx, vm.register, recordId);
  const rows = await ctx.db
    .selectFrom('recordVersions')
    .select([
      'id',
      'versionNo',
      'state',
      'stage',
      'contentHash',
      'changeNote',
      'createdAt',
      'createdBy',
      'updatedAt',
      'updatedBy',
      'approvedAt',
    ])
    .where('orgId', '=', ctx.org.id)
    .where('entityType', '=', vm.register.def.entity)
    .where('recordId', '=', recordId)
    .orderBy('versionNo', 'desc')
    .execute();
  return { items: rows.map(stateOf) };
}

export async function getVersion(ctx: OrgContext, vm: VersionedModule, recordId: string, versionNo: number) {
  await getRecord(ctx, vm.register, recordId);
  const row = await ctx.db
    .selectFrom('recordVersions')
    .selectAll()
    .where('orgId', '=', ctx.org.id)
    .where('entityType', '=', vm.register.def.entity)
    .where('recordId', '=', recordId)
    .where('versionNo', '=', versionNo)
    .executeTakeFirst();
  if (!row) throw new NotFoundError(`Version ${versionNo}`);
  const approvals = await ctx.db
    .selectFrom('approvals')
    .select([
      'id',
      'signerId',
      'signerName',
      'signerEmail',
      'signerRole',
      'meaning',
      'comment',
      'signedAt',
      'contentHash',
    ])
    .where('versionId', '=', row.id)
    .where('orgId', '=', ctx.org.id)
    .orderBy('signedAt')
    .execute();
  const { orgId: _o, entityType: _e, ...rest } = row;
  return { ...present(rest), approvals, requiredApprovals: await requiredApprovals(ctx, ctx.db, vm, recordId) };
}

/** How many signatures make a version approved: every named approver, else the module's number. */
export async function requiredApprovals(
  ctx: OrgContext,
  db: Db,
  vm: VersionedModule,
  recordId: string,
): Promise<number> {
  const rule = vm.approvalRule ? await vm.approvalRule(ctx, db, recordId) : null;
  return rule?.signers.length || rule?.required || (vm.requiredApprovals ?? 1);
}

/** The version to show when none is asked for: the draft in progress, else the latest. */
export async function currentVersionNo(ctx: OrgContext, vm: VersionedModule, recordId: string): Promise<number | null> {
  return (await latestVersion(ctx, ctx.db, vm, recordId))?.versionNo ?? null;
}

/** A version as `getVersion` shows it, read inside a transaction (a draft has no approvals yet). */
export async function getVersionIn(ctx: OrgContext, trx: Db, vm: VersionedModule, versionId: string) {
  const row = await trx
    .selectFrom('recordVersions')
    .selectAll()
    .where('id', '=', versionId)
    .where('orgId', '=', ctx.org.id)
    .executeTakeFirstOrThrow();
  const { orgId: _o, entityType: _e, ...rest } = row;
  return {
    ...present(rest),
    approvals: [] as Approval[],
    requiredApprovals: await requiredApprovals(ctx, trx, vm, row.recordId),
  };
}
