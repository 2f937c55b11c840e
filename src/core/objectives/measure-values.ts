import type { Db } from '../../db/connect.js';
import type { Frequency } from '../../schema/measurement/measure-target.js';

/** A measure's values as an objective reads them: its frequency and its current results, oldest first. */
export interface MeasureValues {
  frequency: Frequency;
  points: { date: string; value: number; periodKey: string }[];
}

/**
 * ADAPTER (issue 16): the objective takes its value from its first linked measure's results, which the measures
 * module (i16-measures, `measure_results`) stores. Until that module is merged on this branch there are no results
 * to read, so an objective measured by measures reports `not_measured`. After the merge, this function reads
 * `measure_results` (current results: `superseded_by is null`, `value is not null`) of the measure in the
 * organization, ordered by `measured_on`, with the measure's `frequency` — or calls the measures module's own
 * reader (`core/measurement/measure-latest.ts`). It is the only place objectives read measurement data.
 */
export async function measureValues(_trx: Db, _orgId: string, _measureId: string): Promise<MeasureValues | null> {
  return null;
}
