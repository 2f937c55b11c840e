import { forUpdate } from '../../db/dialect.js';
import { can } from '../../schema/auth/permissions.js';
import {
  REVIEW_DECISION_ENTITY,
  type openDraftBodySchema,
} from '../../schema/management-review/management-review.register.js';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import { inOrgTransaction } from '../transaction.js';
import { nowIso } from '../util/ids.js';
import { saveDraftIn } from '../versioning/version-drafts.service.js';
import { emptyContent, latestVersion, lockRecord, type Content } from '../versioning/version-store.js';
import type { VersionedModule } from '../versioning/versioned-module.js';
import { refreshDecisionStatus } from './decision-status.service.js';

type OpenDraftBody = z.infer<typeof openDraftBodySchema>;

/**
 * A decision opens the next draft of the document it changes (27003 9.3: outputs on policy, risk criteria, the
 * treatment plan or SoA…): from the latest version's content, or the draft already open (linked, `created: false`).
 * The caller needs the target's update permission as well as the decision's. The decision is done once that
 * version is approved (decision-status.service.ts). `versioned`: the product's versioned modules, by entity.
 */
export async function openDecisionDraft(
  ctx: OrgContext,
  versioned: (entity: string) => VersionedModule | undefined,
  decisionId: string,
  body: OpenDraftBody,
) {
  const vm = versioned(body.entity);
  if (!vm) throw new NotFoundError(`The ${body.entity}`);
  if (!can(ctx.role, `${body.entity}.update`))
    throw new ForbiddenError(`Opening a draft of a ${body.entity} needs ${body.entity}.update`);
  return inOrgTransaction(ctx, async (trx) => {
    const q = trx
      .selectFrom('managementReviewDecisions')
      .select(['id', 'ref', 'kind', 'version', 'targetEntity', 'targetId'])
      .where('orgId', '=', ctx.org.id)
      .where('id', '=', decisionId)
      .where('archivedAt', 'is', null);
    if (!(await q.executeTakeFirst())) throw new NotFoundError('The management review decision');
    // the target first, then the decision: the order an approval of the target takes them in (no deadlock)
    const target = await lockRecord(ctx, trx, vm, body.id);
    const decision = await forUpdate(trx, q).executeTakeFirst();
    if (!decision) throw new NotFoundError('The management review decision');
    if (decision.kind === 'no_action')
      throw new ConflictError(`${decision.ref} records that no action is needed: it opens no draft`, [
        { field: 'body.entity', message: 'A "no action needed" decision opens no draft' },
      ]);
    if (decision.targetId && (decision.targetId !== body.id || decision.targetEntity !== body.entity))
      throw new ConflictError(`${decision.ref} has opened a draft of another record already`, [
        { field: 'body.id', message: `Already linked to a ${decision.targetEntity ?? 'record'}` },
      ]);
    if (target.archivedAt)
      throw new ConflictError(`${target.ref} is archived`, [
        { field: 'body.id', message: `${target.ref} is archived` },
      ]);
    const latest = await latestVersion(ctx, trx, vm, body.id);
    let versionNo: number;
    let created: boolean;
    if (latest?.state === 'draft') {
      versionNo = latest.versionNo;
      created = false;
    } else {
      const content = latest ? (JSON.parse(latest.content) as Content) : emptyContent(vm);
      const draft = await saveDraftIn(ctx, trx, vm, body.id, {
        content,
        changeNote: `Opened by management review decision ${decision.ref}`,
      });
      versionNo = draft.versionNo;
      created = true;
    }
    await trx
      .updateTable('managementReviewDecisions')
      .set({
        targetEntity: body.entity,
        targetId: body.id,
        targetVersion: versionNo,
        version: decision.version + 1,
        updatedAt: nowIso(),
        updatedBy: ctx.actor.userId,
      })
      .where('orgId', '=', ctx.org.id)
      .where('id', '=', decision.id)
      .execute();
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: REVIEW_DECISION_ENTITY,
      entityId: decision.id,
      event: {
        type: 'management_review_decision.draft_opened',
        payload: { ref: decision.ref, targetEntity: body.entity, targetRef: target.ref, versionNo, created },
      },
    });
    await refreshDecisionStatus(ctx, trx, decision.id);
    return { entity: body.entity, id: body.id, ref: target.ref, versionNo, created };
  });
}
