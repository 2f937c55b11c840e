import type { Db } from '../../db/connect.js';
import type { Methodology } from '../../schema/risks/methodology.schema.js';
import type { RescorePreview, RescoreStanding, RiskMove } from '../../schema/risks/risks.responses.js';
import { recordAuditBatch, type AuditInput } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { newId, nowIso } from '../util/ids.js';
import { carryLevel, evaluateRisk, isAnalysed, type RiskAnalysis, type RiskEvaluation } from './risk-evaluation.js';
import { labelIn } from './level-labels.js';
import { methodologyOfVersion, methodologyRecord } from './methodology.service.js';

export interface RescorePlan extends RescorePreview {
  /** risks whose stored values change (analysis carried and/or evaluation) */
  updates: {
    id: string;
    ref: string;
    set: Partial<RiskAnalysis> & RiskEvaluation;
    changes: Record<string, { from: unknown; to: unknown }>;
  }[];
}

const LEVEL_FIELDS = {
  likelihood: 'likelihood',
  consequence: 'consequence',
  consequenceC: 'consequence',
  consequenceI: 'consequence',
  consequenceA: 'consequence',
} as const;

/**
 * Re-evaluates every current analysed risk with `next` (version `toVersion`), without writing. Level numbers are
 * carried to the new scales by relative position when a scale changes size (see carryLevel).
 */
export async function planRescore(
  ctx: OrgContext,
  db: Db,
  recordId: string,
  next: Methodology,
  toVersion: number,
): Promise<RescorePlan> {
  const risks = await db
    .selectFrom('risks')
    .select([
      'id',
      'ref',
      'title',
      'likelihood',
      'consequence',
      'consequenceC',
      'consequenceI',
      'consequenceA',
      'priorityOverride',
      'consequenceLevel',
      'score',
      'level',
      'levelRank',
      'acceptable',
      'priority',
      'methodologyVersion',
    ])
    .where('orgId', '=', ctx.org.id)
    .where('archivedAt', 'is', null)
    .orderBy('ref')
    .execute();
  // The scales each risk's level numbers were recorded on: the version it was last evaluated with.
  const versions = [...new Set(risks.map((r) => r.methodologyVersion).filter((v): v is number => v !== null))];
  const old = new Map<number, Methodology>();
  for (const v of versions) {
    const m = await methodologyOfVersion(ctx, db, recordId, v);
    if (m) old.set(v, m.methodology);
  }
  const fromVersion = versions.length ? Math.max(...versions) : null;

  const plan: RescorePlan = { fromVersion, toVersion, total: 0, changed: 0, crossed: 0, moves: [], updates: [] };
  for (const r of risks) {
    const analysis: RiskAnalysis = {
      likelihood: r.likelihood,
      consequence: r.consequence,
      consequenceC: r.consequenceC,
      consequenceI: r.consequenceI,
      consequenceA: r.consequenceA,
      priorityOverride: r.priorityOverride,
    };
    if (!isAnalysed(analysis)) continue;
    plan.total++;
    const prev = r.methodologyVersion !== null ? old.get(r.methodologyVersion) : undefined;
    const carried: RiskMove['carried'] = [];
    const carriedAnalysis = { ...analysis };
    if (prev) {
      for (const [field, scale] of Object.entries(LEVEL_FIELDS) as [
        keyof typeof LEVEL_FIELDS,
        'likelihood' | 'consequence',
      ][]) {
        const to = carryLevel(analysis[field], prev[scale].levels.length, next[scale].levels.length);
        if (to !== analysis[field]) {
          carried.push({ field, from: analysis[field]!, to: to! });
          carriedAnalysis[field] = to;
        }
      }
    }
    const e = evaluateRisk(next, toVersion, carriedAnalysis);
    const before: RescoreStanding | null =
      r.level === null
        ? null
        : {
            level: r.level,
            levelLabel: labelIn(prev, r.level),
            score: r.score,
            acceptable: r.acceptable === null ? null : r.acceptable === 1,
          };
    const after: RescoreStanding = {
      level: e.level,
      levelLabel: labelIn(next, e.level),
      score: e.score,
      acceptable: e.acceptable === 1,
    };
    const stored = {
      consequenceLevel: r.consequenceLevel,
      score: r.score,
      level: r.level,
      levelRank: r.levelRank,
      acceptable: r.acceptable,
      priority: r.priority,
      methodologyVersion: r.methodologyVersion,
    };
    const set = { ...Object.fromEntries(carried.map((c) => [c.field, c.to])), ...e };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [k, v] of Object.entries(set)) {
      const from = k in stored ? stored[k as keyof typeof stored] : analysis[k as keyof RiskAnalysis];
      if (k !== 'methodologyVersion' && from !== v) changes[k] = { from, to: v };
    }
    const moved =
      !before || before.level !== after.level || before.score !== after.score || before.acceptable !== after.acceptable;
    if (Object.keys(changes).length) plan.updates.push({ id: r.id, ref: r.ref, set, changes });
    if (moved || carried.length) {
      const crossed = before !== null && before.acceptable !== after.acceptable;
      plan.moves.push({ riskId: r.id, ref: r.ref, title: r.title, before, after, crossed, carried });
      if (moved) plan.changed++;
      if (crossed) plan.crossed++;
    }
  }
  return plan;
}

const IDS_PER_STATEMENT = 500;

/** The updates grouped by identical new values, each group's ids in lists of at most IDS_PER_STATEMENT. */
function groupBySet(updates: RescorePlan['updates']): { set: RescorePlan['updates'][number]['set']; ids: string[] }[] {
  const groups = new Map<string, { set: RescorePlan['updates'][number]['set']; ids: string[] }>();
  for (const u of updates) {
    const key = JSON.stringify(Object.entries(u.set).sort(([a], [b]) => a.localeCompare(b)));
    const group = groups.get(key) ?? { set: u.set, ids: [] };
    group.ids.push(u.id);
    groups.set(key, group);
  }
  return [...groups.values()].flatMap((g) =>
    Array.from({ length: Math.ceil(g.ids.length / IDS_PER_STATEMENT) }, (_, i) => ({
      set: g.set,
      ids: g.ids.slice(i * IDS_PER_STATEMENT, (i + 1) * IDS_PER_STATEMENT),
    })),
  );
}

/**
 * Runs inside the approval's transaction (VersionedModule.onApproved): every analysed risk is re-evaluated with
 * the newly approved version, all or nothing. The report of what moved is kept (risk_rescores) and audited: one
 * event for the run, one per risk whose values changed.
 */
export async function applyRescore(
  ctx: OrgContext,
  trx: Db,
  recordId: string,
  versionNo: number,
  next: Methodology,
): Promise<RescorePlan & { id: string }> {
  const plan = await planRescore(ctx, trx, recordId, next, versionNo);
  const id = newId();
  const now = nowIso();
  const record = await trx
    .selectFrom('riskMethodologies')
    .select('ref')
    .where('id', '=', recordId)
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('riskRescores')
    .values({
      id,
      orgId: ctx.org.id,
      methodologyId: recordId,
      fromVersion: plan.fromVersion,
      toVersion: versionNo,
      total: plan.total,
      changed: plan.changed,
      crossed: plan.crossed,
      moves: JSON.stringify(plan.moves),
      createdAt: now,
      createdBy: ctx.actor.userId,
    })
    .execute();
  // Risks that get the same new values (the same cell of the matrix) are written by one statement: a few dozen
  // statements for thousands of risks, and one audit append for all their events.
  for (const ids of groupBySet(plan.updates)) {
    await trx
      .updateTable('risks')
      .set({
        ...ids.set,
        evaluatedAt: now,
        updatedAt: now,
        updatedBy: ctx.actor.userId,
        version: (eb) => eb('version', '+', 1),
      })
      .where('id', 'in', ids.ids)
      .where('orgId', '=', ctx.org.id)
      .execute();
  }
  const events: AuditInput[] = plan.updates.map((u) => ({
    orgId: ctx.org.id,
    actor: ctx.actor,
    ip: ctx.ip,
    entityType: 'risk',
    entityId: u.id,
    event: {
      type: 'risk.reevaluated',
      payload: { ref: u.ref, rescoreId: id, toVersion: versionNo, changes: u.changes },
    },
  }));
  // The rest keep their values; they are now evaluated with the new version.
  await trx
    .updateTable('risks')
    .set({ methodologyVersion: versionNo })
    .where('orgId', '=', ctx.org.id)
    .where('archivedAt', 'is', null)
    .where('level', 'is not', null)
    .where('methodologyVersion', '!=', versionNo)
    .execute();
  events.push({
    orgId: ctx.org.id,
    actor: ctx.actor,
    ip: ctx.ip,
    entityType: 'risk_methodology',
    entityId: recordId,
    event: {
      type: 'risk.rescored',
      payload: {
        rescoreId: id,
        methodologyRef: record.ref,
        fromVersion: plan.fromVersion,
        toVersion: versionNo,
        total: plan.total,
        changed: plan.changed,
        crossed: plan.crossed,
      },
    },
  });
  await recordAuditBatch(trx, events);
  return { ...plan, id };
}

/** What approving version `versionNo` (a draft) would do to the risks; nothing is written. */
export async function rescorePreview(ctx: OrgContext, recordId: string, versionNo: number): Promise<RescorePreview> {
  const record = await methodologyRecord(ctx, ctx.db);
  if (!record || record.id !== recordId) throw new NotFoundError('The risk methodology');
  const v = await methodologyOfVersion(ctx, ctx.db, recordId, versionNo);
  if (!v) throw new NotFoundError(`Version ${versionNo} of ${record.ref}`);
  const { updates: _u, ...plan } = await planRescore(ctx, ctx.db, recordId, v.methodology, versionNo);
  return plan;
}
