import type { Db } from '../../db/connect.js';
import { recordAudit } from '../audit/audit.service.js';
import { canonicalJson } from '../audit/canonical-json.js';
import type { OrgContext } from '../context.js';
import { ConflictError } from '../errors.js';
import { newId, nowIso } from '../util/ids.js';
import type { VersionedModule } from './versioned-module.js';
import { inOrgTransaction } from '../transaction.js';
import {
  contentHash,
  emptyContent,
  getVersionIn,
  latestVersion,
  lockRecord,
  syncSummary,
  type Content,
} from './version-store.js';

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
