import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildAction, buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';
import { buildNc, step, stepsTo, type Made } from '../helpers/nonconformity-factories.js';

const fields = (res: { json(): { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);

describe.each(DIALECTS)('nonconformities and corrective action (10.2) on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let other: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
    other = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const url = (path = '', o = org) => `/api/v1/orgs/${o.slug}/nonconformities${path}`;
  const c = () => org.as.contributor;
  const planAction = (nc: { id: string }, overrides: Record<string, unknown> = {}) =>
    c().post(`/api/v1/orgs/${org.slug}/actions`, {
      title: 'Add SaaS accounts to the leaver checklist',
      sourceType: 'nonconformity',
      sourceId: nc.id,
      ownerId: org.users.contributor.id,
      priority: 'high',
      ...overrides,
    });

  it('records a nonconformity numbered NC-nnn as reported, found today unless said, with its 27001 requirement', async () => {
    const nc = await buildNc(c(), org.slug, { requirementKey: '7.2.c', ownerId: org.users.contributor.id });
    expect(nc.ref).toMatch(/^NC-\d{3}$/);
    expect(nc).toMatchObject({
      status: 'reported',
      requirementKey: '7.2.c',
      foundOn: new Date().toISOString().slice(0, 10),
    });
  });

  it('refuses an unknown requirement, an ungraded audit finding and a future date, naming each field, writing nothing', async () => {
    const before = await writeCounts(env.handle);
    const res = await c().post(url(), {
      title: 'Bad',
      source: 'internal_audit',
      requirementKey: '11.9',
      foundOn: '2999-01-01',
    });
    expect(res.statusCode).toBe(400);
    expect(fields(res).sort()).toEqual(['body.foundOn', 'body.grade', 'body.requirementKey']);
    expect(await writeCounts(env.handle)).toEqual(before);
  });

  it('keeps the steps out of the generic update: status and step fields are not accepted there', async () => {
    const nc = await buildNc(c(), org.slug);
    const res = await c().patch(url(`/${nc.id}`), { status: 'closed' });
    expect(res.statusCode).toBe(400);
    expect((await c().get(url(`/${nc.id}`))).json().status).toBe('reported');
  });

  it('takes a nonconformity through every step to closure, with one audit event per step', async () => {
    const nc = await buildNc(c(), org.slug, { requirementKey: '7.2.c' });
    const analysed = await stepsTo(c(), org.slug, nc, ['correction', 'decision', 'analysis']);
    expect(analysed).toMatchObject({
      status: 'analysed',
      causeCategory: 'process',
      analysedBy: org.users.contributor.id,
    });
    const lists = (await c().get(url(`/${nc.id}/analysis`))).json();
    expect(lists.whys).toHaveLength(3);
    expect((await planAction(nc)).statusCode).toBe(201);
    const planned = (await c().get(url(`/${nc.id}`))).json();
    expect(planned.status).toBe('actions_planned');
    const [action] = (
      await c().get(`/api/v1/orgs/${org.slug}/actions?sourceType=nonconformity&sourceId=${nc.id}`)
    ).json().items;
    await c().patch(`/api/v1/orgs/${org.slug}/actions/${action.id}`, { status: 'done' });
    const verifying = await stepsTo(org.as.isms_manager, org.slug, planned, ['effectiveness-review']);
    expect(verifying.status).toBe('verifying');
    const closed = await stepsTo(org.as.isms_manager, org.slug, verifying, ['close']);
    expect(closed).toMatchObject({ status: 'closed', closedBy: org.users.isms_manager.id });
    const steps = await env.handle.db
      .selectFrom('auditEvents')
      .select('payload')
      .where('entityId', '=', nc.id)
      .where('type', '=', 'nonconformity.step_recorded')
      .orderBy('seq')
      .execute();
    expect(steps.map((e) => JSON.parse(e.payload).step)).toEqual([
      'correction',
      'decision',
      'analysis',
      'effectiveness_review',
      'closure',
    ]);
  });

  it('refuses a step out of turn (409 on status) and a stale version (409 on body.expectedVersion)', async () => {
    const nc = await buildNc(c(), org.slug);
    const early = await step(c(), org.slug, nc, 'analysis');
    expect(early.statusCode).toBe(409);
    expect(fields(early)).toEqual(['status']);
    const corrected = await stepsTo(c(), org.slug, nc, ['correction']);
    const stale = await step(c(), org.slug, nc, 'decision');
    expect(stale.statusCode).toBe(409);
    expect(fields(stale)).toEqual(['body.expectedVersion']);
    expect((await c().get(url(`/${nc.id}`))).json().version).toBe(corrected.version);
  });

  it('refuses a corrective action before the causes are analysed, naming body.sourceId, and writes nothing', async () => {
    const nc = await buildNc(c(), org.slug);
    const before = await writeCounts(env.handle);
    const res = await planAction(nc);
    expect(res.statusCode).toBe(409);
    expect(fields(res)).toEqual(['body.sourceId']);
    expect(await writeCounts(env.handle)).toEqual(before);
  });

  it('closes straight after deciding no corrective action is needed, by the ISMS manager only', async () => {
    const nc = await buildNc(c(), org.slug);
    const decided = await stepsTo(c(), org.slug, await stepsTo(c(), org.slug, nc, ['correction']), []);
    const res = await step(c(), org.slug, decided, 'decision', {
      correctiveActionNeeded: false,
      decisionCriterion: 'One-off: a typo in a single record, no impact',
    });
    expect(res.statusCode).toBe(200);
    const d = res.json() as Made;
    expect((await step(c(), org.slug, d, 'close')).statusCode).toBe(403);
    const analysis = await step(c(), org.slug, d, 'analysis');
    expect(analysis.statusCode).toBe(409);
    const closed = await step(org.as.isms_manager, org.slug, d, 'close');
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', correctiveActionNeeded: false });
  });

  it('refuses the effectiveness review to an owner of its corrective actions (409 on body.reviewedBy)', async () => {
    const nc = await buildNc(c(), org.slug);
    await stepsTo(c(), org.slug, nc, ['correction', 'decision', 'analysis']);
    const action = await buildAction(c(), org.slug, {
      sourceType: 'nonconformity',
      sourceId: nc.id,
      ownerId: org.users.contributor.id,
      status: 'done',
    });
    expect(action.sourceId).toBe(nc.id);
    const planned = (await c().get(url(`/${nc.id}`))).json() as Made;
    const before = await writeCounts(env.handle);
    const own = await step(c(), org.slug, planned, 'effectiveness-review', { effective: true });
    expect(own.statusCode).toBe(409);
    expect(fields(own)).toEqual(['body.reviewedBy']);
    const named = await step(org.as.isms_manager, org.slug, planned, 'effectiveness-review', {
      effective: true,
      reviewedBy: org.users.contributor.id,
    });
    expect(fields(named)).toEqual(['body.reviewedBy']);
    expect(await writeCounts(env.handle)).toEqual(before);
  });

  it('reopens a nonconformity found not effective and keeps every review', async () => {
    const nc = await buildNc(c(), org.slug);
    await stepsTo(c(), org.slug, nc, ['correction', 'decision', 'analysis']);
    await buildAction(c(), org.slug, { sourceType: 'nonconformity', sourceId: nc.id, status: 'done' });
    let current = (await c().get(url(`/${nc.id}`))).json() as Made;
    const notEffective = await step(org.as.isms_manager, org.slug, current, 'effectiveness-review', {
      effective: false,
      note: 'Two leavers kept access again',
    });
    expect(notEffective.json().status).toBe('analysed');
    current = await stepsTo(c(), org.slug, notEffective.json() as Made, ['analysis']);
    await buildAction(c(), org.slug, { sourceType: 'nonconformity', sourceId: nc.id, status: 'done' });
    current = (await c().get(url(`/${nc.id}`))).json() as Made;
    expect(current.status).toBe('actions_planned');
    const effective = await step(org.as.isms_manager, org.slug, current, 'effectiveness-review', { effective: true });
    expect(effective.json().status).toBe('verifying');
    const reviews = (await c().get(url(`/${nc.id}/reviews`))).json().items;
    expect(reviews.map((r: { effective: boolean }) => r.effective)).toEqual([false, true]);
    expect(reviews[0].note).toBe('Two leavers kept access again');
  });

  it('refuses the review while an action is still open (409 on actions)', async () => {
    const nc = await buildNc(c(), org.slug);
    await stepsTo(c(), org.slug, nc, ['correction', 'decision', 'analysis']);
    await buildAction(c(), org.slug, { sourceType: 'nonconformity', sourceId: nc.id });
    const planned = (await c().get(url(`/${nc.id}`))).json() as Made;
    const res = await step(org.as.isms_manager, org.slug, planned, 'effectiveness-review', { effective: true });
    expect(res.statusCode).toBe(409);
    expect(fields(res)).toEqual(['actions']);
  });

  it('proposes similar nonconformities by requirement and by linked control, and confirms them in the analysis', async () => {
    const control = (await c().get(`/api/v1/orgs/${org.slug}/controls?pageSize=1`)).json().items[0];
    const a = await buildNc(c(), org.slug, { requirementKey: '9.1.a' });
    const b = await buildNc(c(), org.slug, { requirementKey: '9.1.a' });
    const d = await buildNc(c(), org.slug, { requirementKey: '8.1.a' });
    const unrelated = await buildNc(c(), org.slug, { requirementKey: '5.2.a' });
    if (control) {
      for (const nc of [a, d]) {
        const res = await c().post(`/api/v1/orgs/${org.slug}/links`, {
          fromType: 'nonconformity',
          fromId: nc.id,
          toType: 'control',
          toId: control.id,
        });
        expect(res.statusCode).toBe(201);
      }
    }
    const similar = (await c().get(url(`/${a.id}/similar`))).json().items as { id: string; reasons: string[] }[];
    const byId = new Map(similar.map((s) => [s.id, s.reasons]));
    expect(byId.get(b.id)).toEqual(['requirement']);
    if (control) expect(byId.get(d.id)).toEqual(['control']);
    expect(byId.has(unrelated.id)).toBe(false);
    const analysed = await stepsTo(c(), org.slug, a, ['correction', 'decision']);
    const res = await step(c(), org.slug, analysed, 'analysis', { similarConfirmed: [b.id] });
    expect(res.statusCode).toBe(200);
    expect(
      (await c().get(url(`/${a.id}/analysis`))).json().similarConfirmed.map((s: { ref: string }) => s.ref),
    ).toEqual([b.ref]);
  });

  it('refuses bad step input naming the field, and a similar nonconformity of another organization', async () => {
    const nc = await buildNc(c(), org.slug);
    const ready = await stepsTo(c(), org.slug, nc, ['correction', 'decision']);
    const tooMany = await step(c(), org.slug, ready, 'analysis', { whys: Array(8).fill('why') });
    expect(tooMany.statusCode).toBe(400);
    expect(fields(tooMany)).toContain('body.whys');
    const badCategory = await step(c(), org.slug, ready, 'analysis', { causeCategory: 'luck' });
    expect(fields(badCategory)).toContain('body.causeCategory');
    const theirs = await buildNc(other.as.contributor, other.slug);
    const foreign = await step(c(), org.slug, ready, 'analysis', { similarConfirmed: [theirs.id] });
    expect(foreign.statusCode).toBe(400);
    expect(fields(foreign)).toEqual(['body.similarConfirmed.0']);
    const noVersion = await c().post(url(`/${nc.id}/correction`), { correctionText: 'x' });
    expect(fields(noVersion)).toContain('body.expectedVersion');
  });

  it('answers 404 for a nonconformity of another organization on every step and read', async () => {
    const theirs = await buildNc(other.as.contributor, other.slug);
    for (const name of ['correction', 'decision', 'analysis', 'effectiveness-review'] as const) {
      const res = await step(org.as.isms_manager, org.slug, theirs, name);
      expect(res.statusCode, name).toBe(404);
    }
    expect((await step(org.as.isms_manager, org.slug, theirs, 'close')).statusCode).toBe(404);
    for (const path of ['reviews', 'similar', 'analysis'])
      expect((await c().get(url(`/${theirs.id}/${path}`))).statusCode, path).toBe(404);
    expect((await c().get(url(`/${theirs.id}`, other))).statusCode).toBe(404);
  });

  it.runIf(kind === 'postgres')(
    'twenty parallel corrections of one version: exactly one wins, the rest 409',
    async () => {
      const nc = await buildNc(c(), org.slug);
      const res = await Promise.all(Array.from({ length: 20 }, () => step(c(), org.slug, nc, 'correction')));
      const codes = res.map((r) => r.statusCode).sort();
      expect(codes.filter((s) => s === 200)).toHaveLength(1);
      expect(codes.filter((s) => s === 409)).toHaveLength(19);
      const events = await env.handle.db
        .selectFrom('auditEvents')
        .select('id')
        .where('entityId', '=', nc.id)
        .where('type', '=', 'nonconformity.step_recorded')
        .execute();
      expect(events).toHaveLength(1);
    },
  );
});
