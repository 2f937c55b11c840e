import { z } from 'zod';
import type { Db } from '../../db/connect.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { auditPlanSchema } from '../../schema/internal-audit/audit-programme.register.js';
import { type addItemBodySchema, type itemPatchSchema } from '../../schema/internal-audit/internal-audit.register.js';
import { ISMS_REQUIREMENTS, ismsRequirement } from '../../schema/internal-audit/isms-requirements.js';
import { parseClauses } from '../../schema/leadership/isms-clauses.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';

import { listChecklist, oneItem } from './audit-checklist-read.service.js';
import { inOrgTransaction } from '../transaction.js';
import { newId, nowIso } from '../util/ids.js';
import { clauseCovers } from './audit-coverage.service.js';
import { auditorsOf, loadAudit } from './audit-team.service.js';
import { findConflicts, settleConflicts } from './independence.service.js';

type Exception = { justification: string } | undefined;

/** The checklist is written while the audit is open (not completed or cancelled). */
export async function openAudit(ctx: OrgContext, trx: Db, auditId: string) {
  const audit = await loadAudit(ctx, trx, auditId);
  if (audit.status === 'completed' || audit.status === 'cancelled')
    throw new ConflictError(`${audit.ref} is ${audit.status}; its checklist no longer changes`);
  return audit;
}

async function nextSeq(ctx: OrgContext, trx: Db, auditId: string): Promise<number> {
  const row = await trx
    .selectFrom('auditChecklistItems')
    .select((eb) => eb.fn.max('seq').as('top'))
    .where('orgId', '=', ctx.org.id)
    .where('auditId', '=', auditId)
    .executeTakeFirst();
  return Number(row?.top ?? 0) + 1;
}

/** Key controls of the current programme (its approved version, else its latest). */
async function keyControlIds(ctx: OrgContext, trx: Db): Promise<string[]> {
  const p = await trx
    .selectFrom('auditProgrammes')
    .select(['id', 'approvedVersion', 'latestVersion'])
    .where('orgId', '=', ctx.org.id)
    .where('archivedAt', 'is', null)
    .executeTakeFirst();
  const no = p?.approvedVersion ?? p?.latestVersion;
  if (!p || !no) return [];
  const v = await trx
    .selectFrom('recordVersions')
    .select('content')
    .where('orgId', '=', ctx.org.id)
    .where('entityType', '=', 'audit_programme')
    .where('recordId', '=', p.id)
    .where('versionNo', '=', no)
    .executeTakeFirst();
  const plan = auditPlanSchema.safeParse(v ? (JSON.parse(v.content) as { plan?: unknown }).plan : undefined);
  return plan.success ? plan.data.keyControlIds : [];
}

/**
 * Generates the checklist from the criteria (9.2.1): every requirement of the clauses in scope, every applicable
 * control when the SoA is a criterion, the programme's key controls always. Items already there are kept (with
 * their conclusions); running it again adds only what the criteria gained. A control an auditor owns needs a
 * justification (`independenceException`), recorded on the audit.
 */
export async function generateChecklist(ctx: OrgContext, auditId: string, exception: Exception) {
  const added = await inOrgTransaction(ctx, async (trx) => {
    const audit = await openAudit(ctx, trx, auditId);
    const clauses = parseClauses(audit.clauses ?? '').clauses;
    const requirements = ISMS_REQUIREMENTS.filter((q) => clauses.some((c) => clauseCovers(c, q.clause)));
    const keys = new Set(await keyControlIds(ctx, trx));
    const controls =
      audit.soaCriterion || keys.size
        ? await trx
            .selectFrom('controls')
            .select(['id', 'ref', 'title'])
            .where('orgId', '=', ctx.org.id)
            .where('archivedAt', 'is', null)
            .where((eb) =>
              audit.soaCriterion
                ? eb.or([eb('applicability', '=', 'applicable'), ...(keys.size ? [eb('id', 'in', [...keys])] : [])])
                : eb('id', 'in', [...keys]),
            )
            .orderBy('sortKey')
            .execute()
        : [];
    const existing = await trx
      .selectFrom('auditChecklistItems')
      .select(['requirementKey', 'controlId'])
      .where('orgId', '=', ctx.org.id)
      .where('auditId', '=', auditId)
      .execute();
    const haveReq = new Set(existing.map((e) => e.requirementKey).filter(Boolean));
    const haveCtl = new Set(existing.map((e) => e.controlId).filter(Boolean));
    const newControls = controls.filter((c) => !haveCtl.has(c.id));
    const conflicts = await findConflicts(
      ctx,
      trx,
      await auditorsOf(ctx, trx, audit),
      newControls.map((c) => ({ type: 'control', id: c.id })),
    );
    await settleConflicts(ctx, trx, audit, 'body.independenceException', conflicts, exception);
    let seq = await nextSeq(ctx, trx, auditId);
    const now = nowIso();
    const base = { orgId: ctx.org.id, auditId, conclusion: 'not_assessed', notes: null, version: 1, updatedAt: now };
    const rows = [
      ...requirements
        .filter((q) => !haveReq.has(q.key))
        .map((q) => ({
          ...base,
          source: 'requirement',
          requirementKey: q.key,
          clause: q.clause,
          controlId: null,
          title: q.text,
        })),
      ...[...newControls.filter((c) => keys.has(c.id)), ...newControls.filter((c) => !keys.has(c.id))].map((c) => ({
        ...base,
        source: keys.has(c.id) ? 'key_control' : 'control',
        requirementKey: null,
        clause: null,
        controlId: c.id,
        title: `${c.ref} ${c.title}`,
      })),
    ].map((r) => ({ ...r, id: newId(), seq: seq++, updatedBy: ctx.actor.userId }));
    for (let i = 0; i < rows.length; i += 200)
      await trx
        .insertInto('auditChecklistItems')
        .values(rows.slice(i, i + 200))
        .execute();
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'internal_audit',
      entityId: auditId,
      event: { type: 'internal_audit.checklist_generated', payload: { ref: audit.ref, added: rows.length } },
    });
    return rows.length;
  });
  return { added, items: await listChecklist(ctx, auditId) };
}

/** An item the auditor adds (a requirement of another clause, a control, or anything sampled). */
export async function addChecklistItem(ctx: OrgContext, auditId: string, body: z.infer<typeof addItemBodySchema>) {
  const id = await inOrgTransaction(ctx, async (trx) => {
    const audit = await openAudit(ctx, trx, auditId);
    if (body.controlId) {
      const control = await trx
        .selectFrom('controls')
        .select('id')
        .where('orgId', '=', ctx.org.id)
        .where('id', '=', body.controlId)
        .where('archivedAt', 'is', null)
        .executeTakeFirst();
      if (!control)
        throw new ValidationError([{ field: 'body.controlId', message: 'No current control with this id' }]);
      const conflicts = await findConflicts(ctx, trx, await auditorsOf(ctx, trx, audit), [
        { type: 'control', id: control.id },
      ]);
      await settleConflicts(ctx, trx, audit, 'body.controlId', conflicts, undefined);
    }
    const itemId = newId();
    try {
      await trx
        .insertInto('auditChecklistItems')
        .values({
          id: itemId,
          orgId: ctx.org.id,
          auditId,
          seq: await nextSeq(ctx, trx, auditId),
          source: 'added',
          requirementKey: body.requirementKey ?? null,
          clause: body.requirementKey ? (ismsRequirement(body.requirementKey)?.clause ?? null) : null,
          controlId: body.controlId ?? null,
          title: body.title,
          conclusion: 'not_assessed',
          notes: null,
          version: 1,
          updatedAt: nowIso(),
          updatedBy: ctx.actor.userId,
        })
        .execute();
    } catch (err) {
      if (isUniqueViolation(err))
        throw new ConflictError('The checklist already has an item for this requirement or control', [
          {
            field: body.requirementKey ? 'body.requirementKey' : 'body.controlId',
            message: 'Already on the checklist',
          },
        ]);
      throw err;
    }
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'internal_audit',
      entityId: auditId,
      event: { type: 'internal_audit.checklist_item_added', payload: { ref: audit.ref, itemId, title: body.title } },
    });
    return itemId;
  });
  return oneItem(ctx, auditId, id);
}

export async function loadItem(ctx: OrgContext, trx: Db, auditId: string, itemId: string) {
  const item = await trx
    .selectFrom('auditChecklistItems')
    .selectAll()
    .where('orgId', '=', ctx.org.id)
    .where('auditId', '=', auditId)
    .where('id', '=', itemId)
    .executeTakeFirst();
  if (!item) throw new NotFoundError('The checklist item');
  return item;
}

/** A conclusion and notes, on the version the auditor read (two auditors at once: one wins, the other 409). */
export async function updateChecklistItem(
  ctx: OrgContext,
  auditId: string,
  itemId: string,
  body: z.infer<typeof itemPatchSchema>,
) {
  await inOrgTransaction(ctx, async (trx) => {
    const audit = await openAudit(ctx, trx, auditId);
    const item = await loadItem(ctx, trx, auditId, itemId);
    const { expectedVersion, ...changes } = body;
    const res = await trx
      .updateTable('auditChecklistItems')
      .set({ ...changes, version: item.version + 1, updatedAt: nowIso(), updatedBy: ctx.actor.userId })
      .where('orgId', '=', ctx.org.id)
      .where('id', '=', itemId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1)
      throw new ConflictError('The item changed since you read it; reload it and try again', [
        { field: 'body.expectedVersion', message: `The item is at version ${item.version}` },
      ]);
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'internal_audit',
      entityId: auditId,
      event: { type: 'internal_audit.checklist_item_updated', payload: { ref: audit.ref, itemId, changes } },
    });
  });
  return oneItem(ctx, auditId, itemId);
}
