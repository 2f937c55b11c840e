import type { Role } from '../../schema/auth/roles.js';
import type { RaciValue } from '../../schema/leadership/raci.schema.js';
import type { OrgContext } from '../context.js';
import { ismsProcessesModule, processInteractionsModule } from '../leadership/processes.module.js';
import { ismsRolesModule, leadershipCommitmentsModule, roleAssignmentsModule } from '../leadership/roles.module.js';
import { setRaciCell } from '../leadership/raci.service.js';
import { addStartingSet } from '../leadership/starting-set.service.js';
import type { AnyRegisterModule, Values } from '../register/register-module.js';
import { createRecord, updateRecord } from '../register/register.service.js';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/**
 * Example Ltd's ISMS processes and how they feed each other (4.4), its roles adapted from the starting set with
 * their holders — including an outsourced data protection officer without an account — the RACI matrix, and top
 * management's eight commitments with evidence (5.1, 5.3).
 */
export async function seedLeadership(ctx: OrgContext, ids: Record<Role, string>): Promise<void> {
  const create = (mod: AnyRegisterModule, values: Values) => createRecord(ctx, mod, mod.def.createSchema.parse(values));
  const m = ids.isms_manager;

  const processes = [
    [
      'context',
      {
        name: 'Context and scope',
        clauses: '4.1, 4.2, 4.3',
        ownerId: m,
        purpose: 'Keep the issues, interested parties and scope of the ISMS current.',
        inputs: 'Strategy, contracts, laws, previous review decisions',
        outputs: 'Issues register, requirements, approved scope',
      },
    ],
    [
      'risk',
      {
        name: 'Risk assessment',
        clauses: '6.1.2, 8.2',
        ownerId: m,
        purpose: 'Identify, analyse and evaluate information security risks at planned intervals and on change.',
        inputs: 'Scope, issues, requirements, incidents, asset inventory',
        outputs: 'Risk register with levels and priorities',
      },
    ],
    [
      'treatment',
      {
        name: 'Risk treatment',
        clauses: '6.1.3, 8.3',
        ownerId: m,
        purpose: 'Choose and plan how each risk is treated and keep the Statement of Applicability.',
        inputs: 'Risk register, control catalogue',
        outputs: 'Treatment plan, SoA, accepted residual risks',
      },
    ],
    [
      'operations',
      {
        name: 'Secure operations',
        clauses: '8.1',
        ownerId: ids.contributor,
        purpose: 'Run the controls day to day: access, patching, backups, change management.',
        inputs: 'Treatment plan, control standards',
        outputs: 'Operating records, logs, change records',
      },
    ],
    [
      'incidents',
      {
        name: 'Incident management',
        clauses: '8.1, 10.2',
        ownerId: ids.contributor,
        purpose: 'Detect, respond to and learn from information security incidents.',
        inputs: 'Alerts, reports from staff and customers',
        outputs: 'Incident records, lessons learned',
      },
    ],
    [
      'monitoring',
      {
        name: 'Monitoring and measurement',
        clauses: '9.1',
        ownerId: m,
        purpose: 'Measure whether controls and the ISMS achieve what was intended.',
        inputs: 'Operating records, incident records, objectives',
        outputs: 'Measurement results and trends',
      },
    ],
    [
      'audit',
      {
        name: 'Internal audit',
        clauses: '9.2',
        ownerId: ids.auditor,
        purpose: 'Check independently that the ISMS conforms and is effectively run.',
        inputs: 'Audit programme, ISMS records',
        outputs: 'Audit reports and findings',
      },
    ],
    [
      'review',
      {
        name: 'Management review',
        clauses: '9.3',
        ownerId: ids.approver,
        purpose:
          'Let top management judge whether the ISMS is suitable, adequate and effective, and decide on changes.',
        inputs: 'Measurement results, audit findings, changes in context, nonconformities',
        outputs: 'Decisions, actions, resource changes',
      },
    ],
    [
      'improvement',
      {
        name: 'Corrective action and improvement',
        clauses: '10.1, 10.2',
        ownerId: m,
        purpose: 'Correct nonconformities, remove their causes and improve the ISMS.',
        inputs: 'Findings, incidents, review decisions',
        outputs: 'Corrective actions, updated processes',
      },
    ],
  ] as const;
  const p: Record<string, string> = {};
  for (const [key, values] of processes) p[key] = (await create(ismsProcessesModule, { ...values })).id as string;

  const flows: [string, string, string][] = [
    ['context', 'risk', 'Scope and requirements'],
    ['risk', 'treatment', 'Evaluated risks'],
    ['treatment', 'operations', 'Treatment plan'],
    ['operations', 'monitoring', 'Operating records'],
    ['operations', 'incidents', 'Security events'],
    ['incidents', 'risk', 'New threats'],
    ['incidents', 'improvement', 'Lessons learned'],
    ['monitoring', 'review', 'Measurement results'],
    ['audit', 'review', 'Audit findings'],
    ['audit', 'improvement', 'Nonconformities'],
    ['review', 'improvement', 'Decisions'],
    ['improvement', 'context', 'Changes to the ISMS'],
  ];
  for (const [from, to, what] of flows)
    await create(processInteractionsModule, { fromProcessId: p[from], toProcessId: p[to], flows: what });

  // The starting set, then adapted: renamed where Example Ltd uses other titles, and the main roles approved.
  await addStartingSet(ctx);
  const roles = await ctx.db
    .selectFrom('ismsRoles')
    .select(['id', 'starterKey'])
    .where('orgId', '=', ctx.org.id)
    .execute();
  const role = (key: string) => roles.find((r) => r.starterKey === key)!.id;
  const activities = await ctx.db
    .selectFrom('ismsActivities')
    .select(['id', 'starterKey'])
    .where('orgId', '=', ctx.org.id)
    .execute();
  const activity = (key: string) => activities.find((a) => a.starterKey === key)!.id;
  await updateRecord(ctx, ismsRolesModule, role('top_management'), { name: 'Management board', status: 'approved' });
  await updateRecord(ctx, ismsRolesModule, role('isms_manager'), {
    name: 'Head of information security (ISMS manager)',
    status: 'approved',
  });
  await updateRecord(ctx, ismsRolesModule, role('internal_auditor'), { status: 'approved' });
  await updateRecord(ctx, ismsRolesModule, role('incident_manager'), {
    name: 'Platform incident lead',
    status: 'approved',
  });
  const dpoId = (
    await create(ismsRolesModule, {
      name: 'Data protection officer',
      roleType: 'other',
      status: 'approved',
      reportsToId: role('top_management'),
      responsibilities:
        'Advises on data-protection law, monitors compliance and is the contact point for the supervisory authority.',
      authorities: 'Direct access to the management board; consulted before any new processing of personal data.',
    })
  ).id as string;

  const approved = { approvedById: ids.approver, approvedOn: daysAgo(200) };
  const assignments = [
    { roleId: role('top_management'), personId: ids.approver, startDate: daysAgo(400), ...approved },
    { roleId: role('isms_manager'), personId: ids.isms_manager, startDate: daysAgo(380), ...approved },
    { roleId: role('risk_adviser'), personId: ids.isms_manager, startDate: daysAgo(380), ...approved },
    { roleId: role('incident_manager'), personId: ids.contributor, startDate: daysAgo(300), ...approved },
    { roleId: role('internal_auditor'), personId: ids.auditor, startDate: daysAgo(250), ...approved },
    {
      roleId: role('asset_owner'),
      personId: ids.contributor,
      startDate: daysAgo(250),
      notes: 'Owner of the payroll platform and its hosting.',
    },
    {
      roleId: role('line_manager'),
      personId: ids.admin,
      startDate: daysAgo(500),
      endDate: daysAgo(30),
      notes: 'Handed over to the new engineering manager.',
    },
    {
      roleId: dpoId,
      personName: 'Dana Whitfield (PrivacyWorks Ltd)',
      personEmail: 'dpo@privacyworks.example',
      startDate: daysAgo(220),
      ...approved,
      notes: 'Outsourced under the data-protection services contract; no Rampart account.',
    },
  ];
  for (const a of assignments) await create(roleAssignmentsModule, a);

  // Example Ltd's adaptations to the suggested RACI: the DPO is consulted on risk and policies.
  const cells: [string, string, RaciValue | null][] = [
    ['advise_risk', dpoId, 'C'],
    ['approve_policies', dpoId, 'C'],
    ['manage_incidents', dpoId, 'I'],
    ['design_security', role('security_architect'), 'R'],
  ];
  for (const [a, r, v] of cells) await setRaciCell(ctx, activity(a), r, v);

  const b = ids.approver;
  const commitments = [
    {
      commitment: 'policy_objectives',
      title: 'Board approved the information security policy and 2025 objectives',
      demonstration:
        'The board checked the objectives against the three-year strategy (certification, payday availability) before approving them.',
      evidence: 'Board minutes of the March meeting, item 4',
      date: daysAgo(180),
      ownerId: b,
    },
    {
      commitment: 'integration',
      title: 'Security gates built into the release process',
      demonstration:
        'The CTO made the security review a required step of the delivery pipeline instead of a separate approval.',
      evidence: 'Engineering handbook, section “Release”; pipeline configuration change record',
      date: daysAgo(150),
      ownerId: b,
    },
    {
      commitment: 'resources',
      title: 'Budget for two security engineers and an external SOC',
      demonstration: 'Headcount and the managed detection contract were funded in the annual budget.',
      evidence: 'Approved budget, line 7.3; signed SOC contract',
      date: daysAgo(170),
      ownerId: b,
    },
    {
      commitment: 'communication',
      title: 'CEO all-hands talk on why security matters to payroll customers',
      demonstration:
        'The CEO explained the certification goal and what it asks of every team, with examples from customer tenders.',
      evidence: 'Recording and slides on the intranet',
      date: daysAgo(120),
      ownerId: b,
    },
    {
      commitment: 'outcomes',
      title: 'Quarterly ISMS status report requested and reviewed',
      demonstration:
        'The board asked for a quarterly report on objectives, incidents and audit findings and discusses it every quarter.',
      evidence: 'Board agenda template; Q2 report with board comments',
      date: daysAgo(60),
      ownerId: b,
    },
    {
      commitment: 'direction',
      title: 'Monthly check-in between the CEO and the head of information security',
      demonstration:
        'The CEO reviews priorities of the ISMS work with its manager every month and removes blockers across departments.',
      evidence: 'Recurring meeting notes in the ISMS folder',
      date: daysAgo(30),
      ownerId: b,
    },
    {
      commitment: 'improvement',
      title: 'Management review chaired by the CEO',
      demonstration: 'The CEO chaired the review, set two improvement objectives and reassessed the security budget.',
      evidence: 'Management review minutes',
      date: daysAgo(45),
      ownerId: b,
    },
    {
      commitment: 'management_roles',
      title: 'Security objectives added to every department head’s goals',
      demonstration:
        'The board made each department head answerable for the security actions in their area and backs them when priorities clash.',
      evidence: 'Annual goal sheets of department heads (HR system)',
      date: daysAgo(160),
      ownerId: b,
    },
  ];
  for (const c of commitments) await create(leadershipCommitmentsModule, c);
}
