import type { Role } from '../../schema/auth/roles.js';
import type { OrgContext } from '../context.js';
import { createRecord } from '../register/register.service.js';
import { scopeModule, scopeVersionedModule } from '../scope/scope.module.js';
import { approveVersion, saveDraft } from '../versioning/versions.service.js';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** Version 1 of Example Ltd's scope, as top management approved it. */
const APPROVED_SCOPE = {
  statement:
    'The ISMS of Example Ltd covers the development, operation and support of the hosted payroll service "PayFlow" and the people, processes, systems and offices that deliver it.',
  organizationalScope:
    'Engineering, platform operations, customer support, and the security and privacy function. Finance and HR are included as users of payroll data about our own staff.',
  organizationalBoundaries: 'Sales and marketing are outside the scope: they handle no customer payroll data.',
  organizationalInterfaces:
    'Sales hands new customers to onboarding through the CRM; the parent company provides legal counsel under an intra-group agreement.',
  ictScope:
    'The PayFlow production and disaster-recovery environments at the cloud provider, the delivery pipeline, corporate identity provider, laptops and the support ticketing system.',
  ictBoundaries: 'The cloud provider’s infrastructure below our accounts, and customers’ own HR systems.',
  ictInterfaces:
    'Customer HR systems through the import API; the payment gateway through its API; e-mail through the mail provider.',
  physicalScope: 'The head office in Leeds (two floors) and employees’ home offices.',
  physicalBoundaries: 'The cloud provider’s data centres (covered by its own certification and our contract).',
  physicalInterfaces: 'Reception and the shared building entrance managed by the landlord.',
  inclusions: [
    { item: 'PayFlow service', description: 'Payroll calculation, payslips and payment files for customers' },
    { item: 'Customer support', description: 'Tickets and screen-sharing sessions that may show payroll data' },
  ],
  exclusions: [
    { item: 'Marketing website', reason: 'Static site hosted separately; holds no customer or employee data.' },
  ],
  outsourced: [
    {
      function: 'Hosting and infrastructure',
      provider: 'Cloud provider (primary and DR region)',
      interface: 'Shared-responsibility model; provider certificates reviewed yearly',
    },
    {
      function: 'Payment execution',
      provider: 'Payment gateway',
      interface: 'Signed payment files over the gateway API; contract clause on breach notification',
    },
  ],
  dependencies: [
    { dependency: 'Identity provider', description: 'Single sign-on for staff; an outage stops support work' },
  ],
};

/**
 * The scope statement of the demo: version 1 approved by the approver, and version 2 in progress (a new office
 * being added) so that the versions, the comparison and the locked approved text can all be seen at once.
 */
export async function seedScope(ctx: OrgContext, ids: Record<Role, string>): Promise<void> {
  const record = await createRecord(ctx, scopeModule, {
    title: 'ISMS scope statement',
    ownerId: ids.isms_manager,
    nextReviewDate: inDays(300),
  });
  const id = String(record.id);
  const v1 = await saveDraft(ctx, scopeVersionedModule, id, {
    content: APPROVED_SCOPE,
    stage: 'final',
    changeNote: 'Scope agreed in the workshops with the executive team.',
  });
  const approver: OrgContext = {
    ...ctx,
    role: 'approver',
    actor: { kind: 'user', userId: ids.approver, label: 'approver' },
  };
  await approveVersion(approver, scopeVersionedModule, id, 1, {
    contentHash: String(v1.contentHash),
    comment: 'Approved at the executive meeting.',
  });
  await saveDraft(ctx, scopeVersionedModule, id, {
    content: {
      ...APPROVED_SCOPE,
      physicalScope:
        'The head office in Leeds (two floors), the new support office in Manchester, and employees’ home offices.',
      inclusions: [
        ...APPROVED_SCOPE.inclusions,
        { item: 'Manchester support office', description: 'Opens next quarter; support staff only' },
      ],
    },
    stage: 'refined',
    changeNote: 'Adds the Manchester support office.',
  });
}
