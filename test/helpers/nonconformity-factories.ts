import crypto from 'node:crypto';
import type { Caller } from './http.js';

const uniq = () => crypto.randomBytes(4).toString('hex');
export type Made = { id: string; ref: string; version: number; status: string } & Record<string, unknown>;

/** A reported nonconformity of the organization. */
export async function buildNc(c: Caller, org: string, overrides: Record<string, unknown> = {}): Promise<Made> {
  const res = await c.post(`/api/v1/orgs/${org}/nonconformities`, {
    title: `Nonconformity ${uniq()}`,
    source: 'staff_report',
    ...overrides,
  });
  if (res.statusCode !== 201) throw new Error(`buildNc: ${res.statusCode} ${res.body}`);
  return res.json() as Made;
}

const STEP_BODIES = {
  correction: { correctionText: 'Access removed the same day', consequencesText: 'Logs checked: no use' },
  decision: { correctiveActionNeeded: true, decisionCriterion: 'Could happen again at every leaver' },
  analysis: {
    whatWentWrong: 'A leaver kept access for three weeks',
    causeCategory: 'process',
    whys: ['HR did not tell IT', 'No step in the leaver checklist', 'The checklist predates the SaaS tools'],
    rootCause: 'The leaver process does not cover SaaS accounts',
    patterns: 'Other checklists written before the move to SaaS',
  },
  'effectiveness-review': { effective: true, note: 'No leaver kept access in the three months since' },
} as const;
export type Step = keyof typeof STEP_BODIES | 'close';

/** Takes one step on the version given, with the usual body (overrides on top); answers the raw response. */
export function step(c: Caller, org: string, nc: { id: string; version: number }, name: Step, body = {}) {
  const base = name in STEP_BODIES ? STEP_BODIES[name as keyof typeof STEP_BODIES] : {};
  return c.post(`/api/v1/orgs/${org}/nonconformities/${nc.id}/${name}`, {
    ...base,
    expectedVersion: nc.version,
    ...body,
  });
}

/** Takes the steps in order, failing loudly on any refusal; answers the record after the last. */
export async function stepsTo(c: Caller, org: string, nc: Made, names: Step[]): Promise<Made> {
  let current = nc;
  for (const name of names) {
    const res = await step(c, org, current, name);
    if (res.statusCode !== 200) throw new Error(`step ${name}: ${res.statusCode} ${res.body}`);
    current = res.json() as Made;
  }
  return current;
}

type Ctx = { org: { slug: string; as: { admin: Caller } } };
const P = 'POST /api/v1/orgs/:org/nonconformities/:id';

/** Moves the nonconformity `made.id` (made by the admin) through `names`; answers its id and current version. */
async function readyFor(ctx: Ctx, made: Record<string, string>, names: Step[], body: Record<string, unknown> = {}) {
  const c = ctx.org.as.admin;
  const res = await c.get(`/api/v1/orgs/${ctx.org.slug}/nonconformities/${made.id}`);
  // a nonconformity of another organization (tenant isolation): any version will do, the answer is 404
  if (res.statusCode !== 200) return { expectedVersion: 1, ...body };
  const nc = await stepsTo(c, ctx.org.slug, res.json() as Made, names);
  return { expectedVersion: nc.version, ...body };
}

/** Valid bodies of the step routes for the catalog-wide tests, each on a nonconformity brought to the step before. */
export const NONCONFORMITY_BODIES: Record<
  string,
  (ctx: Ctx, made: Record<string, string>) => Promise<Record<string, unknown>>
> = {
  [`${P}/correction`]: (ctx, made) => readyFor(ctx, made, [], STEP_BODIES.correction),
  [`${P}/decision`]: (ctx, made) => readyFor(ctx, made, ['correction'], STEP_BODIES.decision),
  [`${P}/analysis`]: (ctx, made) => readyFor(ctx, made, ['correction', 'decision'], STEP_BODIES.analysis),
  [`${P}/effectiveness-review`]: async (ctx, made) => {
    const body = await readyFor(ctx, made, ['correction', 'decision', 'analysis']);
    await ctx.org.as.admin.post(`/api/v1/orgs/${ctx.org.slug}/actions`, {
      title: `Action ${uniq()}`,
      sourceType: 'nonconformity',
      sourceId: made.id,
      status: 'done',
    });
    const res = await ctx.org.as.admin.get(`/api/v1/orgs/${ctx.org.slug}/nonconformities/${made.id}`);
    const version = res.statusCode === 200 ? (res.json() as Made).version : body.expectedVersion;
    return { ...STEP_BODIES['effectiveness-review'], expectedVersion: version };
  },
  [`${P}/close`]: async (ctx, made) => {
    const { expectedVersion } = await readyFor(ctx, made, ['correction']);
    const c = ctx.org.as.admin;
    const res = await step(c, ctx.org.slug, { id: made.id!, version: Number(expectedVersion) }, 'decision', {
      correctiveActionNeeded: false,
    });
    return { expectedVersion: res.statusCode === 200 ? (res.json() as Made).version : expectedVersion };
  },
};

const I = 'POST /api/v1/orgs/:org/improvements/:id';
/** Moves the improvement `made.id` through its steps as the admin; answers its current version. */
async function improvementAt(ctx: Ctx, made: Record<string, string>, upTo: 'suggested' | 'planned' | 'implemented') {
  const c = ctx.org.as.admin;
  const base = `/api/v1/orgs/${ctx.org.slug}/improvements/${made.id}`;
  let res = await c.get(base);
  if (res.statusCode !== 200) return 1;
  if (upTo === 'suggested') return (res.json() as Made).version;
  res = await c.post(`${base}/evaluation`, {
    expectedVersion: (res.json() as Made).version,
    worthPursuing: true,
    evaluationNote: 'Cheap and helps',
  });
  const action = await c.post(`/api/v1/orgs/${ctx.org.slug}/actions`, {
    title: `Action ${uniq()}`,
    sourceType: 'improvement',
    sourceId: made.id,
  });
  // its action done, so that it may be recorded as implemented
  await c.patch(`/api/v1/orgs/${ctx.org.slug}/actions/${(action.json() as Made).id}`, {
    status: 'done',
    outcome: 'Done as planned',
    expectedVersion: (action.json() as Made).version,
  });
  res = await c.get(base);
  if (upTo === 'planned') return (res.json() as Made).version;
  res = await c.post(`${base}/implemented`, {
    expectedVersion: (res.json() as Made).version,
    ismsChange: 'Onboarding procedure updated',
  });
  return (res.json() as Made).version;
}

export const IMPROVEMENT_BODIES: Record<
  string,
  (ctx: Ctx, made: Record<string, string>) => Promise<Record<string, unknown>>
> = {
  'POST /api/v1/orgs/:org/improvements/suggest': async () => ({ title: `Idea ${uniq()}`, description: 'Why not' }),
  [`${I}/evaluation`]: async (ctx, made) => ({
    expectedVersion: await improvementAt(ctx, made, 'suggested'),
    worthPursuing: true,
    evaluationNote: 'Cheap and helps',
  }),
  [`${I}/implemented`]: async (ctx, made) => ({
    expectedVersion: await improvementAt(ctx, made, 'planned'),
    ismsChange: 'Onboarding procedure updated',
  }),
  [`${I}/review`]: async (ctx, made) => ({
    expectedVersion: await improvementAt(ctx, made, 'implemented'),
    effective: true,
    effectivenessNote: 'Fewer tickets since',
  }),
};
