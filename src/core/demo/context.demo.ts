import type { Role } from '../../schema/auth/roles.js';
import type { OrgContext } from '../context.js';
import { setClimateDecision } from '../context/climate-decision.service.js';
import { interestedPartiesModule } from '../context/interested-parties.module.js';
import { issuesModule } from '../context/issues.module.js';
import { requirementsModule } from '../context/requirements.module.js';
import type { AnyRegisterModule, Values } from '../register/register-module.js';
import { createRecord } from '../register/register.service.js';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The context of Example Ltd, a 120-person software company selling a hosted payroll service to mid-sized
 * employers: its issues (4.1), the climate decision (Amd 1:2024), its interested parties and their requirements (4.2).
 */
export async function seedContext(ctx: OrgContext, ids: Record<Role, string>): Promise<void> {
  // Through the register's create schema, as the API would: defaults (status, flags) are applied.
  const create = (mod: AnyRegisterModule, values: Values) => createRecord(ctx, mod, mod.def.createSchema.parse(values));
  const m = ids.isms_manager;
  const c = ids.contributor;
  const issues = [
    {
      title: 'Stricter enforcement of data-protection law',
      direction: 'external',
      category: 'political_legal_regulatory',
      relevance: 'high',
      ownerId: m,
      status: 'monitoring',
      description: 'The supervisory authority has announced sector audits of payroll processors and fines have grown.',
      effect:
        'Payroll data is personal data of our customers’ staff; a breach or a failed audit would stop sales. Drives the privacy controls and breach-notification process in scope.',
    },
    {
      title: 'Ransomware aimed at service providers',
      direction: 'external',
      category: 'technological',
      relevance: 'high',
      ownerId: m,
      description: 'Criminal groups increasingly target providers that many customers depend on.',
      effect:
        'An outage on payday would hit every customer at once. Backup isolation and recovery testing become objectives of the ISMS.',
    },
    {
      title: 'Heatwaves and flooding around the hosting region',
      direction: 'external',
      category: 'natural',
      relevance: 'medium',
      ownerId: c,
      climateRelated: true,
      description:
        'Our cloud provider’s primary region sits in an area with more frequent heat and river-flood warnings.',
      effect:
        'Longer outages of the primary region are plausible; the disaster-recovery region and its failover test must be part of the scope.',
    },
    {
      title: 'Customers ask for certification in tenders',
      direction: 'external',
      category: 'competitive',
      relevance: 'high',
      ownerId: ids.admin,
      status: 'monitoring',
      description: 'Three of the last five tenders asked for an ISO/IEC 27001 certificate.',
      effect: 'Certification is a commercial objective; the ISMS must reach certification readiness within the year.',
    },
    {
      title: 'Shortage of experienced security staff',
      direction: 'external',
      category: 'social_cultural',
      relevance: 'medium',
      ownerId: ids.admin,
      description: 'Hiring security engineers takes six months or more in our region.',
      effect:
        'Limits how much the ISMS can do in-house; some monitoring may be outsourced, which adds supplier interfaces.',
    },
    {
      title: 'Rising cost of cyber insurance',
      direction: 'external',
      category: 'financial_macroeconomic',
      relevance: 'low',
      ownerId: m,
      description: 'Premiums rose sharply at the last renewal and the insurer added security conditions.',
      effect: 'The insurer’s conditions become requirements; failing them could void cover.',
    },
    {
      title: 'Fast-moving engineering culture',
      direction: 'internal',
      category: 'culture',
      relevance: 'medium',
      ownerId: c,
      description: 'Teams ship several times a day and value autonomy over process.',
      effect:
        'Controls must be built into the delivery pipeline rather than added as approvals, or they will be bypassed.',
    },
    {
      title: 'Small IT operations team',
      direction: 'internal',
      category: 'capabilities',
      relevance: 'high',
      ownerId: m,
      description: 'Two people run internal IT for 120 staff alongside the platform on-call rota.',
      effect: 'Key-person dependency; access reviews and patching need automation and a deputy for each task.',
    },
    {
      title: 'Customer data flows through a third-party payment gateway',
      direction: 'internal',
      category: 'information_systems_flows',
      relevance: 'high',
      ownerId: c,
      description: 'Salary payments leave our platform through a payment gateway under a separate contract.',
      effect:
        'The interface is a boundary of the ICT scope; data in transit to the gateway needs its own controls and contract clauses.',
    },
    {
      title: 'Findings of last year’s penetration test',
      direction: 'internal',
      category: 'audits_risk_results',
      relevance: 'medium',
      ownerId: m,
      status: 'closed',
      description: 'Two high findings on session handling, both fixed and retested.',
      effect: 'Feeds the first risk assessment; no longer open but kept for the management review.',
    },
  ];
  for (const issue of issues) await create(issuesModule, { ...issue, nextReviewDate: inDays(90) });

  await setClimateDecision(ctx, {
    relevant: true,
    reasoning:
      'Our hosting region faces more frequent heatwaves and flood warnings, and two enterprise customers now ask about resilience to extreme weather. Climate change therefore bears on the availability our ISMS must protect; see the climate-related issue and requirement.',
    decidedBy: ids.approver,
    decidedOn: inDays(-30),
  });

  const party = async (values: Record<string, unknown>) => (await create(interestedPartiesModule, values)).id as string;
  const regulator = await party({
    name: 'Data protection supervisory authority',
    direction: 'external',
    type: 'regulator',
    relevance: 'high',
    ownerId: m,
    contact: 'Via the DPO mailbox; official correspondence by registered letter',
    description: 'Supervises how we process personal data of our customers’ employees.',
  });
  const customers = await party({
    name: 'Enterprise payroll customers',
    direction: 'external',
    type: 'customer',
    relevance: 'high',
    ownerId: ids.admin,
    contact: 'Account managers',
    description: 'Employers with over 500 staff on a master services agreement.',
  });
  const cloud = await party({
    name: 'Cloud hosting provider',
    direction: 'external',
    type: 'supplier',
    relevance: 'high',
    ownerId: c,
    contact: 'Enterprise support portal; named technical account manager',
    description: 'Runs the infrastructure of the payroll platform in two regions.',
  });
  const shareholders = await party({
    name: 'Shareholders and board',
    direction: 'external',
    type: 'shareholder',
    relevance: 'medium',
    ownerId: ids.admin,
    description: 'A venture fund and the founders; expect growth without reputational damage.',
  });
  const insurer = await party({
    name: 'Cyber insurer',
    direction: 'external',
    type: 'other_external',
    relevance: 'medium',
    ownerId: m,
    contact: 'Broker, renewal each March',
    description: 'Covers incident response costs and business interruption.',
  });
  const management = await party({
    name: 'Executive team',
    direction: 'internal',
    type: 'top_management',
    relevance: 'high',
    ownerId: ids.approver,
    description: 'Sets direction, approves the scope and the risk acceptance criteria.',
  });
  const staff = await party({
    name: 'Employees and contractors',
    direction: 'internal',
    type: 'employee_user',
    relevance: 'medium',
    ownerId: m,
    contact: 'HR and the all-hands channel',
    description: 'Use company systems daily; expect clear rules and protection of their own HR data.',
  });
  const engineering = await party({
    name: 'Platform engineering',
    direction: 'internal',
    type: 'owner',
    relevance: 'medium',
    ownerId: c,
    description: 'Owns the payroll platform and its data stores.',
  });

  const requirements = [
    {
      partyId: regulator,
      title: 'Notify personal-data breaches within 72 hours',
      kind: 'legal',
      sourceReference: 'GDPR Art. 33',
      addressed: 'partially',
      status: 'applicable',
      howAddressed: 'Incident procedure has a notification step; the 72-hour clock is not yet rehearsed.',
    },
    {
      partyId: regulator,
      title: 'Keep a record of processing activities',
      kind: 'legal',
      sourceReference: 'GDPR Art. 30',
      addressed: 'fully',
      status: 'applicable',
      howAddressed: 'Maintained by the DPO and reviewed twice a year.',
    },
    {
      partyId: regulator,
      title: 'Appropriate security of processing',
      kind: 'legal',
      sourceReference: 'GDPR Art. 32',
      addressed: 'partially',
      status: 'applicable',
      howAddressed: 'Covered by the ISMS risk assessment and Annex A controls as they are implemented.',
    },
    {
      partyId: customers,
      title: '99.9% monthly availability of the payroll service',
      kind: 'contractual',
      sourceReference: 'Master services agreement, schedule 2 (SLA)',
      addressed: 'fully',
      status: 'applicable',
      howAddressed: 'Two-region deployment, on-call rota, monthly availability report.',
    },
    {
      partyId: customers,
      title: 'Right to audit the provider once a year',
      kind: 'contractual',
      sourceReference: 'Master services agreement, clause 14.3',
      addressed: 'partially',
      status: 'applicable',
    },
    {
      partyId: customers,
      title: 'Recovery from a regional outage caused by extreme weather within 8 hours',
      kind: 'contractual',
      sourceReference: 'Resilience addendum (2 customers)',
      addressed: 'not_yet',
      status: 'applicable',
      climateRelated: true,
      howAddressed: 'Failover to the second region designed but not yet tested end to end.',
    },
    {
      partyId: cloud,
      title: 'Customer responsible for access management of its accounts',
      kind: 'contractual',
      sourceReference: 'Provider shared-responsibility terms',
      addressed: 'partially',
      status: 'applicable',
    },
    {
      partyId: insurer,
      title: 'Multi-factor authentication on all remote and admin access',
      kind: 'contractual',
      sourceReference: 'Policy conditions, section 4',
      addressed: 'fully',
      status: 'applicable',
      howAddressed: 'Enforced through the identity provider for every account.',
    },
    {
      partyId: insurer,
      title: 'Offline or immutable backups tested every quarter',
      kind: 'contractual',
      sourceReference: 'Policy conditions, section 6',
      addressed: 'partially',
      status: 'applicable',
    },
    {
      partyId: shareholders,
      title: 'ISO/IEC 27001 certification within 12 months',
      kind: 'other',
      sourceReference: 'Board resolution',
      addressed: 'partially',
      status: 'applicable',
      howAddressed: 'This ISMS project.',
    },
    {
      partyId: management,
      title: 'Quarterly security report to the executive team',
      kind: 'other',
      addressed: 'not_yet',
      status: 'identified',
    },
    {
      partyId: staff,
      title: 'Confidential handling of employees’ own HR data',
      kind: 'legal',
      sourceReference: 'Employment law and GDPR',
      addressed: 'fully',
      status: 'applicable',
    },
    {
      partyId: engineering,
      title: 'Security requirements that fit the delivery pipeline',
      kind: 'other',
      addressed: 'not_yet',
      status: 'identified',
    },
  ];
  for (const r of requirements) await create(requirementsModule, { ...r, reviewDate: inDays(180) });
}
