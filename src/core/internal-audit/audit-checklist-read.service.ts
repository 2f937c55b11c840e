import type { Db } from '../../db/connect.js';
import {
  FINDING_CONCLUSIONS,
  type ChecklistItem,
  type Conclusion,
} from '../../schema/internal-audit/internal-audit.register.js';
import type { FollowUp, Raised } from '../../schema/internal-audit/audit-follow-up.schema.js';
import { ismsRequirement } from '../../schema/internal-audit/isms-requirements.js';
import type { OrgContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { summarize } from '../links/record-types.js';
import { loadAudit } from './audit-team.service.js';

/** The checklist in order with each item's links: three queries plus one per linked record type. */
export async function listChecklist(ctx: OrgContext, auditId: string, db: Db = ctx.db): Promise<ChecklistItem[]> {
  await loadAudit(ctx, db, auditId);
  return itemsOf(ctx, db, auditId);
}

async function itemsOf(ctx: OrgContext, db: Db, auditId: string, onlyId?: string): Promise<ChecklistItem[]> {
  let q = db
    .selectFrom('auditChecklistItems as i')
    .leftJoin('controls as c', 'c.id', 'i.controlId')
    // the record raised from the item: one of the two registers, in this organization
    .leftJoin('nonconformities as nc', (j) =>
      j.onRef('nc.id', '=', 'i.raisedId').on('i.raisedType', '=', 'nonconformity').on('nc.orgId', '=', ctx.org.id),
    )
    .leftJoin('improvements as imp', (j) =>
      j.onRef('imp.id', '=', 'i.raisedId').on('i.raisedType', '=', 'improvement').on('imp.orgId', '=', ctx.org.id),
    )
    .leftJoin('users as agreed', 'agreed.id', 'i.followUpAgreedBy')
    .select([
      'i.raisedType',
      'i.raisedId',
      'nc.ref as ncRef',
      'imp.ref as impRef',
      'i.followUpCorrection',
      'i.followUpCorrectiveAction',
      'i.followUpDueOn',
      'i.followUpVerification',
      'i.followUpAgreedBy',
      'i.followUpAgreedOn',
      'agreed.name as agreedByName',
      'i.id',
      'i.seq',
      'i.source',
      'i.requirementKey',
      'i.clause',
      'i.controlId',
      'c.ref as controlRef',
      'i.title',
      'i.conclusion',
      'i.notes',
      'i.version',
    ])
    .where('i.orgId', '=', ctx.org.id)
    .where('i.auditId', '=', auditId);
  if (onlyId) q = q.where('i.id', '=', onlyId);
  const items = await q.orderBy('i.seq').execute();
  const links = items.length
    ? await db
        .selectFrom('auditChecklistLinks')
        .selectAll()
        .where('orgId', '=', ctx.org.id)
        .where(
          'itemId',
          'in',
          items.map((i) => i.id),
        )
        .orderBy('id')
        .execute()
    : [];
  const names = await summarize(
    ctx,
    links.map((l) => ({ type: l.targetType, id: l.targetId })),
  );
  return items.map((i) => ({
    id: i.id,
    seq: i.seq,
    requirementKey: i.requirementKey,
    clause: i.clause,
    controlId: i.controlId,
    controlRef: i.controlRef,
    title: i.title,
    notes: i.notes,
    version: i.version,
    raised: raisedOf(i),
    followUp: followUpOf(i),
    source: i.source as ChecklistItem['source'],
    conclusion: i.conclusion as Conclusion,
    clause2013: i.requirementKey ? (ismsRequirement(i.requirementKey)?.clause2013 ?? null) : null,
    links: links
      .filter((l) => l.itemId === i.id)
      .map((l) => {
        const s = names.get(`${l.targetType}:${l.targetId}`);
        return {
          id: l.id,
          kind: l.kind as ChecklistItem['links'][number]['kind'],
          targetType: l.targetType,
          targetId: l.targetId,
          ref: s?.ref ?? '',
          title: s?.title ?? '',
        };
      }),
  }));
}

interface RaisedColumns {
  raisedType: string | null;
  raisedId: string | null;
  ncRef: string | null;
  impRef: string | null;
}
function raisedOf(i: RaisedColumns): Raised | null {
  if (!i.raisedId) return null;
  if (i.raisedType === 'nonconformity') return { type: 'nonconformity', id: i.raisedId, ref: i.ncRef ?? '' };
  if (i.raisedType === 'improvement') return { type: 'improvement', id: i.raisedId, ref: i.impRef ?? '' };
  return null;
}

interface FollowUpColumns {
  followUpCorrection: string | null;
  followUpCorrectiveAction: string | null;
  followUpDueOn: string | null;
  followUpVerification: string | null;
  followUpAgreedBy: string | null;
  followUpAgreedOn: string | null;
  agreedByName: string | null;
}
function followUpOf(i: FollowUpColumns): FollowUp | null {
  if (!i.followUpAgreedBy || !i.followUpAgreedOn) return null;
  return {
    correction: i.followUpCorrection ?? '',
    correctiveAction: i.followUpCorrectiveAction ?? '',
    dueOn: i.followUpDueOn ?? '',
    verification: i.followUpVerification ?? '',
    agreedBy: { id: i.followUpAgreedBy, name: i.agreedByName ?? '' },
    agreedOn: i.followUpAgreedOn,
  };
}

export async function oneItem(ctx: OrgContext, auditId: string, itemId: string): Promise<ChecklistItem> {
  const [item] = await itemsOf(ctx, ctx.db, auditId, itemId);
  if (!item) throw new NotFoundError('The checklist item');
  return item;
}

/** Findings: items concluded other than conforms / not assessed, with counts by clause and by control. */
export async function auditFindings(ctx: OrgContext, auditId: string, db: Db = ctx.db) {
  await loadAudit(ctx, db, auditId);
  const items = (await itemsOf(ctx, db, auditId)).filter((i) => FINDING_CONCLUSIONS.includes(i.conclusion));
  const count = (keys: (string | null)[]) => {
    const m = new Map<string, number>();
    for (const k of keys) if (k) m.set(k, (m.get(k) ?? 0) + 1);
    return [...m];
  };
  return {
    items,
    byClause: count(items.map((i) => i.clause)).map(([clause, n]) => ({ clause, count: n })),
    byControl: count(items.map((i) => i.controlRef)).map(([controlRef, n]) => ({ controlRef, count: n })),
  };
}
