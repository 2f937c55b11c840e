import type { Db } from '../../db/connect.js';
import { frequencySchema, type Frequency } from '../../schema/measurement/measure-target.js';
import { untypedDb } from '../register/untyped-db.js';

/** A measure's values as an objective reads them: its frequency and its current results, oldest first. */
export interface MeasureValues {
  frequency: Frequency;
  points: { date: string; value: number; periodKey: string }[];
}

/** enough for ten years of weekly results: a chart and a status need no more */
const MAX_POINTS = 520;

/**
 * The one place objectives read measurement data (issue 16): the current results (`superseded_by is null`) with a
 * value of one measure, the latest MAX_POINTS periods, oldest first, and the measure's frequency. Reached only
 * through a `measured_by` link, which exists only where the measures module (tables `measures`,
 * `measure_results`, migration 0023) is installed; the queries name those tables at run time (`untypedDb`) so
 * that objectives build without that module. Once both are merged, this may become a typed query or a call of the
 * measures module's own reader.
 */
export async function measureValues(trx: Db, orgId: string, measureId: string): Promise<MeasureValues | null> {
  const db = untypedDb(trx);
  const measure: { frequency: string } | undefined = await db
    .selectFrom('measures')
    .select('frequency')
    .where('orgId', '=', orgId)
    .where('id', '=', measureId)
    .executeTakeFirst();
  if (!measure) return null;
  const rows: { periodKey: string; measuredOn: string; value: number | string }[] = await db
    .selectFrom('measureResults')
    .select(['periodKey', 'measuredOn', 'value'])
    .where('orgId', '=', orgId)
    .where('measureId', '=', measureId)
    .where('supersededBy', 'is', null)
    .where('value', 'is not', null)
    .orderBy('periodKey', 'desc')
    .orderBy('recordedAt', 'desc')
    .limit(MAX_POINTS)
    .execute();
  return {
    frequency: frequencySchema.catch('monthly').parse(measure.frequency),
    points: rows.reverse().map((r) => ({ date: r.measuredOn, value: Number(r.value), periodKey: r.periodKey })),
  };
}
