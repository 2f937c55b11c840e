import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';

export interface LatestResult {
  value: number;
  measuredOn: string;
  periodKey: string;
  rag: string;
}

const CHUNK = 500;

/**
 * The latest current result with a value of each measure asked (objectives measured by a measure read their value
 * here): one window query per 500 measures, whatever the number of results. Periods of one frequency sort as text
 * ('2026-W09' < '2026-W10', '2026-Q3' < '2026-Q4'), so the newest period is the greatest key.
 */
export async function latestResults(
  trx: Db,
  orgId: string,
  measureIds: readonly string[],
): Promise<Map<string, LatestResult>> {
  const out = new Map<string, LatestResult>();
  const ids = [...new Set(measureIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const ranked = trx
      .selectFrom('measureResults')
      .select(['measureId', 'value', 'measuredOn', 'periodKey', 'rag'])
      .select(
        sql<number>`row_number() over (partition by measure_id order by period_key desc, recorded_at desc)`.as('rn'),
      )
      .where('orgId', '=', orgId)
      .where('measureId', 'in', ids.slice(i, i + CHUNK))
      .where('supersededBy', 'is', null)
      .where('value', 'is not', null)
      .as('ranked');
    const rows = await trx
      .selectFrom(ranked)
      .select(['measureId', 'value', 'measuredOn', 'periodKey', 'rag'])
      .where('rn', '=', 1)
      .execute();
    for (const r of rows)
      if (r.value !== null && r.rag !== null)
        out.set(r.measureId, { value: r.value, measuredOn: r.measuredOn, periodKey: r.periodKey, rag: r.rag });
  }
  return out;
}
