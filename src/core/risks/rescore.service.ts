import type { Db } from '../../db/connect.js';
import type { Methodology } from '../../schema/risks/methodology.schema.js';
import type {
  RescorePreview,
  Rescore,
  RescoreStanding,
  RescoreSummary,
  RiskMove,
} from '../../schema/risks/risks.responses.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { newId, nowIso } from '../util/ids.js';
import { carryLevel, evaluateRisk, isAnalysed, type RiskAnalysis, type RiskEvaluation } from './risk-evaluation.js';
import { labelIn, levelLabeller } from './level-labels.js';
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
  for (const u of plan.updates) {
    await trx
      .updateTable('risks')
      .set({
        ...u.set,
        evaluatedAt: now,
        updatedAt: now,
        updatedBy: ctx.actor.userId,
        version: (eb) => eb('version', '+', 1),
      })
      .where('id', '=', u.id)
      .where('orgId', '=', ctx.org.id)
      .execute();
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'risk',
      entityId: u.id,
      event: {
        type: 'risk.reevaluated',
        payload: { ref: u.ref, rescoreId: id, toVersion: versionNo, changes: u.changes },
      },
    });
  }
  // The rest keep their values; they are now evaluated with the new version.
  await trx
    .updateTable('risks')
    .set({ methodologyVersion: versionNo })
    .where('orgId', '=', ctx.org.id)
    .where('archivedAt', 'is', null)
    .where('level', 'is not', null)
    .where('methodologyVersion', '!=', versionNo)
    .execute();
  await recordAudit(trx, {
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

/**
 * The moves as stored. Reports written before levels answered their names have none: they are read from the
 * versions the report went from and to.
 */
async function presentMoves(ctx: OrgContext, row: { fromVersion: number | null; toVersion: number; moves: string }) {
  const moves = JSON.parse(row.moves) as RiskMove[];
  const label = await levelLabeller(ctx, ctx.db, [row.fromVersion, row.toVersion]);
  const named = (s: RescoreStanding | null, version: number | null): RescoreStanding | null =>
    s && { ...s, levelLabel: s.levelLabel === undefined ? label(version, s.level) : s.levelLabel };
  return moves.map((m) => ({
    ...m,
    before: named(m.before, row.fromVersion),
    after: named(m.after, row.toVersion),
  }));
}

export async function listRescores(
  ctx: OrgContext,
  query: { page: number; pageSize: number },
): Promise<{ items: RescoreSummary[]; total: number; page: number; pageSize: number }> {
  const base = ctx.db.selectFrom('riskRescores').where('orgId', '=', ctx.org.id);
  const [rows, count] = await Promise.all([
    base
      .select(['id', 'fromVersion', 'toVersion', 'total', 'changed', 'crossed', 'createdAt', 'createdBy'])
      .orderBy('createdAt', 'desc')
      .orderBy('id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows, total: Number(count.n), page: query.page, pageSize: query.pageSize };
}

export async function getRescore(ctx: OrgContext, id: string): Promise<Rescore> {
  const row = await ctx.db
    .selectFrom('riskRescores')
    .select(['id', 'fromVersion', 'toVersion', 'total', 'changed', 'crossed', 'createdAt', 'createdBy', 'moves'])
    .where('orgId', '=', ctx.org.id)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('The re-scoring report');
  return { ...row, moves: await presentMoves(ctx, row) };
}
