// Monitoring and measurement at the scale: 100 monthly measures with five years of results each (6,000),
// pushed through the automation route (the real write path: checks, one current result per period, latest
// columns, objectives refreshed, one audit batch). Measures the dashboard of all 100 with 12 and with 60 periods,
// a push of 10,000 results in one request (100 weekly measures × 100 weeks not measured before), and the 9.1
// report's PDF over all 200.
import { ok } from '../http-caller.js';
import type { BenchCaller } from '../http-caller.js';
import type { BenchModule } from './types.js';

const MEASURES = 100;
const MONTHS = 60;
const WEEKS_PER_PUSH = 100;

/** The 15th of the month `n` months ago. */
const monthsAgo = (n: number) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - n, 15)).toISOString().slice(0, 10);
};
const weeksAgo = (n: number) => new Date(Date.now() - n * 7 * 86_400_000).toISOString().slice(0, 10);

async function measures(c: BenchCaller, o: string, frequency: 'monthly' | 'weekly', prefix: string) {
  const refs: string[] = [];
  for (let i = 0; i < MEASURES; i++) {
    const made = await ok(
      await c.post(`${o}/measures`, {
        title: `${prefix} ${i + 1}`,
        informationNeed: 'Is the control doing what it should?',
        kind: i % 3 ? 'performance' : 'effectiveness',
        unit: '%',
        targetValue: 95,
        targetDirection: 'at_least',
        amberThreshold: 90,
        frequency,
      }),
      'measure',
    );
    refs.push(made.ref as string);
  }
  return refs;
}

let weekly: string[] = [];
let pushes = 0;

export const measurementBench: BenchModule = {
  name: 'measurement',
  async seed({ org, c }) {
    const o = `/api/v1/orgs/${org.slug}`;
    const monthly = await measures(c, o, 'monthly', 'Monthly measure');
    const results = monthly.flatMap((measure, i) =>
      Array.from({ length: MONTHS }, (_, m) => ({
        measure,
        measuredOn: monthsAgo(MONTHS - m),
        value: 80 + ((i * 7 + m * 3) % 21),
      })),
    );
    await ok(await c.post(`${o}/measure-results/batch`, { results }), 'push five years');
    weekly = await measures(c, o, 'weekly', 'Weekly measure');
    return `${MEASURES} monthly measures with ${results.length} results, ${MEASURES} weekly measures`;
  },
  cases({ org, c }) {
    const o = `/api/v1/orgs/${org.slug}`;
    return [
      {
        name: `measurement: dashboard of ${MEASURES} measures, 12 periods`,
        targetMs: 150,
        run: () => c.get(`${o}/measures/dashboard`),
      },
      {
        name: `measurement: dashboard of ${MEASURES} measures, 60 periods`,
        targetMs: 300,
        run: () => c.get(`${o}/measures/dashboard?periods=60`),
      },
      {
        // each run pushes weeks not measured before, so every result is a real insert
        name: `measurement: push ${MEASURES * WEEKS_PER_PUSH} results in one request`,
        targetMs: 2000,
        runs: 3,
        run: () => {
          const from = 1 + WEEKS_PER_PUSH * pushes++;
          const results = weekly.flatMap((measure, i) =>
            Array.from({ length: WEEKS_PER_PUSH }, (_, w) => ({
              measure,
              measuredOn: weeksAgo(from + w),
              value: 85 + ((i + w) % 15),
            })),
          );
          return c.post(`${o}/measure-results/batch`, { results });
        },
      },
      {
        // after the pushes: 200 measures, a year of monthly and weekly values, 200 charts, ~400 pages
        name: `measurement: 9.1 report PDF of ${MEASURES * 2} measures over a year`,
        targetMs: 10_000,
        runs: 3,
        run: () => c.get(`${o}/measures/report.pdf`),
      },
    ];
  },
};
