import {
  auditPlanSchema,
  auditProgrammeRegister,
  auditProgrammeVersioned,
} from '../../schema/internal-audit/audit-programme.register.js';
import { ValidationError } from '../errors.js';
import { onePerOrganization } from '../register/one-per-organization.js';
import type { RegisterModule } from '../register/register-module.js';
import type { DocumentBlock, VersionedModule } from '../versioning/versioned-module.js';

/** One audit programme per organization (9.2.2): its versions are its history. */
export const auditProgrammeModule: RegisterModule<typeof auditProgrammeRegister.fields> = {
  def: auditProgrammeRegister,
  beforeWrite: onePerOrganization('auditProgrammes', 'audit programme'),
};

/** The coverage plan as document tables (DOCX/PDF). */
function planBlocks(value: unknown): DocumentBlock[] {
  const p = auditPlanSchema.parse(value);
  const period = p.periodFrom || p.periodTo ? `${p.periodFrom ?? '…'} to ${p.periodTo ?? '…'}` : 'Not set';
  return [
    {
      kind: 'text',
      heading: 'Period and competence',
      subheading: true,
      paragraphs: [`Period: ${period}.`, ...p.competence.map((c) => `Auditor competence: ${c}`)],
    },
    {
      kind: 'table',
      heading: 'Planned audits',
      subheading: true,
      columns: ['Key', 'Audit', 'From', 'To', 'Clauses', 'Controls'],
      widths: [8, 30, 12, 12, 24, 14],
      rows: p.plannedAudits.map((a) => [
        a.key,
        a.title,
        a.plannedFrom,
        a.plannedTo,
        a.clauses.join(', '),
        String(a.controlIds.length + p.keyControlIds.length),
      ]),
    },
  ];
}

export const auditProgrammeVersionedModule: VersionedModule = {
  register: auditProgrammeModule,
  versioned: auditProgrammeVersioned,
  renderData: (key, value) => (key === 'plan' ? planBlocks(value) : []),
  /** every control a plan names is a current control of the organization (field names the one that is not) */
  async prepareDraft(ctx, trx, _recordId, content) {
    const plan = auditPlanSchema.parse(content.plan);
    const named = [...new Set([...plan.keyControlIds, ...plan.plannedAudits.flatMap((a) => a.controlIds)])];
    if (named.length) {
      const found = new Set(
        (
          await trx
            .selectFrom('controls')
            .select('id')
            .where('orgId', '=', ctx.org.id)
            .where('archivedAt', 'is', null)
            .where('id', 'in', named)
            .execute()
        ).map((c) => c.id),
      );
      const bad = (ids: string[], path: string) => {
        const i = ids.findIndex((id) => !found.has(id));
        if (i >= 0)
          throw new ValidationError([
            { field: `${path}.${i}`, message: 'No such current control in this organization' },
          ]);
      };
      bad(plan.keyControlIds, 'body.content.plan.keyControlIds');
      plan.plannedAudits.forEach((a, n) => bad(a.controlIds, `body.content.plan.plannedAudits.${n}.controlIds`));
    }
    return { ...content, plan };
  },
};
