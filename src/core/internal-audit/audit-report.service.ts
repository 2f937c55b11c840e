import type { Db } from '../../db/connect.js';
import { FINDING_CONCLUSIONS, type AuditFacts } from '../../schema/internal-audit/internal-audit.register.js';
import { clauseLabel as requirementNumberLabel } from '../../schema/internal-audit/isms-requirements.js';
import { parseClauses } from '../../schema/leadership/isms-clauses.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { ConflictError, ValidationError } from '../errors.js';
import { inOrgTransaction } from '../transaction.js';
import { newId, nowIso } from '../util/ids.js';
import { auditeeMembers } from './audit-auditees.service.js';
import { criteriaRecords } from './audit-criteria.service.js';
import { loadAudit } from './audit-team.service.js';
import { listExceptions } from './independence.service.js';

const CONCLUSION_WORDS: Record<string, string> = {
  major_nc: 'Major nonconformity',
  minor_nc: 'Minor nonconformity',
  observation: 'Observation',
  ofi: 'Opportunity for improvement',
};

/** "10.2 (2013: 10.1)" for a checklist item: its requirement's number, else its clause, else nothing. */
export function clauseLabel(requirementKey: string | null, clause: string | null): string {
  const key = requirementKey ?? clause;
  return key ? requirementNumberLabel(key) : '';
}

/**
 * The facts of the audit report, read inside the draft's transaction (prepareDraft): scope, criteria, team,
 * independence exceptions, findings by clause and by control, and the count of each conclusion.
 */
export async function auditFacts(ctx: OrgContext, trx: Db, auditId: string): Promise<AuditFacts> {
  const audit = await loadAudit(ctx, trx, auditId);
  const team = await trx
    .selectFrom('auditTeam')
    .innerJoin('users', 'users.id', 'auditTeam.userId')
    .select(['users.name', 'auditTeam.role'])
    .where('auditTeam.orgId', '=', ctx.org.id)
    .where('auditTeam.auditId', '=', auditId)
    .orderBy('users.name')
    .execute();
  const lead = await trx.selectFrom('users').select('name').where('id', '=', audit.leadAuditorId).executeTakeFirst();
  const processes = await trx
    .selectFrom('links')
    .innerJoin('ismsProcesses as p', 'p.id', 'links.toId')
    .select(['p.ref', 'p.name'])
    .where('links.orgId', '=', ctx.org.id)
    .where('p.orgId', '=', ctx.org.id)
    .where('links.fromType', '=', 'internal_audit')
    .where('links.fromId', '=', auditId)
    .where('links.kind', '=', 'scope')
    .orderBy('p.ref')
    .execute();
  const items = await trx
    .selectFrom('auditChecklistItems as i')
    .leftJoin('controls as c', 'c.id', 'i.controlId')
    .leftJoin('nonconformities as nc', (j) =>
      j.onRef('nc.id', '=', 'i.raisedId').on('i.raisedType', '=', 'nonconformity').on('nc.orgId', '=', ctx.org.id),
    )
    .leftJoin('improvements as imp', (j) =>
      j.onRef('imp.id', '=', 'i.raisedId').on('i.raisedType', '=', 'improvement').on('imp.orgId', '=', ctx.org.id),
    )
    .select(['i.requirementKey', 'i.clause', 'c.ref as controlRef', 'i.title', 'i.conclusion', 'nc.ref as ncRef'])
    .select('imp.ref as impRef')
    .where('i.orgId', '=', ctx.org.id)
    .where('i.auditId', '=', auditId)
    .orderBy('i.seq')
    .execute();
  const counts: Record<string, number> = {};
  for (const i of items) counts[i.conclusion] = (counts[i.conclusion] ?? 0) + 1;
  const findings = items.filter((i) => (FINDING_CONCLUSIONS as readonly string[]).includes(i.conclusion));
  const clauses = parseClauses(audit.clauses ?? '').clauses;
  const records = await criteriaRecords(ctx, trx, auditId);
  const auditees = await auditeeMembers(ctx, trx, auditId);
  const scopeLines = [
    audit.scope,
    processes.length ? `Processes: ${processes.map((p) => `${p.ref} ${p.name}`).join('; ')}` : null,
  ];
  return {
    scope: scopeLines.filter(Boolean).join('\n') || null,
    criteria: [
      ...(clauses.length ? [`ISO/IEC 27001:2022 clauses ${clauses.join(', ')}`] : []),
      ...(audit.soaCriterion ? ['Statement of Applicability (applicable controls)'] : []),
      ...records.documents.map((d) => `Document ${d.ref} ${d.title}`),
      ...records.requirements.map((r) => `Requirement of interested parties (4.2) ${r.ref} ${r.title}`),
    ],
    auditees: [...auditees.map((m) => m.name), ...(audit.auditees?.trim() ? [audit.auditees.trim()] : [])],
    team: [
      ...(lead ? [{ name: lead.name, role: 'lead' }] : []),
      ...team.filter((t) => !(lead && t.name === lead.name && t.role === 'lead')),
    ],
    exceptions: (await listExceptions(ctx, trx, auditId)).map((e) => ({
      auditor: e.auditorName,
      object: `${e.objectRef} (${e.reason})`,
      justification: e.justification,
    })),
    findingsByClause: findings
      .filter((f) => f.clause)
      .map((f) => ({
        clause: clauseLabel(f.requirementKey, f.clause),
        title: f.title,
        conclusion: CONCLUSION_WORDS[f.conclusion] ?? f.conclusion,
        raised: f.ncRef ?? f.impRef ?? null,
      })),
    findingsByControl: findings
      .filter((f) => f.controlRef)
      .map((f) => ({
        control: f.controlRef!,
        title: f.title,
        conclusion: CONCLUSION_WORDS[f.conclusion] ?? f.conclusion,
        raised: f.ncRef ?? f.impRef ?? null,
      })),
    counts,
  };
}

/** The approved report handed to top management (9.2.2 f): who received which version, when. */
export async function distributeReport(ctx: OrgContext, auditId: string, body: { memberIds: string[]; note?: string }) {
  await inOrgTransaction(ctx, async (trx) => {
    const audit = await loadAudit(ctx, trx, auditId);
    if (!audit.approvedVersion)
      throw new ConflictError(`${audit.ref} has no approved report yet; the lead auditor approves it first`);
    const ids = [...new Set(body.memberIds)];
    const found = new Set(
      (
        await trx
          .selectFrom('memberships')
          .select('userId')
          .where('orgId', '=', ctx.org.id)
          .where('userId', 'in', ids)
          .execute()
      ).map((m) => m.userId),
    );
    body.memberIds.forEach((id, i) => {
      if (!found.has(id))
        throw new ValidationError([{ field: `body.memberIds.${i}`, message: 'Not a member of this organization' }]);
    });
    await trx
      .insertInto('auditReportDistributions')
      .values({
        id: newId(),
        orgId: ctx.org.id,
        auditId,
        versionNo: audit.approvedVersion,
        memberIds: JSON.stringify(ids),
        note: body.note ?? null,
        distributedAt: nowIso(),
        distributedBy: ctx.actor.userId,
      })
      .execute();
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'internal_audit',
      entityId: auditId,
      event: {
        type: 'internal_audit.report_distributed',
        payload: { ref: audit.ref, versionNo: audit.approvedVersion, members: ids },
      },
    });
  });
  return listDistributions(ctx, auditId);
}

export async function listDistributions(ctx: OrgContext, auditId: string) {
  await loadAudit(ctx, ctx.db, auditId);
  const rows = await ctx.db
    .selectFrom('auditReportDistributions')
    .selectAll()
    .where('orgId', '=', ctx.org.id)
    .where('auditId', '=', auditId)
    .orderBy('distributedAt')
    .execute();
  const ids = [...new Set(rows.flatMap((r) => JSON.parse(r.memberIds) as string[]))];
  const people = ids.length
    ? await ctx.db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', ids).execute()
    : [];
  return {
    items: rows.map((r) => ({
      id: r.id,
      versionNo: r.versionNo,
      members: (JSON.parse(r.memberIds) as string[]).flatMap((id) => people.filter((p) => p.id === id)),
      note: r.note,
      distributedAt: r.distributedAt,
      distributedBy: r.distributedBy,
    })),
  };
}
