import type { Rescore, RescoreStanding, RescoreSummary, RiskMove } from '../../schema/risks/risks.responses.js';
import type { OrgContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { levelLabeller } from './level-labels.js';

/** The kept re-scoring reports (risk_rescores): what each approval of a methodology version moved. */

/**
 * The moves as stored. Reports written before levels answered their names have none: they are read from the
 * versions the report went from and to.
 */
async function presentMoves(ctx: OrgContext, row: { fromVersion: number | null; toVersion: number; moves: string }) {
  const moves = JSON.parse(row.moves) as RiskMove[];
  const label = await levelLabeller(ctx, ctx.db, [row.fromVersion, row.toVersion]);
  const named = (s: RescoreStanding | null, version: number | null): RescoreStanding | null =>
    s && { ...s, levelLabel: s.levelLabel === undefined ? label(version, s.level) : s.levelLabel };
  return moves.map((m) => ({
    ...m,
    before: named(m.before, row.fromVersion),
    after: named(m.after, row.toVersion),
  }));
}

export async function listRescores(
  ctx: OrgContext,
  query: { page: number; pageSize: number },
): Promise<{ items: RescoreSummary[]; total: number; page: number; pageSize: number }> {
  const base = ctx.db.selectFrom('riskRescores').where('orgId', '=', ctx.org.id);
  const [rows, count] = await Promise.all([
    base
      .select(['id', 'fromVersion', 'toVersion', 'total', 'changed', 'crossed', 'createdAt', 'createdBy'])
      .orderBy('createdAt', 'desc')
      .orderBy('id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows, total: Number(count.n), page: query.page, pageSize: query.pageSize };
}

export async function getRescore(ctx: OrgContext, id: string): Promise<Rescore> {
  const row = await ctx.db
    .selectFrom('riskRescores')
    .select(['id', 'fromVersion', 'toVersion', 'total', 'changed', 'crossed', 'createdAt', 'createdBy', 'moves'])
    .where('orgId', '=', ctx.org.id)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('The re-scoring report');
  return { ...row, moves: await presentMoves(ctx, row) };
}
