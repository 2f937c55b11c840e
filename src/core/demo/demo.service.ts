import { seedControls } from './controls.demo.js';
import type { Db } from '../../db/connect.js';
import type { Role } from '../../schema/auth/roles.js';
import { ROLES } from '../../schema/auth/roles.js';
import { recordAudit } from '../audit/audit.service.js';
import { SYSTEM_ACTOR, type OrgContext } from '../context.js';
import { insertOrg } from '../orgs/orgs.service.js';
import { actionsModule } from '../actions/actions.module.js';
import { seedContext } from './context.demo.js';
import { seedLeadership } from './leadership.demo.js';
import { seedScope } from './scope.demo.js';
import { seedAssets } from './assets.demo.js';
import { seedRisks } from './risks.demo.js';
import { seedIsmsRisks } from './isms-risks.demo.js';
import { seedEvidence } from './evidence.demo.js';
import { seedDocuments } from './documents.demo.js';
import { seedInternalAudit } from './internal-audit.demo.js';
import { seedImprovement } from './improvement.demo.js';
import { seedMeasurement } from './measurement.demo.js';
import { seedManagementReview } from './management-review.demo.js';
import { seedRiskResults } from './risk-results.demo.js';
import { createRecord } from '../register/register.service.js';
import type { ChangesOf } from '../register/register-module.js';
import type { actionRegister } from '../../schema/actions/action.register.js';
import { insertUser } from '../users/users.service.js';
import { nowIso } from '../util/ids.js';
import { inInstanceTransaction } from '../transaction.js';
import { REGISTERS } from '../modules.js';

export const DEMO_ORG = { name: 'Example Ltd', slug: 'example' };
/** Demo accounts share one published password: they exist to be tried, never for real data. */
export const DEMO_PASSWORD = 'rampart-demo-password';

const DEMO_PEOPLE: Record<Role, { name: string; email: string }> = {
  admin: { name: 'Alex Admin', email: 'admin@example.com' },
  isms_manager: { name: 'Morgan Manager', email: 'manager@example.com' },
  contributor: { name: 'Casey Contributor', email: 'contributor@example.com' },
  auditor: { name: 'Avery Auditor', email: 'auditor@example.com' },
  approver: { name: 'Pat Approver', email: 'approver@example.com' },
  viewer: { name: 'Vic Viewer', email: 'viewer@example.com' },
};

export interface DemoResult {
  created: boolean;
  org: { slug: string; name: string };
  users: { role: Role; name: string; email: string }[];
  password: string;
}

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Loads the demo organization "Example Ltd" with one user per role and a few actions. Running it again changes
 * nothing. Later modules add their demo records in `seedModules`.
 */
export async function loadDemo(db: Db): Promise<DemoResult> {
  const users = ROLES.map((role) => ({ role, ...DEMO_PEOPLE[role] }));
  const existing = await db
    .selectFrom('organizations')
    .select('id')
    .where('slug', '=', DEMO_ORG.slug)
    .executeTakeFirst();
  if (existing) return { created: false, org: DEMO_ORG, users, password: DEMO_PASSWORD };

  const { org, ids } = await inInstanceTransaction(db, async (trx) => {
    const ids = {} as Record<Role, string>;
    for (const u of users) {
      const found = await trx.selectFrom('users').select('id').where('email', '=', u.email).executeTakeFirst();
      ids[u.role] =
        found?.id ??
        (await insertUser(trx, { email: u.email, name: u.name, password: DEMO_PASSWORD }, SYSTEM_ACTOR, null)).id;
    }
    const org = await insertOrg(trx, DEMO_ORG, ids.admin, SYSTEM_ACTOR);
    for (const u of users) {
      if (u.role === 'admin') continue;
      await trx
        .insertInto('memberships')
        .values({ orgId: org.id, userId: ids[u.role], role: u.role, createdAt: nowIso() })
        .execute();
      await recordAudit(trx, {
        orgId: org.id,
        actor: SYSTEM_ACTOR,
        entityType: 'user',
        entityId: ids[u.role],
        event: { type: 'member.added', payload: { email: u.email, role: u.role } },
      });
    }
    return { org, ids };
  });

  const ctx: OrgContext = {
    db,
    org,
    role: 'admin',
    actor: { kind: 'user', userId: ids.isms_manager, label: DEMO_PEOPLE.isms_manager.email },
    registers: REGISTERS,
  };
  await seedActions(ctx, ids);
  await seedContext(ctx, ids);
  await seedScope(ctx, ids);
  await seedLeadership(ctx, ids);
  // after leadership (assets name the ISMS processes they serve), before the risks that name assets and threats
  await seedAssets(ctx, ids);
  // ISMS risks and opportunities come from the issues and requirements, and are built into the ISMS processes
  await seedIsmsRisks(ctx, ids);
  // last: risks point at the assets, threats, issues and requirements seeded above
  await seedRisks(ctx, ids);
  // evidence files, attached to the actions and the scope statement seeded above
  await seedEvidence(ctx, ids);
  // risk treatment and the SoA: controls determined for the risks seeded above
  await seedControls(ctx, ids);
  // the results of risk assessment (8.2) and treatment (8.3), approved, once the plan has its treatments
  await seedRiskResults(ctx, ids);
  // the policy framework and other documented information, published and partly acknowledged
  await seedDocuments(ctx, ids);
  // last: the internal audit samples what is above, and its findings start the nonconformities and improvements
  await seedImprovement(ctx, ids, await seedInternalAudit(ctx, ids));
  // objectives and their measures, after the records the built-in measures count
  await seedMeasurement(ctx, ids);
  // last: the management review compiles its inputs from everything seeded above
  await seedManagementReview(ctx, ids);
  return { created: true, org: DEMO_ORG, users, password: DEMO_PASSWORD };
}

async function seedActions(ctx: OrgContext, ids: Record<Role, string>) {
  const actions: ChangesOf<typeof actionRegister.fields>[] = [
    {
      title: 'Agree the ISMS scope with top management',
      ownerId: ids.isms_manager,
      dueDate: inDays(14),
      priority: 'high',
      resources: 'Two workshops of two hours; ISMS manager and the board',
      evaluation: 'Scope statement approved by the approver role',
      status: 'done',
      outcome: 'Version 1 approved; version 2 adds the Manchester office.',
    },
    {
      title: 'Run the first information security awareness session',
      ownerId: ids.contributor,
      dueDate: inDays(-5),
      priority: 'medium',
      resources: 'One hour per team; slides from the policy set',
      evaluation: 'Attendance above 90% and quiz results recorded',
      status: 'open',
    },
    {
      title: 'Review supplier contracts for security clauses',
      ownerId: ids.contributor,
      dueDate: inDays(45),
      priority: 'medium',
      resources: 'Legal counsel, 3 days',
      evaluation: 'Every critical supplier contract checked against the clause list',
      status: 'open',
    },
    {
      title: 'Plan the first internal audit',
      ownerId: ids.auditor,
      dueDate: inDays(60),
      priority: 'low',
      resources: 'Internal auditor, 2 days of planning',
      evaluation: 'Audit programme approved',
      status: 'open',
    },
    {
      title: 'Set up the access review for the finance system',
      ownerId: ids.isms_manager,
      dueDate: inDays(-20),
      priority: 'high',
      resources: 'System owner, 1 day',
      evaluation: 'Review record signed by the system owner',
      status: 'done',
      outcome: 'Three stale accounts removed.',
    },
  ];
  for (const a of actions) await createRecord(ctx, actionsModule, a);
}
