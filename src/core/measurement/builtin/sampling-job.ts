import type { Db } from '../../../db/connect.js';
import { markLeaseRun, tryLease } from '../../jobs/lease.js';
import { sampleDueMeasures, type SampleOutcome } from './builtin-sampler.js';

export const SAMPLING_JOB = 'measure-sampling';

/**
 * One tick of the sampling job on one instance: it samples only while it holds the job's lease (for `leaseMs`, the
 * interval between ticks), so of several instances on one PostgreSQL database one samples and the others skip;
 * should it stop, another takes the lease over once it has run out. Null: another instance holds it.
 */
export async function runSamplingJob(
  db: Db,
  holder: string,
  leaseMs: number,
  now: Date = new Date(),
): Promise<SampleOutcome | null> {
  if (!(await tryLease(db, SAMPLING_JOB, holder, leaseMs, now))) return null;
  const outcome = await sampleDueMeasures(db, now);
  await markLeaseRun(db, SAMPLING_JOB, holder);
  return outcome;
}
