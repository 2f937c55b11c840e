import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { addMembership, buildOrg, buildUser, PASSWORD, type TestOrg } from '../helpers/factories.js';
import { anonymous, signIn } from '../helpers/http.js';
import { buildAsset } from '../helpers/asset-factories.js';
import { buildProcess } from '../helpers/leadership-factories.js';
import { buildRisk } from '../helpers/risk-factories.js';
import { chooseEdition } from '../helpers/control-factories.js';
import { createOrg } from '../../src/core/orgs/orgs.service.js';
import { SYSTEM_ACTOR } from '../../src/core/context.js';

/**
 * Twenty writers at once change nothing: the outside review's races, fired as parallel requests. On PostgreSQL
 * (READ COMMITTED, a pool of connections) these interleave for real; on SQLite they queue behind the one writer,
 * and the same answers must come out.
 */
const PARALLEL = 20;
const times = <T>(n: number, f: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => f(i)));
const statuses = (res: { statusCode: number }[]) => res.map((r) => r.statusCode).sort();
const count = (codes: number[], code: number) => codes.filter((c) => c === code).length;

describe.each(DIALECTS)('parallel writers on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const url = (o: TestOrg, path: string) => `/api/v1/orgs/${o.slug}${path}`;
  const eventsOf = (entityId: string, type: string) =>
    env.handle.db
      .selectFrom('auditEvents')
      .select(['payload', 'seq'])
      .where('entityId', '=', entityId)
      .where('type', '=', type)
      .orderBy('seq')
      .execute();

  it('the same expectedVersion: one update wins, the others are told the record is stale', async () => {
    const risk = await buildRisk(org.as.contributor, org.slug);
    const res = await times(PARALLEL, (i) =>
      org.as.contributor.patch(url(org, `/risks/${risk.id}`), { title: `Title ${i}`, expectedVersion: risk.version }),
    );
    const codes = statuses(res);
    expect(count(codes, 200), JSON.stringify(codes)).toBe(1);
    expect(count(codes, 409)).toBe(PARALLEL - 1);
    const after = (await org.as.viewer.get(url(org, `/risks/${risk.id}`))).json();
    expect(after.version).toBe(risk.version + 1);
    expect(await eventsOf(risk.id, 'record.updated')).toHaveLength(1);
  });

  it('without expectedVersion every update lands, each on the one before: no version is skipped or reused', async () => {
    const risk = await buildRisk(org.as.contributor, org.slug, { title: 'Start' });
    const res = await times(PARALLEL, (i) =>
      org.as.contributor.patch(url(org, `/risks/${risk.id}`), { title: `Title ${i}` }),
    );
    expect(statuses(res)).toEqual(Array(PARALLEL).fill(200));
    const after = (await org.as.viewer.get(url(org, `/risks/${risk.id}`))).json();
    expect(after.version).toBe(risk.version + PARALLEL);
    // the history is one line: each event changes the title from what the one before left
    const events = (await eventsOf(risk.id, 'record.updated')).map(
      (e) => JSON.parse(e.payload).changes.title as { from: string; to: string },
    );
    expect(events).toHaveLength(PARALLEL);
    expect(events[0]!.from).toBe('Start');
    for (let i = 1; i < events.length; i++) expect(events[i]!.from).toBe(events[i - 1]!.to);
    expect(events.at(-1)!.to).toBe(after.title);
  });

  it('parallel archives of one record archive it once', async () => {
    const risk = await buildRisk(org.as.contributor, org.slug);
    const res = await times(PARALLEL, () => org.as.isms_manager.del(url(org, `/risks/${risk.id}`)));
    expect(res.every((r) => r.statusCode < 500)).toBe(true);
    expect(await eventsOf(risk.id, 'record.archived')).toHaveLength(1);
    const row = await env.handle.db
      .selectFrom('risks')
      .select('version')
      .where('id', '=', risk.id)
      .executeTakeFirstOrThrow();
    expect(row.version).toBe(risk.version + 1);
  });

  describe('one per organization, ten creates at once on a fresh organization', () => {
    const oneCreated = async (
      o: TestOrg,
      path: string,
      body: () => Record<string, unknown>,
      table: Parameters<TestEnv['handle']['db']['selectFrom']>[0],
    ) => {
      const res = await times(10, () => o.as.isms_manager.post(url(o, path), body()));
      const codes = statuses(res);
      expect(count(codes, 201), `${path}: ${JSON.stringify(codes)}`).toBe(1);
      expect(count(codes, 409)).toBe(9);
      const rows = await env.handle.db
        .selectFrom(table as 'risks')
        .select('id')
        .where('orgId', '=', o.id)
        .where('archivedAt', 'is', null)
        .execute();
      expect(rows).toHaveLength(1);
    };

    it('one Statement of Applicability', async () => {
      const fresh = await buildOrg(env.app, env.handle);
      await chooseEdition(fresh);
      await oneCreated(
        fresh,
        '/statements-of-applicability',
        () => ({ title: 'Statement of Applicability' }),
        'statementsOfApplicability',
      );
    });

    it('one risk methodology', async () => {
      const fresh = await buildOrg(env.app, env.handle);
      await oneCreated(
        fresh,
        '/risk-methodologies',
        () => ({ title: 'Risk assessment methodology' }),
        'riskMethodologies',
      );
    });

    it('one risk treatment plan', async () => {
      const fresh = await buildOrg(env.app, env.handle);
      await oneCreated(fresh, '/risk-treatment-plans', () => ({ title: 'Risk treatment plan' }), 'riskTreatmentPlans');
    });

    it('one information security policy', async () => {
      const fresh = await buildOrg(env.app, env.handle);
      const res = await times(10, () =>
        fresh.as.isms_manager.post(url(fresh, '/documents'), {
          title: 'Information security policy',
          type: 'policy',
          isSecurityPolicy: true,
          ownerId: fresh.users.isms_manager.id,
        }),
      );
      expect(count(statuses(res), 201), JSON.stringify(statuses(res))).toBe(1);
      const rows = await env.handle.db
        .selectFrom('documents')
        .select('id')
        .where('orgId', '=', fresh.id)
        .where('isSecurityPolicy', '=', 1)
        .execute();
      expect(rows).toHaveLength(1);
    });

    it('one interaction between the same two processes', async () => {
      const fresh = await buildOrg(env.app, env.handle);
      const a = await buildProcess(fresh.as.contributor, fresh.slug);
      const b = await buildProcess(fresh.as.contributor, fresh.slug);
      await oneCreated(
        fresh,
        '/process-interactions',
        () => ({ fromProcessId: a.id, toProcessId: b.id, flows: 'Risk register' }),
        'processInteractions',
      );
    });

    it('one dependency between the same two assets', async () => {
      const fresh = await buildOrg(env.app, env.handle);
      const a = await buildAsset(fresh.as.contributor, fresh.slug);
      const b = await buildAsset(fresh.as.contributor, fresh.slug);
      await oneCreated(
        fresh,
        '/asset-dependencies',
        () => ({ supportingAssetId: a.id, supportedAssetId: b.id }),
        'assetDependencies',
      );
    });
  });

  it('an admin removing the other admin while demoting themself never leaves the organization without one', async () => {
    for (let round = 0; round < 10; round++) {
      const a = await buildUser(env.handle);
      const b = await buildUser(env.handle);
      const o = await createOrg(
        env.handle.db,
        { name: `Two admins ${round}`, slug: `two-admins-${kind}-${round}` },
        a.id,
        SYSTEM_ACTOR,
      );
      await addMembership(env.handle, o.id, b.id, 'admin');
      const asA = await signIn(env.app, a.email, PASSWORD);
      const members = `/api/v1/orgs/${o.slug}/members`;
      const res = await Promise.all([
        asA.del(`${members}/${b.id}`),
        asA.patch(`${members}/${a.id}`, { role: 'viewer' }),
      ]);
      expect(
        res.every((r) => r.statusCode < 500),
        res.map((r) => r.body).join('\n'),
      ).toBe(true);
      const admins = await env.handle.db
        .selectFrom('memberships')
        .select('userId')
        .where('orgId', '=', o.id)
        .where('role', '=', 'admin')
        .execute();
      expect(admins.length, `round ${round}`).toBeGreaterThanOrEqual(1);
    }
  });
});

describe.each(DIALECTS)('first-run setup raced on %s', (kind) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv(kind);
  });
  afterAll(() => env?.close());

  it('twenty setups at once make one superadmin and one organization', async () => {
    const anon = anonymous(env.app);
    const res = await times(PARALLEL, (i) =>
      anon.post('/api/v1/setup', {
        email: `first-${i}@example.test`,
        name: `First ${i}`,
        password: PASSWORD,
        organizationName: `First org ${i}`,
      }),
    );
    const codes = statuses(res);
    expect(count(codes, 201) + count(codes, 200), JSON.stringify(codes)).toBe(1);
    expect(codes.every((c) => c < 500)).toBe(true);
    const users = await env.handle.db.selectFrom('users').select('id').execute();
    const orgs = await env.handle.db.selectFrom('organizations').select('id').execute();
    expect(users).toHaveLength(1);
    expect(orgs).toHaveLength(1);
  });
});
