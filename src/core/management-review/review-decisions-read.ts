import type { Db } from '../../db/connect.js';
import type { z } from 'zod';
import { reviewDecisionSnapshotSchema } from '../../schema/management-review/management-review.register.js';
import type { OrgContext } from '../context.js';
import { untypedDb } from '../register/untyped-db.js';
import { actionsOfDecisions } from './decision-status.service.js';

export type DecisionSnapshot = z.infer<typeof reviewDecisionSnapshotSchema>;

/** The columns read for a decision with its review, owner and target. */
export interface DecisionRow {
  id: string;
  ref: string;
  reviewRef: string;
  input: string;
  kind: string;
  statement: string;
  owner: string | null;
  dueDate: string | null;
  status: string;
  targetEntity: string | null;
  targetId: string | null;
  targetVersion: number | null;
}

/** Decisions (with their review's ref and owner's name), of one review or of a set of reviews. */
export function decisionsQuery(ctx: OrgContext, db: Db) {
  return db
    .selectFrom('managementReviewDecisions as d')
    .innerJoin('managementReviews as r', 'r.id', 'd.reviewId')
    .leftJoin('users as u', 'u.id', 'd.ownerId')
    .select([
      'd.id',
      'd.ref',
      'r.ref as reviewRef',
      'd.input',
      'd.kind',
      'd.statement',
      'u.name as owner',
      'd.dueDate',
      'd.status',
      'd.targetEntity',
      'd.targetId',
      'd.targetVersion',
    ])
    .where('d.orgId', '=', ctx.org.id)
    .where('r.orgId', '=', ctx.org.id)
    .where('d.archivedAt', 'is', null);
}

/** The refs of the records whose drafts decisions opened, and whether that version is approved (one query per type). */
async function drafts(ctx: OrgContext, db: Db, rows: readonly DecisionRow[]) {
  const out = new Map<string, { entity: string; ref: string; versionNo: number; state: string }>();
  const byType = new Map<string, DecisionRow[]>();
  for (const r of rows)
    if (r.targetEntity && r.targetId && r.targetVersion !== null)
      byType.set(r.targetEntity, [...(byType.get(r.targetEntity) ?? []), r]);
  for (const [type, list] of byType) {
    const mod = ctx.registers.byEntity(type);
    if (!mod) continue;
    const ids = [...new Set(list.map((r) => r.targetId ?? ''))];
    const refs = await untypedDb(db)
      .selectFrom(mod.def.table)
      .select(['id', 'ref'])
      .where('orgId', '=', ctx.org.id)
      .where('id', 'in', ids)
      .execute();
    const versions = await db
      .selectFrom('recordVersions')
      .select(['recordId', 'versionNo', 'state'])
      .where('orgId', '=', ctx.org.id)
      .where('entityType', '=', type)
      .where('recordId', 'in', ids)
      .execute();
    for (const r of list) {
      const ref: unknown = refs.find((x) => x.id === r.targetId)?.ref;
      const v = versions.find((x) => x.recordId === r.targetId && x.versionNo === r.targetVersion);
      if (typeof ref === 'string' && r.targetVersion !== null)
        out.set(r.id, { entity: type, ref, versionNo: r.targetVersion, state: v?.state ?? 'draft' });
    }
  }
  return out;
}

/** Decisions as the minutes and input (a) show them: with their tracker actions and the draft they opened. */
export async function decisionSnapshots(ctx: OrgContext, db: Db, rows: readonly DecisionRow[]) {
  const actions = await actionsOfDecisions(
    ctx,
    db,
    rows.map((r) => r.id),
  );
  const opened = await drafts(ctx, db, rows);
  return rows.map((r) => {
    const draft = opened.get(r.id);
    return {
      row: r,
      draftState: draft?.state ?? null,
      // parsed, not asserted: a stored value outside the enums is a broken row and throws here
      snapshot: reviewDecisionSnapshotSchema.parse({
        ref: r.ref,
        input: r.input,
        kind: r.kind,
        statement: r.statement,
        owner: r.owner,
        dueDate: r.dueDate,
        status: r.status,
        actions: actions
          .filter((a) => a.sourceId === r.id)
          .map((a) => ({ ref: a.ref, title: a.title, status: a.status, dueDate: a.dueDate })),
        draft: draft ? { entity: draft.entity, ref: draft.ref, versionNo: draft.versionNo } : null,
      }),
    };
  });
}
