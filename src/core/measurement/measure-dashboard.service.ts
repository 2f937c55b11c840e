import { sql } from 'kysely';
import type { z } from 'zod';
import {
  dashboardSchema,
  type Dashboard,
  type dashboardQuerySchema,
} from '../../schema/measurement/measure-dashboard.schema.js';
import type { OrgContext } from '../context.js';

const CHUNK = 500;
/** A point as stored; its RAG is checked when the answer is parsed. */
interface Point {
  periodKey: string;
  measuredOn: string;
  value: number | null;
  rag: string | null;
}

/**
 * The measurement dashboard: every active measure with its latest value and RAG (the maintained columns) and the
 * series of its last `periods` current results. One query for the measures and one window query for the results
 * per 500 measures, whatever the number of results: the bench runs it on 100 measures × 5 years of monthly values.
 */
export async function measureDashboard(ctx: OrgContext, q: z.output<typeof dashboardQuerySchema>): Promise<Dashboard> {
  let measures = ctx.db
    .selectFrom('measures')
    .select([
      'id',
      'ref',
      'title',
      'kind',
      'unit',
      'frequency',
      'targetValue',
      'targetDirection',
      'amberThreshold',
      'builtInKey',
      'latestValue',
      'latestPeriod',
      'latestRag',
    ])
    .where('orgId', '=', ctx.org.id)
    .where('archivedAt', 'is', null)
    .where('status', '=', 'active');
  if (q.kind) measures = measures.where('kind', '=', q.kind);
  if (q.rag) measures = measures.where('latestRag', '=', q.rag);
  const objectiveId = q.objectiveId;
  if (objectiveId)
    // informs (measure → objective) or measured_by (objective → measure): either way the measure feeds it
    measures = measures.where((eb) =>
      eb.exists(
        eb
          .selectFrom('links')
          .select('links.id')
          .where('links.orgId', '=', ctx.org.id)
          .where((l) =>
            l.or([
              l.and([
                l('links.fromType', '=', 'measure'),
                l('links.fromId', '=', l.ref('measures.id')),
                l('links.toType', '=', 'objective'),
                l('links.toId', '=', objectiveId),
              ]),
              l.and([
                l('links.fromType', '=', 'objective'),
                l('links.fromId', '=', objectiveId),
                l('links.toType', '=', 'measure'),
                l('links.toId', '=', l.ref('measures.id')),
              ]),
            ]),
          ),
      ),
    );
  const rows = await measures
    .orderBy(sql`length(ref)`)
    .orderBy('ref')
    .execute();

  const series = new Map<string, Point[]>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    let results = ctx.db
      .selectFrom('measureResults')
      .select(['measureId', 'periodKey', 'measuredOn', 'value', 'rag'])
      .select(sql<number>`row_number() over (partition by measure_id order by period_key desc)`.as('rn'))
      .where('orgId', '=', ctx.org.id)
      .where(
        'measureId',
        'in',
        rows.slice(i, i + CHUNK).map((r) => r.id),
      )
      .where('supersededBy', 'is', null);
    if (q.from) results = results.where('measuredOn', '>=', q.from);
    if (q.to) results = results.where('measuredOn', '<=', q.to);
    const ranked = await ctx.db
      .selectFrom(results.as('ranked'))
      .select(['measureId', 'periodKey', 'measuredOn', 'value', 'rag'])
      .where('rn', '<=', q.periods)
      .orderBy('measureId')
      .orderBy('periodKey')
      .execute();
    for (const r of ranked) {
      const list = series.get(r.measureId) ?? [];
      list.push({ periodKey: r.periodKey, measuredOn: r.measuredOn, value: r.value, rag: r.rag });
      series.set(r.measureId, list);
    }
  }

  const counts = { green: 0, amber: 0, red: 0, none: 0 };
  for (const r of rows)
    if (r.latestRag === 'green' || r.latestRag === 'amber' || r.latestRag === 'red') counts[r.latestRag]++;
    else counts.none++;
  // parsed once against the answer's schema: the stored enums become typed without casts
  return dashboardSchema.parse({ items: rows.map((r) => ({ ...r, series: series.get(r.id) ?? [] })), counts });
}
