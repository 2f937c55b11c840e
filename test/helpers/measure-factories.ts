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

let evaluated = 0;
type Ctx = { org: { slug: string; as: { admin: Caller }; users: { admin: { id: string } } } };
/** Valid bodies for the catalog-wide tests (test/helpers/routes.ts). */
export const MEASURE_BODIES: Record<
  string,
  (ctx: Ctx, made: Record<string, string>) => Promise<Record<string, unknown>>
> = {
  'POST /api/v1/orgs/:org/measures/:id/results': async () => ({ measuredOn: '2030-01-15', value: 1 }),
  // a fresh weekly period each time (a measure made by the generic fixture is measured weekly)
  'POST /api/v1/orgs/:org/measures/:id/evaluations': async () => ({
    periodKey: `${1900 + (evaluated++ % 120)}-W10`,
    rag: 'red',
    note: 'Below target: reminders were not sent',
  }),
  'POST /api/v1/orgs/:org/measures/:id/evaluations/:evaluationId/raise': async ({ org }) => ({
    ownerId: org.users.admin.id,
    dueDate: '2030-06-30',
  }),
  'POST /api/v1/orgs/:org/measure-results/import': async ({ org }) => {
    const m = await buildMeasure(org.as.admin, org.slug);
    return { raw: `Measure,Measured on,Value\n${m.ref},2030-01-15,1\n`, contentType: 'text/csv' };
  },
  'POST /api/v1/orgs/:org/measure-results/batch': async ({ org }) => {
    const m = await buildMeasure(org.as.admin, org.slug);
    return { results: [{ measure: m.ref, measuredOn: '2030-01-15', value: 1 }] };
  },
};

/** A red evaluation of a measure (the `evaluations/:evaluationId` fixture of the catalog-wide tests). */
export async function buildEvaluation(c: Caller, org: string, measureId: string, periodKey = '2020-W10') {
  const res = await c.post(`/api/v1/orgs/${org}/measures/${measureId}/evaluations`, {
    periodKey,
    rag: 'red',
    note: 'Below target',
  });
  if (res.statusCode !== 201) throw new Error(`buildEvaluation: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; periodKey: string; resultCount: number; nonconformityId: string | null };
}
