import type { Db } from '../../db/connect.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { assertRecordExists, summarize } from '../links/record-types.js';
import { inOrgTransaction } from '../transaction.js';
import { newId, nowIso } from '../util/ids.js';
import { loadAudit } from './audit-team.service.js';

/** Criteria records are links of this kind from the audit (the generic links routes refuse it: ownedLinkKinds). */
export const CRITERION = 'criterion';
const TYPES = { documents: 'document', requirements: 'requirement' } as const;
const FIELDS = [
  ['documentIds', TYPES.documents],
  ['requirementIds', TYPES.requirements],
] as const;

/** The documents and 4.2 requirements linked as the audit's criteria, by reference (one query per type). */
export async function criteriaRecords(ctx: OrgContext, db: Db, auditId: string) {
  const rows = await db
    .selectFrom('links')
    .select(['toType', 'toId'])
    .where('orgId', '=', ctx.org.id)
    .where('fromType', '=', 'internal_audit')
    .where('fromId', '=', auditId)
    .where('kind', '=', CRITERION)
    .execute();
  const names = await summarize(
    { ...ctx, db },
    rows.map((r) => ({ type: r.toType, id: r.toId })),
  );
  const of = (type: string) =>
    rows
      .filter((r) => r.toType === type)
      .flatMap((r) => {
        const s = names.get(`${type}:${r.toId}`);
        return s ? [{ id: s.id, ref: s.ref, title: s.title }] : [];
      })
      .sort((a, b) => a.ref.localeCompare(b.ref, 'en', { numeric: true }));
  return { documents: of(TYPES.documents), requirements: of(TYPES.requirements) };
}

export async function getCriteria(ctx: OrgContext, auditId: string) {
  await loadAudit(ctx, ctx.db, auditId);
  return criteriaRecords(ctx, ctx.db, auditId);
}

/**
 * Replaces the audit's criteria records (27003 9.2: policies and procedures, legal and contractual requirements of
 * 4.2): every id a record of the organization (400 naming `body.documentIds.N` / `body.requirementIds.N`).
 */
export async function setCriteria(
  ctx: OrgContext,
  auditId: string,
  body: { documentIds: string[]; requirementIds: string[] },
) {
  await inOrgTransaction(ctx, async (trx) => {
    const audit = await loadAudit(ctx, trx, auditId);
    const wanted: { type: string; id: string; ref: string }[] = [];
    for (const [field, type] of FIELDS)
      for (const [i, id] of body[field].entries()) {
        const rec = await assertRecordExists(ctx, trx, type, id, `body.${field}.${i}`);
        if (!wanted.some((w) => w.type === type && w.id === id)) wanted.push({ type, id, ref: rec.ref });
      }
    await trx
      .deleteFrom('links')
      .where('orgId', '=', ctx.org.id)
      .where('fromType', '=', 'internal_audit')
      .where('fromId', '=', auditId)
      .where('kind', '=', CRITERION)
      .execute();
    if (wanted.length)
      await trx
        .insertInto('links')
        .values(
          wanted.map((w) => ({
            id: newId(),
            orgId: ctx.org.id,
            fromType: 'internal_audit',
            fromId: auditId,
            toType: w.type,
            toId: w.id,
            kind: CRITERION,
            createdAt: nowIso(),
            createdBy: ctx.actor.userId,
          })),
        )
        .execute();
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'internal_audit',
      entityId: auditId,
      event: {
        type: 'internal_audit.criteria_set',
        payload: {
          ref: audit.ref,
          documents: wanted.filter((w) => w.type === TYPES.documents).map((w) => w.ref),
          requirements: wanted.filter((w) => w.type === TYPES.requirements).map((w) => w.ref),
        },
      },
    });
  });
  return getCriteria(ctx, auditId);
}
