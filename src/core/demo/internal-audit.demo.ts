import type { Role } from '../../schema/auth/roles.js';
import type { AuditPlan, PlannedAudit } from '../../schema/internal-audit/audit-programme.register.js';
import { EMPTY_AUDIT_FACTS } from '../../schema/internal-audit/internal-audit.register.js';
import type { OrgContext } from '../context.js';
import { auditProgrammeModule, auditProgrammeVersionedModule } from '../internal-audit/audit-programme.module.js';
import { createRecord } from '../register/register.service.js';
import { approveVersion, saveDraft } from '../versioning/versions.service.js';
import { internalAuditsModule } from '../internal-audit/internal-audits.module.js';
import { setScopeProcesses, setTeam, transitionAudit } from '../internal-audit/audit-team.service.js';
import { conductFirstAudit, type FirstAuditResult } from './internal-audit-checklist.demo.js';
import { auditReportVersionedModule } from '../internal-audit/internal-audits.module.js';
import { distributeReport } from '../internal-audit/audit-report.service.js';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** Controls so important to a payroll service that every audit looks at them (27003 9.2: risk-based extent). */
const KEY_CONTROLS = ['5.15', '8.7', '8.13'];

const PROGRAMME = {
  objectives:
    'Give top management confidence, once a year, that the ISMS conforms to ISO/IEC 27001:2022 and to our own policies, and is effectively implemented and maintained; find what to improve before our customers or the certification body do.',
  extent:
    'Over three years every clause 4–10 and every applicable control of the SoA is audited at least once. Access control (5.15), protection against malware (8.7) and backup (8.13) treat our highest risks (payday ransomware, unauthorized access to payroll data): they are sampled in every audit. Areas with recent incidents or nonconformities are brought forward.',
  methods:
    'Interviews with process owners, observation on site and on screen, sampling of records in Rampart (at least five per control, chosen by the auditor), review of documented information. Findings graded as the certification body does: major or minor nonconformity, observation, opportunity for improvement.',
};

/** Where a control sits in the plan: the first and second half of the organizational controls, and so on. */
function plannedFor(ref: string): string {
  const [theme, n] = ref.split('.').map(Number) as [number, number];
  if (Number.isNaN(theme)) return 'Y2-TECH'; // our own controls (CUS-…): with the technological ones
  if (theme === 5) return n <= 18 ? 'Y1-CORE' : 'Y1-OPS';
  if (theme === 6 || theme === 7) return 'Y2-PEOPLE';
  return n <= 17 ? 'Y2-TECH' : 'Y3-TECH';
}

/** The coverage plan: six audits over three years, every clause 4–10 and every applicable control in one of them. */
function coveragePlan(controls: { id: string; ref: string }[], keyIds: string[]): AuditPlan {
  const audits: Omit<PlannedAudit, 'controlIds'>[] = [
    {
      key: 'Y1-CORE',
      title: 'Context, leadership and planning; organizational controls 5.1–5.18',
      plannedFrom: inDays(-45),
      plannedTo: inDays(-40),
      clauses: ['4', '5', '6'],
    },
    {
      key: 'Y1-OPS',
      title: 'Support, operation, performance evaluation and improvement; organizational controls 5.19–5.37',
      plannedFrom: inDays(40),
      plannedTo: inDays(44),
      clauses: ['7', '8', '9', '10'],
    },
    {
      key: 'Y2-PEOPLE',
      title: 'Competence, awareness and risk assessment; people and physical controls',
      plannedFrom: inDays(230),
      plannedTo: inDays(234),
      clauses: ['6.1.2', '6.1.3', '7.2', '7.3'],
    },
    {
      key: 'Y2-TECH',
      title: 'Operational planning and control; technological controls 8.1–8.17 and our own controls',
      plannedFrom: inDays(420),
      plannedTo: inDays(425),
      clauses: ['8'],
    },
    {
      key: 'Y3-TECH',
      title: 'Planning of changes; technological controls 8.18–8.34',
      plannedFrom: inDays(600),
      plannedTo: inDays(604),
      clauses: ['6.3', '8.1'],
    },
    {
      key: 'Y3-FULL',
      title: 'The whole ISMS before recertification',
      plannedFrom: inDays(900),
      plannedTo: inDays(906),
      clauses: ['4', '5', '6', '7', '8', '9', '10'],
    },
  ];
  return {
    periodFrom: inDays(-60),
    periodTo: inDays(-60 + 3 * 365),
    keyControlIds: keyIds,
    competence: [
      'Trained in ISO/IEC 27001:2022 and in auditing to ISO 19011 (a two-day course at least).',
      'Knows the payroll service well enough to sample its records; a technical expert joins for technological controls.',
      'Independent of what they audit: no auditor audits a process, control or record they own or are assigned to.',
    ],
    plannedAudits: audits.map((a) => ({
      ...a,
      controlIds: controls.filter((c) => !keyIds.includes(c.id) && plannedFor(c.ref) === a.key).map((c) => c.id),
    })),
  };
}

export interface AuditDemoResult extends FirstAuditResult {
  programmeId: string;
  plannedAuditId: string;
}

/**
 * Internal audit (9.2) of Example Ltd: a three-year programme (approved) whose six planned audits cover every
 * clause 4–10 and every applicable control; the first audit completed (checklist concluded, one minor
 * nonconformity and two observations raised, its report approved by the lead auditor and distributed to the
 * management board); the second audit planned. Avery Auditor leads both and owns none of the processes or
 * controls audited (she owns the internal audit process, which neither audit has in scope).
 */
export async function seedInternalAudit(ctx: OrgContext, ids: Record<Role, string>): Promise<AuditDemoResult> {
  const as = (role: Role): OrgContext => ({
    ...ctx,
    role,
    actor: { kind: 'user', userId: ids[role], label: role },
  });
  const auditor = as('auditor');
  const controls = await ctx.db
    .selectFrom('controls')
    .select(['id', 'ref'])
    .where('orgId', '=', ctx.org.id)
    .where('archivedAt', 'is', null)
    .where('applicability', '=', 'applicable')
    .orderBy('sortKey')
    .execute();
  const keyIds = controls.filter((c) => KEY_CONTROLS.includes(c.ref)).map((c) => c.id);
  const plan = coveragePlan(controls, keyIds);

  const programme = await createRecord(ctx, auditProgrammeModule, {
    title: 'Internal audit programme to recertification',
    ownerId: ids.isms_manager,
  });
  const draft = await saveDraft(ctx, auditProgrammeVersionedModule, programme.id, {
    content: { ...PROGRAMME, plan },
    changeNote: 'First programme: three years up to recertification.',
  });
  await approveVersion(as('approver'), auditProgrammeVersionedModule, programme.id, 1, {
    contentHash: String(draft.contentHash),
    comment: 'Approved by the management board with the auditor time it needs.',
  });

  const processes = await ctx.db
    .selectFrom('ismsProcesses')
    .select(['id', 'name'])
    .where('orgId', '=', ctx.org.id)
    .execute();
  const process = (name: string) => processes.find((p) => p.name === name)!.id;
  const team = {
    members: [
      { userId: ids.auditor, role: 'lead' as const },
      { userId: ids.viewer, role: 'observer' as const },
    ],
  };

  const first = await createRecord(auditor, internalAuditsModule, {
    title: 'Context, leadership and planning',
    programmeId: programme.id,
    plannedAuditKey: 'Y1-CORE',
    scope:
      'Head office (London). The ISMS context, scope, leadership and planning processes, and the organizational controls 5.1–5.18 of the SoA.',
    clauses: '4, 5, 6',
    soaCriterion: false,
    plannedStart: inDays(-45),
    plannedEnd: inDays(-40),
    actualStart: inDays(-44),
    actualEnd: inDays(-41),
    leadAuditorId: ids.auditor,
    auditees: 'Morgan Manager (ISMS manager), Pat Approver (management board), Casey Contributor (access control)',
    auditPlan:
      'Day 1: opening meeting; context, interested parties and scope (clause 4) with the ISMS manager.\nDay 2: leadership and policy (clause 5) with the management board; roles and responsibilities.\nDay 3: risk assessment and treatment, objectives (clause 6); organizational controls 5.1–5.18 sampled in Rampart.\nDay 4: closing meeting: findings presented and follow-up agreed.',
  });
  await setScopeProcesses(auditor, first.id, {
    processIds: [process('Context and scope'), process('Risk assessment'), process('Risk treatment')],
  });
  await setTeam(auditor, first.id, team);
  const result = await conductFirstAudit(ctx, ids, first.id, plan.plannedAudits[0]!.controlIds);

  await transitionAudit(auditor, first.id, 'reporting', await version(ctx, first.id));
  const report = await saveDraft(auditor, auditReportVersionedModule, first.id, {
    content: {
      summary:
        'The ISMS context, leadership and planning conform to ISO/IEC 27001:2022 clauses 4–6 and are effectively implemented: the scope, the policy framework and the risk process are in place and followed. One minor nonconformity: two information security objectives are not monitored (6.2 d). Two observations, on threat intelligence (5.7) and on keeping the requirements of interested parties up to date (4.2 b).',
      facts: EMPTY_AUDIT_FACTS,
      conclusions:
        'The ISMS is able to meet its intended outcomes in the areas audited. The nonconformity is to be corrected and its cause removed before the next audit (Y1-OPS), which follows it up.',
    },
    changeNote: 'Report of the first audit of the programme.',
  });
  await approveVersion(auditor, auditReportVersionedModule, first.id, report.versionNo, {
    contentHash: String(report.contentHash),
    comment: 'Report approved by the lead auditor.',
  });
  await distributeReport(auditor, first.id, {
    memberIds: [ids.approver, ids.admin],
    note: 'Presented to the management board; input to the next management review.',
  });
  await transitionAudit(auditor, first.id, 'completed', await version(ctx, first.id));

  const planned = await createRecord(auditor, internalAuditsModule, {
    title: 'Support, operation, performance evaluation and improvement',
    programmeId: programme.id,
    plannedAuditKey: 'Y1-OPS',
    scope:
      'Head office and the Manchester office. Resources, competence, documented information, operations, monitoring, management review and improvement; organizational controls 5.19–5.37. Follows up the nonconformity of the first audit.',
    clauses: '7, 8, 9, 10',
    soaCriterion: false,
    plannedStart: inDays(40),
    plannedEnd: inDays(44),
    leadAuditorId: ids.auditor,
    auditees: 'Morgan Manager (ISMS manager), Casey Contributor (operations and incidents)',
  });
  await setScopeProcesses(auditor, planned.id, {
    processIds: [
      process('Secure operations'),
      process('Incident management'),
      process('Monitoring and measurement'),
      process('Corrective action and improvement'),
    ],
  });
  await setTeam(auditor, planned.id, team);
  return { ...result, programmeId: programme.id, plannedAuditId: planned.id };
}

async function version(ctx: OrgContext, auditId: string): Promise<number> {
  const a = await ctx.db
    .selectFrom('internalAudits')
    .select('version')
    .where('orgId', '=', ctx.org.id)
    .where('id', '=', auditId)
    .executeTakeFirstOrThrow();
  return a.version;
}
