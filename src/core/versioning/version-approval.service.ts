import type { Db } from '../../db/connect.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { newId, nowIso } from '../util/ids.js';
import type { ApprovalRule, VersionedModule } from './versioned-module.js';
import { inOrgTransaction } from '../transaction.js';
import { getVersion, latestVersion, lockRecord, syncSummary, type Content } from './version-store.js';
import { refreshDecisionsForTarget } from '../management-review/decision-status.service.js';

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
  // a management review decision that opened this draft is carried out once it is approved (same transaction)
  await refreshDecisionsForTarget(ctx, trx, vm.register.def.entity, version.recordId);
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
