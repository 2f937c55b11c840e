import type { Role } from '../../schema/auth/roles.js';
import { ISMS_RISK_ENTITY } from '../../schema/risks/isms-risk.register.js';
import { actionsModule } from '../actions/actions.module.js';
import type { OrgContext } from '../context.js';
import type { AnyRegisterModule, Values } from '../register/register-module.js';
import { createRecord, updateRecord } from '../register/register.service.js';
import { ismsRisksModule } from '../risks/isms-risks.module.js';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

interface DemoItem {
  values: Record<string, unknown>;
  issue?: RegExp;
  requirement?: RegExp;
  process?: RegExp;
  actions?: Record<string, unknown>[];
  /** applied after the actions: progress and the evaluation of their effectiveness */
  then?: Record<string, unknown>;
}

/**
 * Example Ltd's risks and opportunities for its ISMS (6.1.1), each traced to an issue or requirement of the context
 * seeded before, with actions in the shared tracker (the first one moves the record to "action planned") and
 * evaluations: one effective, one partly, one not effective, one overdue, and one still waiting for an action.
 */
export async function seedIsmsRisks(ctx: OrgContext, ids: Record<Role, string>): Promise<void> {
  const create = (mod: AnyRegisterModule, values: Values) => createRecord(ctx, mod, mod.def.createSchema.parse(values));
  const inOrg = async (table: 'issues' | 'requirements' | 'ismsProcesses', column: 'title' | 'name') =>
    (await ctx.db
      .selectFrom(table)
      .select(['id', `${column} as label`])
      .where('orgId', '=', ctx.org.id)
      .execute()) as { id: string; label: string }[];
  const [issues, requirements, processes] = await Promise.all([
    inOrg('issues', 'title'),
    inOrg('requirements', 'title'),
    inOrg('ismsProcesses', 'name'),
  ]);
  const find = (rows: { id: string; label: string }[], pattern?: RegExp) =>
    pattern ? rows.find((r) => pattern.test(r.label))?.id : undefined;
  const m = ids.isms_manager;
  const c = ids.contributor;

  const items: DemoItem[] = [
    {
      values: {
        kind: 'risk',
        title: 'Nobody in the delivery teams owns the security steps',
        category: 'unclear_responsibilities',
        aim: 'intended_outcomes',
        significance: 'high',
        ownerId: m,
        description:
          'PayFlow teams ship several times a day. Threat modelling, dependency checks and security review of changes are everybody’s job on paper and nobody’s in practice.',
        effect:
          'Changes to the payroll platform can reach customers without the controls the ISMS relies on; the outcome “customer payroll data protected” is not delivered.',
        evaluationMethod:
          'Each product team has a named security champion in the RACI; the internal audit samples 10 production changes and finds the security review step done in at least 9.',
        evaluationDueDate: inDays(-10),
      },
      issue: /engineering culture/,
      requirement: /fit the delivery pipeline/,
      process: /Secure operations/,
      actions: [
        {
          title: 'Name a security champion in each product team',
          ownerId: m,
          dueDate: inDays(-40),
          priority: 'high',
          resources: 'Two hours a week per champion',
          evaluation: 'Champions listed in the RACI and trained',
          status: 'done',
          outcome: 'Four of five teams named a champion; the payments team is still recruiting.',
        },
        {
          title: 'Add a security review gate to the deployment pipeline',
          ownerId: c,
          dueDate: inDays(20),
          priority: 'high',
          resources: 'Platform engineering, 5 days',
          evaluation: 'The pipeline blocks a release without the review record',
          status: 'in_progress',
        },
      ],
      then: {
        status: 'monitoring',
        effectiveness: 'partially_effective',
        evaluatedOn: inDays(-7),
        evaluationNotes:
          'Audit sample: 7 of 10 changes had the security review. The three without were all from the payments team, which has no champion yet. Re-evaluate after the pipeline gate is live.',
      },
    },
    {
      values: {
        kind: 'risk',
        title: 'Payday phishing catches payroll and support staff',
        category: 'weak_awareness',
        aim: 'intended_outcomes',
        significance: 'high',
        ownerId: c,
        description:
          'Attackers time fake “payslip correction” e-mails to payday. Support agents handle customer payroll files and can reset customer logins.',
        effect:
          'One click can hand an attacker access to customers’ payroll data and undo the trust the ISMS is meant to build.',
        evaluationMethod:
          'Two phishing simulations a quarter apart: reporting rate above 50% and no credentials entered in the second one.',
        evaluationDueDate: inDays(-20),
      },
      issue: /Ransomware/,
      process: /Secure operations/,
      actions: [
        {
          title: 'Run payday-phishing training for support and payroll operations',
          ownerId: c,
          dueDate: inDays(-60),
          priority: 'high',
          resources: 'Security team, two 45-minute sessions',
          evaluation: 'Attendance and quiz above 85%',
          status: 'done',
          outcome: 'All 34 staff attended; average quiz score 91%.',
        },
        {
          title: 'Add a “report phishing” button to the mail client',
          ownerId: ids.admin,
          dueDate: inDays(-50),
          priority: 'medium',
          resources: 'IT, half a day',
          evaluation: 'Button deployed to every mailbox',
          status: 'done',
        },
      ],
      then: {
        status: 'monitoring',
        effectiveness: 'effective',
        evaluatedOn: inDays(-14),
        evaluationNotes:
          'Reporting rate rose from 22% to 61% between the two simulations; nobody entered credentials in the second. Keep the quarterly simulation.',
      },
    },
    {
      values: {
        kind: 'risk',
        title: 'The board loses interest once the certificate is obtained',
        category: 'poor_management_engagement',
        aim: 'intended_outcomes',
        significance: 'high',
        ownerId: ids.approver,
        description:
          'Security is discussed at the board when a customer asks for it; there is no regular report and risk decisions wait for the next crisis.',
        effect:
          'Resources and decisions would dry up after certification and the ISMS would drift back to a paper exercise.',
        evaluationMethod:
          'Board minutes show the quarterly ISMS report discussed at each meeting of the year, with decisions recorded and their actions tracked here.',
        evaluationDueDate: inDays(120),
      },
      issue: /certification in tenders/,
      requirement: /Quarterly security report/,
      process: /Management review/,
      actions: [
        {
          title: 'Make the ISMS report a standing item of the quarterly board meeting',
          ownerId: m,
          dueDate: inDays(30),
          priority: 'medium',
          resources: 'ISMS manager, half a day per quarter',
          evaluation: 'Item on the agenda of the next four meetings',
          status: 'open',
        },
      ],
    },
    {
      values: {
        kind: 'risk',
        title: 'Two-person IT team cannot keep up with ISMS operations',
        category: 'insufficient_resources',
        aim: 'intended_outcomes',
        significance: 'medium',
        ownerId: m,
        description:
          'Access reviews, patching reports and backup checks fall on the two people who also run internal IT and share the platform on-call rota.',
        effect: 'Recurring controls slip and evidence is assembled in a hurry before audits.',
        evaluationMethod:
          'Quarterly access review and monthly patch report produced on time for a full quarter, without overtime on the on-call rota.',
        evaluationDueDate: inDays(-5),
      },
      issue: /Small IT operations team/,
      process: /Secure operations/,
      actions: [
        {
          title: 'Automate the quarterly access review from the identity provider',
          ownerId: c,
          dueDate: inDays(-3),
          priority: 'high',
          resources: 'IT operations, 4 days; identity provider reporting licence',
          evaluation: 'Review list generated without manual export',
          status: 'in_progress',
        },
      ],
    },
    {
      values: {
        kind: 'risk',
        title: 'Risk owners have not seen the risks they own',
        category: 'weak_risk_management',
        aim: 'undesired_effects',
        significance: 'medium',
        ownerId: m,
        description:
          'The first risk assessment was run by the security team; several named owners have not reviewed their risks or the proposed treatment.',
        effect:
          'Risks could stay above the acceptance criteria without the people who have the authority to treat them knowing.',
      },
      requirement: /Appropriate security of processing/,
      process: /Risk assessment/,
    },
    {
      values: {
        kind: 'risk',
        title: 'Payment-gateway interface left out of the scope',
        category: 'inappropriate_scope',
        aim: 'intended_outcomes',
        significance: 'high',
        ownerId: m,
        description:
          'The first scope draft stopped at the platform boundary, although salary payments leave through the gateway.',
        effect: 'The certificate would not cover the flow customers care most about.',
        evaluationMethod:
          'The approved scope names the gateway interface and the controls on it; no customer requirement depends on an excluded part.',
        evaluationDueDate: inDays(-45),
      },
      issue: /payment gateway/,
      process: /Context and scope/,
      actions: [
        {
          title: 'Add the gateway interface to the ICT scope boundaries',
          ownerId: m,
          dueDate: inDays(-60),
          priority: 'high',
          resources: 'ISMS manager and platform lead, one workshop',
          evaluation: 'Interface listed in the approved scope',
          status: 'done',
          outcome: 'Included in the approved scope statement.',
        },
      ],
      then: {
        status: 'closed',
        effectiveness: 'effective',
        evaluatedOn: inDays(-40),
        evaluationNotes:
          'The approved scope lists the gateway interface; its contract clauses were reviewed at the same time.',
      },
    },
    {
      values: {
        kind: 'opportunity',
        title: 'Win enterprise tenders that require ISO/IEC 27001',
        category: 'new_markets',
        aim: 'intended_outcomes',
        significance: 'high',
        ownerId: ids.admin,
        description:
          'Three of the last five enterprise tenders for payroll services asked for a certificate; we could not bid on two of them.',
        effect:
          'Certification opens the enterprise segment for PayFlow; larger customers also bring stricter audit and availability requirements.',
        evaluationMethod:
          'Tenders entered and won that required certification, reported at each management review; target: two enterprise contracts in the first year.',
        evaluationDueDate: inDays(180),
      },
      issue: /certification in tenders/,
      requirement: /certification within 12 months/,
      process: /Management review/,
      actions: [
        {
          title: 'Prepare a tender-ready security pack from the ISMS records',
          ownerId: c,
          dueDate: inDays(45),
          priority: 'medium',
          resources: 'Sales engineer and ISMS manager, 3 days',
          evaluation: 'Pack used in the next tender without extra work',
          status: 'open',
        },
      ],
    },
    {
      values: {
        kind: 'opportunity',
        title: 'Automate the insurer’s quarterly backup test',
        category: 'automation',
        aim: 'continual_improvement',
        significance: 'medium',
        ownerId: c,
        description:
          'The insurer requires immutable backups tested every quarter; today the restore test is a manual afternoon that is easy to postpone.',
        effect:
          'An automated restore test would keep the insurance condition met and give the ISMS evidence at any moment.',
        evaluationMethod: 'Automated restore test succeeds every month for a quarter and failures raise an alert.',
        evaluationDueDate: inDays(-2),
      },
      requirement: /immutable backups/,
      process: /Monitoring and measurement/,
      actions: [
        {
          title: 'Schedule a monthly automated restore into an isolated account',
          ownerId: c,
          dueDate: inDays(-30),
          priority: 'medium',
          resources: 'Platform engineering, 3 days',
          evaluation: 'Restore job runs monthly',
          status: 'done',
        },
        {
          title: 'Alert on-call when the restore test fails',
          ownerId: c,
          dueDate: inDays(14),
          priority: 'high',
          resources: 'Half a day',
          evaluation: 'A deliberately broken test raises an alert',
          status: 'open',
        },
      ],
      then: {
        effectiveness: 'not_effective',
        evaluatedOn: inDays(-1),
        evaluationNotes:
          'The job ran in only one of the last three months and its failures went unnoticed: the alerting action is now planned.',
      },
    },
    {
      values: {
        kind: 'opportunity',
        title: 'Answer customer security questionnaires from the ISMS',
        category: 'customer_trust',
        aim: 'intended_outcomes',
        significance: 'low',
        ownerId: ids.admin,
        description: 'Account managers spend two to three days on each customer questionnaire and audit request.',
        effect: 'Reusing the ISMS records would shorten sales cycles and make our answers consistent.',
      },
      requirement: /Right to audit/,
    },
  ];

  for (const item of items) {
    const record = await create(ismsRisksModule, {
      ...item.values,
      ...(find(issues, item.issue) ? { sourceIssueId: find(issues, item.issue) } : {}),
      ...(find(requirements, item.requirement) ? { sourceRequirementId: find(requirements, item.requirement) } : {}),
      ...(find(processes, item.process) ? { processId: find(processes, item.process) } : {}),
    });
    for (const action of item.actions ?? [])
      await create(actionsModule, { ...action, sourceType: ISMS_RISK_ENTITY, sourceId: record.id });
    if (item.then) await updateRecord(ctx, ismsRisksModule, String(record.id), item.then);
  }
}
