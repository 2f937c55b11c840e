import type { Db } from '../../db/connect.js';
import type { FieldError } from '../../schema/common/problem.js';
import type { FollowUpInput, Raised } from '../../schema/internal-audit/audit-follow-up.schema.js';
import type { RaiseFindingBody } from '../../schema/internal-audit/audit-raise.schema.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { ConflictError, ForbiddenError, ValidationError } from '../errors.js';
import { raiseImprovement } from '../improvement/raise-improvement.js';
import { raiseNonconformity } from '../improvement/raise-nonconformity.js';
import { inOrgTransaction } from '../transaction.js';
import { nowIso, todayIso } from '../util/ids.js';
import { oneItem } from './audit-checklist-read.service.js';
import { loadItem } from './audit-checklist.service.js';
import { loadAudit } from './audit-team.service.js';

type Item = Awaited<ReturnType<typeof loadItem>>;
type Audit = Awaited<ReturnType<typeof loadAudit>>;

const GRADES = { major_nc: 'major', minor_nc: 'minor' } as const;
const IMPROVEMENT_SOURCES = { observation: 'audit_observation', ofi: 'audit_ofi' } as const;
const isNc = (c: string): c is keyof typeof GRADES => c in GRADES;
const isImprovement = (c: string): c is keyof typeof IMPROVEMENT_SOURCES => c in IMPROVEMENT_SOURCES;

/** A register title holds 200 characters; a checklist item's (a requirement's wording) may hold more. */
const titleOf = (body: RaiseFindingBody, item: Item) =>
  body.title ?? (item.title.length > 200 ? `${item.title.slice(0, 199)}…` : item.title);

/** The state of the audit and the item that make a raise possible at all (409 naming what is in the way). */
function checkRaisable(audit: Audit, item: Item) {
  if (audit.status === 'completed' || audit.status === 'cancelled')
    throw new ConflictError(`${audit.ref} is ${audit.status}: findings are raised while the audit is open`, [
      { field: 'audit.status', message: `The audit is ${audit.status}` },
    ]);
  if (!isNc(item.conclusion) && !isImprovement(item.conclusion))
    throw new ConflictError(
      `The item “${item.title}” is concluded ${item.conclusion}: only a finding (major or minor nonconformity, observation, opportunity for improvement) is raised`,
      [{ field: 'item.conclusion', message: `Concluded ${item.conclusion}, not a finding` }],
    );
}

/** Who may raise, and with what: the lead auditor agrees an NC's plan; an improvement is the team's or a manager's. */
async function checkCaller(ctx: OrgContext, trx: Db, audit: Audit, item: Item, body: RaiseFindingBody) {
  const errors: FieldError[] = [];
  if (!ctx.actor.userId) throw new ForbiddenError('A finding is raised by a person of the audit team');
  if (isNc(item.conclusion)) {
    if (audit.leadAuditorId !== ctx.actor.userId)
      throw new ForbiddenError(
        `Only the lead auditor of ${audit.ref} raises a nonconformity from its findings: they agree its follow-up plan (ISO/IEC 27003 9.2)`,
      );
    if (!body.ownerId)
      errors.push({ field: 'body.ownerId', message: 'Name the member responsible for it (usually the auditee)' });
    if (!body.followUp)
      errors.push({ field: 'body.followUp', message: 'The follow-up plan agreed with the lead auditor is required' });
    else if (body.followUp.dueOn < todayIso())
      errors.push({ field: 'body.followUp.dueOn', message: 'The corrective action is due today or later' });
  } else {
    const inTeam = await trx
      .selectFrom('auditTeam')
      .select('userId')
      .where('orgId', '=', ctx.org.id)
      .where('auditId', '=', audit.id)
      .where('userId', '=', ctx.actor.userId)
      .executeTakeFirst();
    const manager = ctx.role === 'admin' || ctx.role === 'isms_manager';
    if (!inTeam && audit.leadAuditorId !== ctx.actor.userId && !manager)
      throw new ForbiddenError(
        `Only a member of the audit team of ${audit.ref} or an ISMS manager records its findings as improvements`,
      );
    if (body.followUp)
      errors.push({ field: 'body.followUp', message: 'A follow-up plan belongs to a nonconformity finding only' });
  }
  if (body.ownerId) {
    const member = await trx
      .selectFrom('memberships')
      .select('userId')
      .where('orgId', '=', ctx.org.id)
      .where('userId', '=', body.ownerId)
      .executeTakeFirst();
    if (!member) errors.push({ field: 'body.ownerId', message: 'Not a member of this organization' });
  }
  if (errors.length) throw new ValidationError(errors);
}

/** Why a claim on the item failed: raised meanwhile (named), or changed since the caller read it. */
async function claimRefused(ctx: OrgContext, trx: Db, audit: Audit, itemId: string) {
  const now = await loadItem(ctx, trx, audit.id, itemId);
  if (now.raisedId) {
    const item = await oneItem({ ...ctx, db: trx }, audit.id, itemId);
    const ref = item.raised?.ref ?? now.raisedId;
    return new ConflictError(`This finding is already raised as ${ref}`, [
      { field: 'item.raised', message: `Raised as ${ref}` },
    ]);
  }
  return new ConflictError('The item changed since you read it; reload it and try again', [
    { field: 'body.expectedVersion', message: `The item is at version ${now.version}` },
  ]);
}

/** What the nonconformity says about the finding: the auditor's notes and the plan agreed (27003 9.2 i, k). */
function ncDescription(item: Item, followUp: FollowUpInput) {
  return [
    item.notes ?? '',
    `Follow-up plan agreed with the lead auditor — correction: ${followUp.correction}; corrective action: ${followUp.correctiveAction} (due ${followUp.dueOn}); verification: ${followUp.verification}`,
  ]
    .filter(Boolean)
    .join('\n\n')
    .slice(0, 8000);
}

/**
 * Raises a finding in one step (27001 9.2, 10.2; 27003 9.2 i–l): a major or minor nonconformity finding becomes a
 * nonconformity (source internal_audit, graded, its requirement, the item's control, evidence, samples and objects
 * audited as links, found by the caller today, owned by `ownerId`) with the follow-up plan agreed by the lead
 * auditor recorded on the finding; an observation or opportunity becomes an improvement. One transaction with the
 * audit events. The item is claimed first (`UPDATE … WHERE version = ? AND raised_type IS NULL`), so of twenty
 * raises at once one creates the record and the others answer 409 naming it.
 */
export async function raiseFinding(ctx: OrgContext, auditId: string, itemId: string, body: RaiseFindingBody) {
  const raised = await inOrgTransaction(ctx, async (trx) => {
    const audit = await loadAudit(ctx, trx, auditId);
    const item = await loadItem(ctx, trx, auditId, itemId);
    if (item.raisedId) throw await claimRefused(ctx, trx, audit, itemId);
    checkRaisable(audit, item);
    await checkCaller(ctx, trx, audit, item, body);
    const kind: Raised['type'] = isNc(item.conclusion) ? 'nonconformity' : 'improvement';
    const claim = await trx
      .updateTable('auditChecklistItems')
      .set({ raisedType: kind, version: item.version + 1, updatedAt: nowIso(), updatedBy: ctx.actor.userId })
      .where('orgId', '=', ctx.org.id)
      .where('id', '=', itemId)
      .where('version', '=', body.expectedVersion)
      .where('raisedType', 'is', null)
      .executeTakeFirst();
    if (Number(claim.numUpdatedRows) !== 1) throw await claimRefused(ctx, trx, audit, itemId);

    const itemLinks = await trx
      .selectFrom('auditChecklistLinks')
      .select(['targetType as type', 'targetId as id'])
      .where('orgId', '=', ctx.org.id)
      .where('itemId', '=', itemId)
      .orderBy('id')
      .execute();
    const links = [...(item.controlId ? [{ type: 'control', id: item.controlId }] : []), ...itemLinks];
    const title = titleOf(body, item);
    const created =
      isNc(item.conclusion) && body.followUp
        ? await raiseNonconformity(ctx, trx, {
            source: 'internal_audit',
            sourceType: 'internal_audit',
            sourceId: audit.id,
            title,
            description: ncDescription(item, body.followUp),
            ...(item.requirementKey ? { requirementKey: item.requirementKey } : {}),
            grade: GRADES[item.conclusion],
            ...(ctx.actor.userId ? { foundBy: ctx.actor.userId } : {}),
            foundOn: todayIso(),
            ...(body.ownerId ? { ownerId: body.ownerId } : {}),
            dueDate: body.followUp.dueOn,
            links,
          })
        : await raiseImprovement(ctx, trx, {
            source: isImprovement(item.conclusion) ? IMPROVEMENT_SOURCES[item.conclusion] : 'other',
            sourceType: 'internal_audit',
            sourceId: audit.id,
            title,
            description: item.notes,
            ownerId: body.ownerId ?? null,
            links,
          });
    const f = kind === 'nonconformity' ? body.followUp : undefined;
    await trx
      .updateTable('auditChecklistItems')
      .set({
        raisedId: created.id,
        ...(f
          ? {
              followUpCorrection: f.correction,
              followUpCorrectiveAction: f.correctiveAction,
              followUpDueOn: f.dueOn,
              followUpVerification: f.verification,
              followUpAgreedBy: ctx.actor.userId,
              followUpAgreedOn: todayIso(),
            }
          : {}),
      })
      .where('orgId', '=', ctx.org.id)
      .where('id', '=', itemId)
      .execute();
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'internal_audit',
      entityId: audit.id,
      event: {
        type: 'internal_audit.finding_raised',
        payload: { ref: audit.ref, itemId, kind, raisedRef: created.ref, ...(f ? { followUp: f } : {}) },
      },
    });
    return { kind, id: created.id, ref: created.ref };
  });
  return { ...raised, item: await oneItem(ctx, auditId, itemId) };
}
