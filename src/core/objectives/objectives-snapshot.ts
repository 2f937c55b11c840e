import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import {
  OBJECTIVE_ANSWERS_KIND,
  OBJECTIVE_MEASURED_BY_KIND,
  objectiveRegister,
} from '../../schema/objectives/objective.register.js';
import type { ObjectiveSnapshot, ObjectivesSnapshot } from '../../schema/objectives/objectives-document.register.js';
import type { OrgContext } from '../context.js';
import { summarize } from '../links/record-types.js';

type Named = { ref: string; title: string };
const LINKED_TYPES = ['requirement', 'issue', 'isms_risk', 'risk', 'measure'] as const;
type Linked = (typeof LINKED_TYPES)[number];

/** The register's enum values, read back typed (the column holds what the register validated). */
const parse = objectiveRegister.recordSchema.pick({
  level: true,
  measurementMode: true,
  targetDirection: true,
  progressStatus: true,
});

/**
 * Every active objective as it stands now, for a draft of the objectives document (6.2: documented information on
 * objectives): its place, policy, owner, target, measurement, plan, what it answers, latest value and status.
 * Read inside the caller's transaction; a bounded number of queries however many objectives.
 */
export async function buildObjectivesSnapshot(ctx: OrgContext, trx: Db): Promise<ObjectivesSnapshot> {
  const rows = await trx
    .selectFrom('objectives')
    .leftJoin('users', 'users.id', 'objectives.ownerId')
    .selectAll('objectives')
    .select('users.name as ownerName')
    .where('objectives.orgId', '=', ctx.org.id)
    .where('objectives.archivedAt', 'is', null)
    .where('objectives.lifecycle', '=', 'active')
    // OBJ-9 before OBJ-10
    .orderBy(sql`length(objectives.ref)`)
    .orderBy('objectives.ref')
    .limit(2000)
    .execute();
  if (!rows.length) return { objectives: [] };
  const ids = rows.map((r) => r.id);
  const links = await trx
    .selectFrom('links')
    .select(['fromType', 'fromId', 'toType', 'toId', 'kind'])
    .where('orgId', '=', ctx.org.id)
    .where('kind', 'in', [OBJECTIVE_ANSWERS_KIND, OBJECTIVE_MEASURED_BY_KIND])
    .where((eb) =>
      eb.or([
        eb.and([eb('fromType', '=', 'objective'), eb('fromId', 'in', ids)]),
        eb.and([eb('toType', '=', 'objective'), eb('toId', 'in', ids)]),
      ]),
    )
    .orderBy('createdAt')
    .execute();
  // the other end of each link, by objective
  const ends = new Map<string, { type: Linked; id: string }[]>();
  for (const l of links) {
    const [mine, type, id] = l.fromType === 'objective' ? [l.fromId, l.toType, l.toId] : [l.toId, l.fromType, l.fromId];
    const linked = LINKED_TYPES.find((t) => t === type);
    if (linked) ends.set(mine, [...(ends.get(mine) ?? []), { type: linked, id }]);
  }
  const named = await summarize({ ...ctx, db: trx }, [
    ...[...ends.values()].flat(),
    ...rows.flatMap((r) => [
      ...(r.processId ? [{ type: 'isms_process', id: r.processId }] : []),
      ...(r.parentObjectiveId ? [{ type: 'objective', id: r.parentObjectiveId }] : []),
      ...(r.policyDocumentId ? [{ type: 'document', id: r.policyDocumentId }] : []),
    ]),
  ]);
  const one = (type: string, id: string | null): Named | null => {
    const s = id ? named.get(`${type}:${id}`) : undefined;
    return s ? { ref: s.ref, title: s.title } : null;
  };
  const many = (id: string, type: Linked): Named[] =>
    (ends.get(id) ?? []).filter((e) => e.type === type).flatMap((e) => one(e.type, e.id) ?? []);
  return {
    objectives: rows.map((r): ObjectiveSnapshot => {
      const enums = parse.parse(r);
      return {
        ref: r.ref,
        title: r.title,
        statement: r.statement,
        level: enums.level ?? 'organization',
        functionName: r.functionName,
        process: one('isms_process', r.processId),
        parent: one('objective', r.parentObjectiveId),
        owner: r.ownerName,
        policy: one('document', r.policyDocumentId),
        policyObjective: r.policyObjective,
        measurementMode: enums.measurementMode ?? 'manual',
        targetValue: r.targetValue === null ? null : Number(r.targetValue),
        targetUnit: r.targetUnit,
        targetDirection: enums.targetDirection,
        baselineValue: r.baselineValue === null ? null : Number(r.baselineValue),
        startDate: r.startDate,
        deadline: r.deadline,
        notMeasurableReason: r.notMeasurableReason,
        judgementMethod: r.judgementMethod,
        plannedWork: r.plannedWork,
        resources: r.resources,
        evaluationMethod: r.evaluationMethod,
        requirements: many(r.id, 'requirement'),
        issues: many(r.id, 'issue'),
        risks: [...many(r.id, 'isms_risk'), ...many(r.id, 'risk')],
        measures: many(r.id, 'measure'),
        latestValue: r.latestValue === null ? null : Number(r.latestValue),
        latestValueDate: r.latestValueDate,
        progressStatus: enums.progressStatus,
      };
    }),
  };
}
