import { ISMS_RISK_EFFECTIVENESS, ISMS_RISK_KINDS, ISMS_RISK_STATUSES } from '../../schema/risks/isms-risk.register.js';
import type { IsmsRiskSummary } from '../../schema/risks/isms-risks.schema.js';
import type { OrgContext } from '../context.js';
import { evaluationOverdue, sourceCondition } from './isms-risks.module.js';

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * Counts of the current register for the summary bar: by kind and effectiveness, by status, overdue evaluations and
 * records without a source. Three grouped queries whatever the size of the register.
 */
export async function ismsRiskSummary(ctx: OrgContext): Promise<IsmsRiskSummary> {
  const current = () => ctx.db.selectFrom('ismsRisks').where('orgId', '=', ctx.org.id).where('archivedAt', 'is', null);
  const groups = await current()
    .select((eb) => ['kind', 'effectiveness', 'status', eb.fn.countAll<number>().as('n')])
    .groupBy(['kind', 'effectiveness', 'status'])
    .execute();
  const [overdue, unsourced] = await Promise.all([
    current()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => evaluationOverdue(eb))
      .executeTakeFirstOrThrow(),
    current()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => sourceCondition(eb, 'none'))
      .executeTakeFirstOrThrow(),
  ]);

  const byKind = Object.fromEntries(
    ISMS_RISK_KINDS.map((k) => [k, { total: 0, effectiveness: zeros(ISMS_RISK_EFFECTIVENESS) }]),
  ) as IsmsRiskSummary['byKind'];
  const byStatus = zeros(ISMS_RISK_STATUSES);
  let total = 0;
  for (const g of groups) {
    const n = Number(g.n);
    total += n;
    const kind = byKind[g.kind as keyof typeof byKind];
    if (kind) {
      kind.total += n;
      if (g.effectiveness in kind.effectiveness)
        kind.effectiveness[g.effectiveness as keyof typeof kind.effectiveness] += n;
    }
    if (g.status in byStatus) byStatus[g.status as keyof typeof byStatus] += n;
  }
  return { total, byKind, byStatus, evaluationOverdue: Number(overdue.n), withoutSource: Number(unsourced.n) };
}
