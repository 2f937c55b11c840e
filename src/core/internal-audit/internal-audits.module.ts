import type { Db } from '../../db/connect.js';
import { auditPlanSchema } from '../../schema/internal-audit/audit-programme.register.js';
import {
  auditFactsSchema,
  auditReportVersioned,
  internalAuditRegister,
} from '../../schema/internal-audit/internal-audit.register.js';
import { formatClauses, parseClauses } from '../../schema/leadership/isms-clauses.js';
import type { OrgContext } from '../context.js';
import { ValidationError } from '../errors.js';
import type { RegisterModule } from '../register/register-module.js';
import type { DocumentBlock, VersionedModule } from '../versioning/versioned-module.js';
import { auditFacts } from './audit-report.service.js';
import { scopeProcessIds } from './audit-team.service.js';
import { findConflicts, settleConflicts } from './independence.service.js';

/** The planned-audit key must be one of the programme's latest plan. */
async function checkPlannedKey(ctx: OrgContext, trx: Db, programmeId: string | null, key: string | null) {
  if (!key) return;
  if (!programmeId)
    throw new ValidationError([{ field: 'body.plannedAuditKey', message: 'Choose the programme (programmeId) first' }]);
  const v = await trx
    .selectFrom('recordVersions')
    .select('content')
    .where('orgId', '=', ctx.org.id)
    .where('entityType', '=', 'audit_programme')
    .where('recordId', '=', programmeId)
    .orderBy('versionNo', 'desc')
    .executeTakeFirst();
  const plan = auditPlanSchema.safeParse(v ? (JSON.parse(v.content) as { plan?: unknown }).plan : undefined);
  if (!plan.success || !plan.data.plannedAudits.some((a) => a.key === key))
    throw new ValidationError([{ field: 'body.plannedAuditKey', message: `The programme plans no audit ${key}` }]);
}

/** Internal audits (9.2): clauses normalized, the planned audit checked, a new lead auditor checked for independence. */
export const internalAuditsModule: RegisterModule<typeof internalAuditRegister.fields> = {
  def: internalAuditRegister,
  // scope and criteria go through the audit's routes: independence checked, internal_audit.update, audited
  ownedLinkKinds: {
    scope: 'PUT /api/v1/orgs/{org}/internal-audits/{id}/scope-processes',
    criterion: 'PUT /api/v1/orgs/{org}/internal-audits/{id}/criteria',
  },
  async beforeWrite(ctx, trx, changes, existing) {
    const server: Partial<typeof changes> = existing ? {} : { status: 'planned' };
    if (changes.clauses !== undefined && changes.clauses !== null) {
      const { clauses, unknown } = parseClauses(changes.clauses);
      if (unknown.length)
        throw new ValidationError([
          { field: 'body.clauses', message: `Not a clause of ISO/IEC 27001 (4–10): ${unknown.join(', ')}` },
        ]);
      server.clauses = formatClauses(clauses);
    }
    if (changes.plannedAuditKey !== undefined || changes.programmeId !== undefined)
      await checkPlannedKey(
        ctx,
        trx,
        changes.programmeId !== undefined ? changes.programmeId : (existing?.programmeId ?? null),
        changes.plannedAuditKey !== undefined ? changes.plannedAuditKey : (existing?.plannedAuditKey ?? null),
      );
    if (existing && changes.leadAuditorId && changes.leadAuditorId !== existing.leadAuditorId) {
      const objects = (await scopeProcessIds(ctx, trx, existing.id)).map((id) => ({ type: 'isms_process', id }));
      const conflicts = await findConflicts(ctx, trx, [changes.leadAuditorId], objects);
      // a conflict already justified on this audit is not asked again; set the team with a justification otherwise
      await settleConflicts(ctx, trx, existing, 'body.leadAuditorId', conflicts, undefined);
    }
    return server;
  },
};

const factsBlocks = (value: unknown): DocumentBlock[] => {
  const f = auditFactsSchema.parse(value);
  return [
    {
      kind: 'text',
      heading: 'Scope and criteria',
      subheading: true,
      paragraphs: [
        f.scope ?? 'No scope recorded.',
        `Criteria: ${f.criteria.join('; ') || 'none recorded'}.`,
        `Auditees: ${f.auditees.join('; ') || 'none recorded'}.`,
      ],
    },
    {
      kind: 'table',
      heading: 'Audit team',
      subheading: true,
      columns: ['Member', 'Role'],
      rows: f.team.map((m) => [m.name, m.role]),
    },
    {
      kind: 'table',
      heading: 'Independence exceptions',
      subheading: true,
      columns: ['Auditor', 'Audited', 'Justification'],
      rows: f.exceptions.map((e) => [e.auditor, e.object, e.justification]),
    },
    {
      kind: 'table',
      heading: 'Findings by clause',
      subheading: true,
      columns: ['Clause', 'Item', 'Conclusion', 'Raised as'],
      widths: [15, 50, 22, 13],
      rows: f.findingsByClause.map((x) => [x.clause, x.title, x.conclusion, x.raised ?? '']),
    },
    {
      kind: 'table',
      heading: 'Findings by control',
      subheading: true,
      columns: ['Control', 'Item', 'Conclusion', 'Raised as'],
      widths: [15, 50, 22, 13],
      rows: f.findingsByControl.map((x) => [x.control, x.title, x.conclusion, x.raised ?? '']),
    },
  ];
};

/** Who may sign: the audit's lead auditor, and only they (9.2.2 f: results reported, by the audit's own lead). */
async function leadAuditorRule(ctx: OrgContext, trx: Db, auditId: string) {
  const a = await trx
    .selectFrom('internalAudits')
    .select(['ref', 'leadAuditorId'])
    .where('orgId', '=', ctx.org.id)
    .where('id', '=', auditId)
    .executeTakeFirst();
  // without a lead auditor no one may sign (no signer named would let anyone with the permission sign)
  if (a && !a.leadAuditorId)
    return { signers: [], roles: [], rolesReason: `Appoint the lead auditor of ${a.ref}: they sign its report` };
  return { signers: a?.leadAuditorId ? [a.leadAuditorId] : [] };
}

/** The audit report: versions of the audit record, facts frozen by the server at each draft. */
export const auditReportVersionedModule: VersionedModule = {
  register: internalAuditsModule,
  versioned: auditReportVersioned,
  approvalRule: leadAuditorRule,
  renderData: (key, value) => (key === 'facts' ? factsBlocks(value) : []),
  async prepareDraft(ctx, trx, recordId, content) {
    return { ...content, facts: await auditFacts(ctx, trx, recordId) };
  },
};
