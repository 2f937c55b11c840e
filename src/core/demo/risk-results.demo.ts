import type { Role } from '../../schema/auth/roles.js';
import type { OrgContext } from '../context.js';
import { treatmentResultsModule, treatmentResultsVersionedModule } from '../controls/treatment-results.module.js';
import { createRecord } from '../register/register.service.js';
import { assessmentResultsVersionedModule } from '../risks/assessment-results.module.js';
import { approveVersion, saveDraft } from '../versioning/versions.service.js';

/**
 * Example Ltd's results documents: last year's closed assessment has its results (8.2) written up and approved by
 * the ISMS manager, and the treatment plan's status (8.3) is recorded and approved by top management.
 */
export async function seedRiskResults(ctx: OrgContext, ids: Record<Role, string>): Promise<void> {
  const manager: OrgContext = {
    ...ctx,
    role: 'isms_manager',
    actor: { kind: 'user', userId: ids.isms_manager, label: 'isms_manager' },
  };
  const top: OrgContext = {
    ...ctx,
    role: 'approver',
    actor: { kind: 'user', userId: ids.approver, label: 'approver' },
  };
  const closed = await ctx.db
    .selectFrom('riskAssessments')
    .select('id')
    .where('orgId', '=', ctx.org.id)
    .where('status', '=', 'closed')
    .execute();
  for (const { id } of closed) {
    const draft = await saveDraft(manager, assessmentResultsVersionedModule, id, {
      content: {
        summary:
          'The yearly assessment covered the whole ISMS scope on the approved 5 × 5 methodology. Ransomware, phishing-led payment fraud and the loss of phones holding production authenticators lead the priority order.',
        conclusions:
          'Risks beyond the acceptance criteria go to the treatment plan; the phone risk is to be reassessed once device management is rolled out.',
      },
    });
    await approveVersion(manager, assessmentResultsVersionedModule, id, draft.versionNo, {
      contentHash: draft.contentHash,
    });
  }
  const record = await createRecord(
    ctx,
    treatmentResultsModule,
    treatmentResultsModule.def.createSchema.parse({
      title: 'Risk treatment results (this quarter)',
      ownerId: ids.isms_manager,
    }),
  );
  const draft = await saveDraft(manager, treatmentResultsVersionedModule, String(record.id), {
    content: {
      summary: 'Treatment is under way: the controls chosen for the highest risks are being implemented.',
      conclusions: 'Overdue actions are replanned at the next management review.',
    },
  });
  await approveVersion(top, treatmentResultsVersionedModule, String(record.id), draft.versionNo, {
    contentHash: draft.contentHash,
  });
}
