import crypto from 'node:crypto';
import type { Caller } from './http.js';
import { buildMeasure } from './measure-factories.js';
import type { DatabaseHandle } from '../../src/db/connect.js';

const uniq = () => crypto.randomBytes(4).toString('hex');
export const todayIso = () => new Date().toISOString().slice(0, 10);
export type MadeObjective = {
  id: string;
  ref: string;
  version: number;
  lifecycle: string;
  progressStatus: string | null;
  latestValue: number | null;
} & Record<string, unknown>;

/** An organization-wide objective measured manually: at least 95 % by the end of 2099, from 60 %. */
export async function buildObjective(
  c: Caller,
  org: string,
  overrides: Record<string, unknown> = {},
): Promise<MadeObjective> {
  const res = await c.post(`/api/v1/orgs/${org}/objectives`, {
    title: `Objective ${uniq()}`,
    level: 'organization',
    measurementMode: 'manual',
    targetValue: 95,
    targetUnit: '%',
    targetDirection: 'at_least',
    ...overrides,
  });
  if (res.statusCode !== 201) throw new Error(`buildObjective: ${res.statusCode} ${res.body}`);
  return res.json() as MadeObjective;
}

type Ctx = { org: { slug: string; as: { admin: Caller } }; env: { handle: DatabaseHandle } };
const P = 'POST /api/v1/orgs/:org/objectives';

const communication = () => ({
  communicatedOn: todayIso(),
  channel: 'meeting',
  audience: { roles: ['contributor'] },
  note: `Team meeting ${uniq()}`,
});

/** Valid bodies of the objective routes for the catalog-wide tests (role matrix, bad input, tenant isolation). */
export const OBJECTIVE_BODIES: Record<
  string,
  (ctx: Ctx, made: Record<string, string>) => Promise<Record<string, unknown>>
> = {
  [`${P}/:id/progress`]: async () => ({ entryDate: todayIso(), value: 70, note: `Entry ${uniq()}` }),
  [`${P}/:id/close`]: async (ctx, made) => {
    const res = await ctx.org.as.admin.get(`/api/v1/orgs/${ctx.org.slug}/objectives/${made.id}`);
    // an objective of another organization (tenant isolation): any version will do, the answer is 404
    const version = res.statusCode === 200 ? (res.json() as MadeObjective).version : 1;
    return { expectedVersion: version, outcome: 'withdrawn', note: `No longer relevant ${uniq()}` };
  },
  [`${P}/:id/communications`]: async () => communication(),
  [`${P}/communications`]: async () => communication(),
  // a measure of the caller's organization to link (for tenant isolation, the objective is the foreign part)
  [`${P}/:id/measures`]: async (ctx, made) => {
    await measuredByMeasures(ctx.env.handle, made.id!);
    return { measureId: (await buildMeasure(ctx.org.as.admin, ctx.org.slug)).id };
  },
};

/**
 * Makes the catalog's objective (made by the generic register fixture, in manual mode) one measured by measures,
 * as a draft waiting for its measure: the state the measure-link routes take. Through the database, because the
 * objective may be another organization's (tenant isolation), which the API rightly will not let the caller change.
 */
export async function measuredByMeasures(handle: DatabaseHandle, objectiveId: string) {
  await handle.db
    .updateTable('objectives')
    .set({ measurementMode: 'measures', lifecycle: 'draft' })
    .where('id', '=', objectiveId)
    .execute();
}

/** Queries of the objective read routes: the set's communications list must hold one of the organization's. */
export const OBJECTIVE_QUERIES: Record<string, (ctx: Ctx) => Promise<string>> = {
  'GET /api/v1/orgs/:org/objectives/communications': async (ctx) => {
    const res = await ctx.org.as.admin.post(`/api/v1/orgs/${ctx.org.slug}/objectives/communications`, communication());
    if (res.statusCode !== 201) throw new Error(`communicate the set: ${res.statusCode} ${res.body}`);
    return '';
  },
};
