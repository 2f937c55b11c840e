import {
  auditPlanSchema,
  type CoverageMatrix,
  type PlannedAudit,
} from '../../schema/internal-audit/audit-programme.register.js';
import { ISMS_CLAUSE_TITLES } from '../../schema/internal-audit/isms-requirements.js';
import type { OrgContext } from '../context.js';

/** A planned clause covers itself and its sub-clauses: `6` and `6.1` both cover `6.1.2`. */
export const clauseCovers = (planned: string, clause: string) => clause === planned || clause.startsWith(`${planned}.`);

/**
 * The coverage matrix of the current programme (9.2.2: every part of the ISMS audited within the programme's
 * period): every clause 4–10 and every applicable control against the planned audits. A row is `done` when a
 * completed audit carrying a planned audit's key concluded a checklist item for it, `planned` when a planned audit
 * inside the period covers it, `uncovered` otherwise. The approved version is read; before any approval, the latest.
 */
export async function coverageMatrix(ctx: OrgContext): Promise<CoverageMatrix> {
  const db = ctx.db;
  const programme = await db
    .selectFrom('auditProgrammes')
    .select(['id', 'ref', 'approvedVersion', 'latestVersion'])
    .where('orgId', '=', ctx.org.id)
    .where('archivedAt', 'is', null)
    .executeTakeFirst();
  const versionNo = programme?.approvedVersion ?? programme?.latestVersion ?? null;
  const version =
    programme && versionNo
      ? await db
          .selectFrom('recordVersions')
          .select(['versionNo', 'state', 'content'])
          .where('orgId', '=', ctx.org.id)
          .where('entityType', '=', 'audit_programme')
          .where('recordId', '=', programme.id)
          .where('versionNo', '=', versionNo)
          .executeTakeFirst()
      : undefined;
  const content: { plan?: unknown } = version ? (JSON.parse(version.content) as { plan?: unknown }) : {};
  const plan = auditPlanSchema.parse(content.plan ?? {});
  const inPeriod = (a: PlannedAudit) =>
    (!plan.periodFrom || a.plannedFrom >= plan.periodFrom) && (!plan.periodTo || a.plannedTo <= plan.periodTo);
  const audits = plan.plannedAudits.filter(inPeriod);

  const controls = await db
    .selectFrom('controls')
    .select(['id', 'ref', 'title'])
    .where('orgId', '=', ctx.org.id)
    .where('archivedAt', 'is', null)
    .where('applicability', '=', 'applicable')
    .orderBy('sortKey')
    .execute();

  // what completed audits of this programme concluded, by planned-audit key (one grouped query)
  const concluded = programme
    ? await db
        .selectFrom('auditChecklistItems as i')
        .innerJoin('internalAudits as a', 'a.id', 'i.auditId')
        .select(['a.plannedAuditKey', 'i.clause', 'i.controlId'])
        .where('a.orgId', '=', ctx.org.id)
        .where('i.orgId', '=', ctx.org.id)
        .where('a.programmeId', '=', programme.id)
        .where('a.status', '=', 'completed')
        .where('a.archivedAt', 'is', null)
        .where('a.plannedAuditKey', 'is not', null)
        .where('i.conclusion', '!=', 'not_assessed')
        .distinct()
        .execute()
    : [];
  const keys = new Set(audits.map((a) => a.key));
  const doneClause = new Map<string, Set<string>>();
  const doneControl = new Map<string, Set<string>>();
  for (const c of concluded) {
    if (!c.plannedAuditKey || !keys.has(c.plannedAuditKey)) continue;
    if (c.clause)
      (doneClause.get(c.clause) ?? doneClause.set(c.clause, new Set()).get(c.clause)!).add(c.plannedAuditKey);
    if (c.controlId)
      (doneControl.get(c.controlId) ?? doneControl.set(c.controlId, new Set()).get(c.controlId)!).add(
        c.plannedAuditKey,
      );
  }
  const keyControls = new Set(plan.keyControlIds);
  const state = (plannedBy: string[], doneBy: string[]) =>
    doneBy.length ? 'done' : plannedBy.length ? 'planned' : 'uncovered';

  const rows: CoverageMatrix['rows'] = [];
  for (const [clause, title] of Object.entries(ISMS_CLAUSE_TITLES)) {
    const plannedBy = audits.filter((a) => a.clauses.some((p) => clauseCovers(p, clause))).map((a) => a.key);
    const doneBy = [...(doneClause.get(clause) ?? [])];
    rows.push({ kind: 'clause', key: clause, title, plannedBy, doneBy, state: state(plannedBy, doneBy) });
  }
  for (const c of controls) {
    const plannedBy = audits.filter((a) => keyControls.has(c.id) || a.controlIds.includes(c.id)).map((a) => a.key);
    const doneBy = [...(doneControl.get(c.id) ?? [])];
    rows.push({ kind: 'control', key: c.ref, title: c.title, plannedBy, doneBy, state: state(plannedBy, doneBy) });
  }
  const counts = { planned: 0, done: 0, uncovered: 0 };
  for (const r of rows) counts[r.state] += 1;
  return {
    programme:
      programme && version
        ? { id: programme.id, ref: programme.ref, versionNo: version.versionNo, state: version.state }
        : null,
    periodFrom: plan.periodFrom,
    periodTo: plan.periodTo,
    audits: audits.map(({ key, title, plannedFrom, plannedTo }) => ({ key, title, plannedFrom, plannedTo })),
    rows,
    counts,
  };
}
