import type { Db } from '../../db/connect.js';
import { forUpdate } from '../../db/dialect.js';
import { recordAudit } from '../audit/audit.service.js';
import { canonicalJson } from '../audit/canonical-json.js';
import type { OrgContext } from '../context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { getRecord } from '../register/register.service.js';
import { newId, nowIso, sha256Hex } from '../util/ids.js';
import type { ApprovalRule, VersionedModule } from './versioned-module.js';
import { inOrgTransaction } from '../transaction.js';
import { versionStateSchema, type Approval, type Content } from '../../schema/versioning/version-responses.js';
import type { VersionState } from '../../schema/versioning/versioned.js';
import { untypedDb } from '../register/untyped-db.js';

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

function present<T extends { content: string; state: string }>(
  row: T,
): Omit<T, 'content' | 'state'> & { content: Content; state: VersionState } {
  const { content, state, ...rest } = row;
  return { ...rest, state: versionStateSchema.parse(state), content: JSON.parse(content) as Content };
}

async function lockRecord(ctx: OrgContext, trx: Db, vm: VersionedModule, recordId: string) {
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

async function latestVersion(ctx: OrgContext, trx: Db, vm: VersionedModule, recordId: string) {
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
async function syncSummary(ctx: OrgContext, trx: Db, vm: VersionedModule, recordId: string) {
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
async function requiredApprovals(ctx: OrgContext, db: Db, vm: VersionedModule, recordId: string): Promise<number> {
  const rule = vm.approvalRule ? await vm.approvalRule(ctx, db, recordId) : null;
  return rule?.signers.length || (vm.requiredApprovals ?? 1);
}

/** The version to show when none is asked for: the draft in progress, else the latest. */
export async function currentVersionNo(ctx: OrgContext, vm: VersionedModule, recordId: string): Promise<number | null> {
  return (await latestVersion(ctx, ctx.db, vm, recordId))?.versionNo ?? null;
}

export interface DraftInput {
  content: Content;
  stage?: string | null;
  changeNote?: string;
  baseVersion?: number;
  baseContentHash?: string;
}

/**
 * Saves the draft: edits the open draft in place, or starts the next version when the latest is approved (an
 * approved version is never edited). Optimistic checks on the version and content the editor started from stop
 * one person's save from silently overwriting another's.
 */
export async function saveDraft(ctx: OrgContext, vm: VersionedModule, recordId: string, input: DraftInput) {
  return inOrgTransaction(ctx, (trx) => saveDraftIn(ctx, trx, vm, recordId, input));
}

/** `saveDraft` inside the caller's transaction (a document review that opens the next draft does both at once). */
export async function saveDraftIn(ctx: OrgContext, trx: Db, vm: VersionedModule, recordId: string, input: DraftInput) {
  const record = await lockRecord(ctx, trx, vm, recordId);
  if (record.archivedAt) throw new ConflictError(`${record.ref} is archived`);
  const latest = await latestVersion(ctx, trx, vm, recordId);
  if (input.baseVersion !== undefined && latest && input.baseVersion !== latest.versionNo) {
    throw new ConflictError(
      `${record.ref} has a newer version (${latest.versionNo}) than the one you edited (${input.baseVersion}); reload it`,
      [{ field: 'body.baseVersion', message: `Stale: latest is ${latest.versionNo}` }],
    );
  }
  if (input.baseContentHash && latest?.state === 'draft' && latest.contentHash !== input.baseContentHash) {
    throw new ConflictError(
      `Someone saved this draft of ${record.ref} after you opened it; reload it and apply your change again`,
      [{ field: 'body.baseContentHash', message: 'Stale' }],
    );
  }
  if (vm.prepareDraft)
    input = { ...input, content: (await vm.prepareDraft(ctx, trx, recordId, input.content)) as Content };
  const stages = vm.versioned.stages;
  // A new draft keeps the stage it was in (a revision of an approved text starts where that text ended).
  const stage = input.stage !== undefined ? input.stage : latest ? latest.stage : (stages?.[0] ?? null);
  const hash = contentHash(input.content);
  const now = nowIso();
  const previous = latest ? (JSON.parse(latest.content) as Content) : emptyContent(vm);
  const sectionsChanged = vm.versioned.sections
    .map((s) => s.key)
    .filter((k) => canonicalJson(previous[k]) !== canonicalJson(input.content[k]));

  let versionNo: number;
  if (latest?.state === 'draft') {
    versionNo = latest.versionNo;
    if (latest.contentHash === hash && latest.stage === stage && !input.changeNote)
      return getVersionIn(ctx, trx, vm, latest.id);
    await trx
      .updateTable('recordVersions')
      .set({
        content: canonicalJson(input.content),
        contentHash: hash,
        stage,
        changeNote: input.changeNote ?? latest.changeNote,
        updatedAt: now,
        updatedBy: ctx.actor.userId,
      })
      .where('id', '=', latest.id)
      .execute();
  } else {
    versionNo = (latest?.versionNo ?? 0) + 1;
    await trx
      .insertInto('recordVersions')
      .values({
        id: newId(),
        orgId: ctx.org.id,
        entityType: vm.register.def.entity,
        recordId,
        versionNo,
        state: 'draft',
        stage,
        content: canonicalJson(input.content),
        contentHash: hash,
        changeNote: input.changeNote ?? null,
        createdAt: now,
        createdBy: ctx.actor.userId,
        updatedAt: now,
        updatedBy: ctx.actor.userId,
        approvedAt: null,
      })
      .execute();
  }
  await recordAudit(trx, {
    orgId: ctx.org.id,
    actor: ctx.actor,
    ip: ctx.ip,
    entityType: vm.register.def.entity,
    entityId: recordId,
    event: {
      type: 'version.draft_saved',
      payload: {
        ref: record.ref,
        version: versionNo,
        stage,
        contentHash: hash,
        changeNote: input.changeNote ?? null,
        sectionsChanged,
      },
    },
  });
  await syncSummary(ctx, trx, vm, recordId);
  const saved = await trx
    .selectFrom('recordVersions')
    .select('id')
    .where('orgId', '=', ctx.org.id)
    .where('entityType', '=', vm.register.def.entity)
    .where('recordId', '=', recordId)
    .where('versionNo', '=', versionNo)
    .executeTakeFirstOrThrow();
  return getVersionIn(ctx, trx, vm, saved.id);
}

/** A version as `getVersion` shows it, read inside a transaction (a draft has no approvals yet). */
async function getVersionIn(ctx: OrgContext, trx: Db, vm: VersionedModule, versionId: string) {
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

/**
 * Whether a draft has its signatures: with named signers, every one of them (signatures of people no longer
 * named do not count); otherwise `required` signatures.
 */
async function signaturesComplete(trx: Db, versionId: string, rule: ApprovalRule, required: number): Promise<boolean> {
  const rows = await trx.selectFrom('approvals').select('signerId').where('versionId', '=', versionId).execute();
  if (rule.signers.length) return rule.signers.every((id) => rows.some((r) => r.signerId === id));
  return rows.length >= required;
}

/** Makes a fully signed draft the approved version (the one before it superseded), with its audit event. */
async function completeApproval(
  ctx: OrgContext,
  trx: Db,
  vm: VersionedModule,
  ref: string,
  version: { id: string; versionNo: number; contentHash: string; content: string; recordId: string },
) {
  const previous = await trx
    .selectFrom('recordVersions')
    .select(['id', 'versionNo'])
    .where('orgId', '=', ctx.org.id)
    .where('entityType', '=', vm.register.def.entity)
    .where('recordId', '=', version.recordId)
    .where('state', '=', 'approved')
    .executeTakeFirst();
  if (previous)
    await trx.updateTable('recordVersions').set({ state: 'superseded' }).where('id', '=', previous.id).execute();
  await trx
    .updateTable('recordVersions')
    .set({ state: 'approved', approvedAt: nowIso() })
    .where('id', '=', version.id)
    .execute();
  await vm.onApproved?.(ctx, trx, version.recordId, version.versionNo, JSON.parse(version.content) as Content);
  await recordAudit(trx, {
    orgId: ctx.org.id,
    actor: ctx.actor,
    ip: ctx.ip,
    entityType: vm.register.def.entity,
    entityId: version.recordId,
    event: {
      type: 'version.approved',
      payload: {
        ref,
        version: version.versionNo,
        contentHash: version.contentHash,
        supersedes: previous?.versionNo ?? null,
      },
    },
  });
  await syncSummary(ctx, trx, vm, version.recordId);
}

/**
 * After the signers of a record changed (a document's approvers): a draft awaiting approval that now has every
 * signature it needs is approved, in the caller's transaction. Without this, removing the one approver who had not
 * signed would leave the draft waiting for nobody.
 */
export async function settleApproval(
  ctx: OrgContext,
  trx: Db,
  vm: VersionedModule,
  recordId: string,
  ref: string,
): Promise<void> {
  const latest = await latestVersion(ctx, trx, vm, recordId);
  if (!latest || latest.state !== 'draft') return;
  const allowed = vm.versioned.approvableStages;
  if (allowed && !allowed.includes(latest.stage ?? '')) return;
  const rule = vm.approvalRule ? await vm.approvalRule(ctx, trx, recordId) : { signers: [] };
  const signed = await trx.selectFrom('approvals').select('id').where('versionId', '=', latest.id).executeTakeFirst();
  if (!signed || !(await signaturesComplete(trx, latest.id, rule, rule.signers.length || (vm.requiredApprovals ?? 1))))
    return;
  await completeApproval(ctx, trx, vm, ref, latest);
}

export async function approveVersion(
  ctx: OrgContext,
  vm: VersionedModule,
  recordId: string,
  versionNo: number,
  input: { contentHash: string; comment?: string },
) {
  await inOrgTransaction(ctx, async (trx) => {
    const record = await lockRecord(ctx, trx, vm, recordId);
    const version = await trx
      .selectFrom('recordVersions')
      .selectAll()
      .where('orgId', '=', ctx.org.id)
      .where('entityType', '=', vm.register.def.entity)
      .where('recordId', '=', recordId)
      .where('versionNo', '=', versionNo)
      .executeTakeFirst();
    if (!version) throw new NotFoundError(`Version ${versionNo} of ${record.ref}`);
    if (version.state !== 'draft')
      throw new ConflictError(
        `Version ${versionNo} of ${record.ref} is ${version.state}; only a draft can be approved`,
      );
    if (version.contentHash !== input.contentHash) {
      throw new ConflictError(
        `Version ${versionNo} of ${record.ref} changed since you read it; read it again before approving`,
        [{ field: 'body.contentHash', message: 'Does not match the current content' }],
      );
    }
    const allowed = vm.versioned.approvableStages;
    if (allowed && !allowed.includes(version.stage ?? '')) {
      throw new ValidationError(
        [
          {
            field: 'stage',
            message: `Only a draft in stage ${allowed.join(' or ')} can be approved (this one is ${version.stage ?? 'without a stage'})`,
          },
        ],
        `Move the draft to the ${allowed.join(' or ')} stage before approval`,
      );
    }
    const signer = await trx
      .selectFrom('users')
      .select(['id', 'name', 'email'])
      .where('id', '=', ctx.actor.userId ?? '')
      .executeTakeFirst();
    if (!signer) throw new ValidationError([{ field: 'signer', message: 'An approval needs a signed-in person' }]);
    if (vm.fourEyes && version.updatedBy === signer.id)
      throw new ForbiddenError(`You wrote this draft of ${record.ref}; someone else must approve it`);
    const rule = vm.approvalRule ? await vm.approvalRule(ctx, trx, recordId) : { signers: [] };
    if (rule.signers.length && !rule.signers.includes(signer.id)) {
      throw new ForbiddenError(`Only the approvers named on ${record.ref} may approve it`);
    }
    if (rule.roles && !rule.roles.includes(ctx.role))
      throw new ForbiddenError(rule.rolesReason ?? `Only ${rule.roles.join(' or ')} may approve ${record.ref}`);
    const required = rule.signers.length || (vm.requiredApprovals ?? 1);
    const already = await trx
      .selectFrom('approvals')
      .select('id')
      .where('versionId', '=', version.id)
      .where('signerId', '=', signer.id)
      .executeTakeFirst();
    if (already) throw new ConflictError(`You have already approved version ${versionNo} of ${record.ref}`);
    const now = nowIso();
    const meaning = vm.versioned.approvalMeaning;
    await trx
      .insertInto('approvals')
      .values({
        id: newId(),
        orgId: ctx.org.id,
        entityType: vm.register.def.entity,
        recordId,
        versionId: version.id,
        versionNo,
        contentHash: version.contentHash,
        signerId: signer.id,
        signerName: signer.name,
        signerEmail: signer.email,
        signerRole: ctx.role,
        meaning,
        comment: input.comment ?? null,
        signedAt: now,
      })
      .execute();
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: vm.register.def.entity,
      entityId: recordId,
      event: {
        type: 'approval.granted',
        payload: { ref: record.ref, version: versionNo, contentHash: version.contentHash, meaning, role: ctx.role },
      },
    });

    if (!(await signaturesComplete(trx, version.id, rule, required))) {
      await vm.onVersionsChanged?.(ctx, trx, recordId);
      return;
    }
    await completeApproval(ctx, trx, vm, record.ref, version);
  });
  return getVersion(ctx, vm, recordId, versionNo);
}
