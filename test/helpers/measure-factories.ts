import crypto from 'node:crypto';
import type { DatabaseHandle } from '../../src/db/connect.js';
import type { Caller } from './http.js';

const uniq = () => crypto.randomBytes(4).toString('hex');
export type MadeMeasure = { id: string; ref: string; version: number } & Record<string, unknown>;

/** An active monthly measure "at least 95 %" with amber down to 90, unless overridden. */
export async function buildMeasure(
  c: Caller,
  org: string,
  overrides: Record<string, unknown> = {},
): Promise<MadeMeasure> {
  const res = await c.post(`/api/v1/orgs/${org}/measures`, {
    title: `Documents reviewed on time ${uniq()}`,
    informationNeed: 'Are documents reviewed when they are due?',
    kind: 'performance',
    unit: '%',
    targetValue: 95,
    targetDirection: 'at_least',
    amberThreshold: 90,
    frequency: 'monthly',
    ...overrides,
  });
  if (res.statusCode !== 201) throw new Error(`buildMeasure: ${res.statusCode} ${res.body}`);
  return res.json() as MadeMeasure;
}

/** A derived measure: reviewed / total * 100. */
export const derivedMeasure = {
  baseMeasures: 'reviewed: Documents reviewed on time [count]\ntotal: Documents due for review [count]',
  formula: 'reviewed / total * 100',
};

/** Records a result by hand; answers the raw response. */
export function recordResult(c: Caller, org: string, measureId: string, body: Record<string, unknown>) {
  return c.post(`/api/v1/orgs/${org}/measures/${measureId}/results`, body);
}

/** Rows that must not move when a measurement request is refused. */
export async function measurementCounts(handle: DatabaseHandle) {
  const count = async (table: 'measureResults' | 'measureEvaluations' | 'auditEvents' | 'measures') =>
    Number(
      (
        await handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    measures: await count('measures'),
    results: await count('measureResults'),
    evaluations: await count('measureEvaluations'),
    auditEvents: await count('auditEvents'),
  };
}

type Ctx = { org: { slug: string; as: { admin: Caller } } };
/** Valid bodies for the catalog-wide tests (test/helpers/routes.ts). */
export const MEASURE_BODIES: Record<
  string,
  (ctx: Ctx, made: Record<string, string>) => Promise<Record<string, unknown>>
> = {
  'POST /api/v1/orgs/:org/measures/:id/results': async () => ({ measuredOn: '2030-01-15', value: 1 }),
  'POST /api/v1/orgs/:org/measure-results/batch': async ({ org }) => {
    const m = await buildMeasure(org.as.admin, org.slug);
    return { results: [{ measure: m.ref, measuredOn: '2030-01-15', value: 1 }] };
  },
};
