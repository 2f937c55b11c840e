import type { HeatMapData } from '../../schema/risks/risks.responses.js';
import type { OrgContext } from '../context.js';
import { labelIn } from './level-labels.js';
import { methodologyInForce } from './methodology.service.js';
import { evaluate } from './risk-level.js';

/**
 * The current risks on the methodology's matrix: how many open, evaluated risks fall in each likelihood ×
 * consequence cell (one grouped query), with the scales, levels and cell colours to draw it. A cell's level is the
 * shared evaluation (schema/risks/risk-level.ts), so it is the level the register shows for a risk in that cell.
 */
export async function heatMap(ctx: OrgContext, filters: { ownerId?: string; assetId?: string }): Promise<HeatMapData> {
  const inForce = await methodologyInForce(ctx);
  if (!inForce) return { methodology: null, cells: [], total: 0, notEvaluated: 0 };
  const m = inForce.methodology;
  let qb = ctx.db
    .selectFrom('risks')
    .where('risks.orgId', '=', ctx.org.id)
    .where('risks.archivedAt', 'is', null)
    .where('risks.status', '!=', 'closed');
  if (filters.ownerId)
    qb = qb.where('risks.ownerId', '=', filters.ownerId === 'me' ? (ctx.actor.userId ?? '') : filters.ownerId);
  if (filters.assetId) {
    const assetId = filters.assetId;
    qb = qb.where((eb) =>
      eb.exists(
        eb
          .selectFrom('riskAssets as ra')
          .select('ra.riskId')
          .whereRef('ra.riskId', '=', 'risks.id')
          .where('ra.assetId', '=', assetId),
      ),
    );
  }
  const grouped = await qb
    .select(['risks.likelihood', 'risks.consequenceLevel', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['risks.likelihood', 'risks.consequenceLevel'])
    .execute();
  let notEvaluated = 0;
  const counts = new Map<string, number>();
  for (const g of grouped) {
    if (g.likelihood === null || g.consequenceLevel === null) notEvaluated += Number(g.n);
    else counts.set(`${g.likelihood}:${g.consequenceLevel}`, Number(g.n));
  }
  const cells = m.likelihood.levels.flatMap((_, li) =>
    m.consequence.levels.map((__, ci) => {
      const level = evaluate(m, { likelihood: li, consequence: ci }).level;
      return {
        likelihood: li + 1,
        consequence: ci + 1,
        level,
        levelLabel: labelIn(m, level) ?? level,
        count: counts.get(`${li + 1}:${ci + 1}`) ?? 0,
      };
    }),
  );
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return {
    methodology: {
      recordId: inForce.recordId,
      ref: inForce.ref,
      versionNo: inForce.versionNo,
      likelihood: { name: m.likelihood.name, levels: m.likelihood.levels.map((l) => l.label) },
      consequence: { name: m.consequence.name, levels: m.consequence.levels.map((l) => l.label) },
      levels: m.levels.map((l) => ({
        key: l.key,
        label: l.label,
        colour: l.colour,
        acceptable: m.acceptance.acceptableLevels.includes(l.key),
      })),
    },
    cells,
    total,
    notEvaluated,
  };
}
