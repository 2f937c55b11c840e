import type { Db } from '../../../db/connect.js';
import type { BuiltInMeasureKey } from '../../../schema/measurement/measure-builtin.schema.js';
import {
  FREQUENCIES,
  frequencySchema,
  isPeriodKey,
  periodBounds,
  periodKey,
  periodsBetween,
  type Frequency,
} from '../../../schema/measurement/measure-target.js';
import { inOrgTransaction } from '../../transaction.js';
import { builtInMeasure } from './builtin-measures.js';
import type { BuiltInValue } from './builtin-measure.js';
import { SYSTEM_ACTOR } from '../../context.js';
import { storeResults, type ResultInput } from '../measure-results-store.js';

/**
 * At most this many missed periods of one measure are filled in one run (the newest): a catch-up value is today's
 * anyway, so years of weekly copies of it would say nothing more; older gaps stay visible as gaps.
 */
export const MAX_CATCH_UP_PERIODS = 60;

export interface SampleOutcome {
  /** active built-in measures looked at */
  measures: number;
  /** results stored by this run */
  stored: number;
  /** organizations whose sampling failed (the others went on), with the error */
  failed: { orgId: string; error: unknown }[];
}

const DAY_MS = 86_400_000;
const nextDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/**
 * The periods of a measure still without a result, oldest first: from the one after the last stored (whatever
 * frequency that key was of, should the measure's frequency have changed since) or, when none was, the period the
 * measure was created in, up to the current one.
 */
export function duePeriods(
  frequency: Frequency,
  latestPeriod: string | null,
  createdOn: string,
  today: string,
  max = MAX_CATCH_UP_PERIODS,
): string[] {
  const current = periodKey(frequency, today);
  const latestFreq = latestPeriod ? FREQUENCIES.find((f) => isPeriodKey(f, latestPeriod)) : undefined;
  const from =
    latestPeriod && latestFreq
      ? nextDay(periodBounds(latestFreq, latestPeriod).to)
      : createdOn < today
        ? createdOn
        : today;
  if (from > today) return [];
  return periodsBetween(frequency, periodKey(frequency, from), current, max);
}

/**
 * Takes every built-in measure that is due, in every organization, as of `now` (injected: tests move the clock):
 * each active built-in measure gets a result for every period from its last stored one up to the current one. The
 * current period's is marked `builtin`; earlier, missed periods (the instance was down) `builtin_catch_up`, with a
 * note: their value is today's, since the past cannot be measured again. Each built-in is computed once per
 * organization (one or two aggregate queries) and stored in one short transaction per organization; a period
 * already stored is left as it is, so two runs at once (two instances) store one result per period.
 */
export async function sampleDueMeasures(db: Db, now: Date = new Date()): Promise<SampleOutcome> {
  const today = now.toISOString().slice(0, 10);
  const rows = await db
    .selectFrom('measures as m')
    .innerJoin('organizations as o', 'o.id', 'm.orgId')
    .select([
      'm.id',
      'm.orgId',
      'm.ref',
      'm.builtInKey',
      'm.frequency',
      'm.createdAt',
      'm.latestPeriod',
      'm.targetValue',
      'm.targetDirection',
      'm.amberThreshold',
      'o.slug',
      'o.name',
    ])
    .where('m.builtInKey', 'is not', null)
    .where('m.archivedAt', 'is', null)
    .where('m.status', '=', 'active')
    .orderBy('m.orgId')
    .execute();

  const byOrg = new Map<string, { org: { id: string; slug: string; name: string }; due: typeof rows }>();
  for (const r of rows) {
    const entry = byOrg.get(r.orgId) ?? { org: { id: r.orgId, slug: r.slug, name: r.name }, due: [] };
    entry.due.push(r);
    byOrg.set(r.orgId, entry);
  }

  const outcome: SampleOutcome = { measures: rows.length, stored: 0, failed: [] };
  for (const { org, due } of byOrg.values()) {
    try {
      const values = new Map<BuiltInMeasureKey, BuiltInValue>();
      const results: ResultInput[] = [];
      for (const r of due) {
        const def = r.builtInKey ? builtInMeasure(r.builtInKey) : undefined;
        if (!def) continue; // a key no longer offered: its measure keeps its results, takes no new ones
        const frequency = frequencySchema.parse(r.frequency);
        const periods = duePeriods(frequency, r.latestPeriod, r.createdAt.slice(0, 10), today);
        if (periods.length === 0) continue;
        let value = values.get(def.key);
        if (!value) {
          value = await def.compute(db, org.id, today);
          values.set(def.key, value);
        }
        const current = periodKey(frequency, today);
        for (const key of periods) {
          const late = key !== current;
          const note = [
            late ? `Taken late, on ${today}: the value is that day's, as a past period cannot be measured again` : '',
            value.note ?? '',
          ]
            .filter(Boolean)
            .join('. ');
          results.push({
            measureId: r.id,
            periodKey: key,
            measuredOn: today,
            // no value (nothing to share): the measure's formula says so from the base values (division by zero)
            value: value.value ?? undefined,
            base: value.base,
            source: late ? 'builtin_catch_up' : 'builtin',
            note: note || null,
            field: `${r.ref}.${key}`,
          });
        }
      }
      if (results.length === 0) continue;
      // a period stored meanwhile (another run, a person) keeps its result: 'skip'
      const stored = await inOrgTransaction({ db, org }, (trx) =>
        storeResults(trx, { orgId: org.id, actor: SYSTEM_ACTOR }, results, 'skip'),
      );
      outcome.stored += stored.stored.length;
    } catch (error) {
      outcome.failed.push({ orgId: org.id, error });
    }
  }
  return outcome;
}
