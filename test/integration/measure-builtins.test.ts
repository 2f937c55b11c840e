import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_MEASURE_KEYS } from '../../src/schema/measurement/measure-builtin.schema.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';

type Catalog = { builtIns: { key: string; targetValue: number; measure: { id: string; ref: string } | null }[] };
const fields = (res: { json(): { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);

/**
 * Switching built-in measures on (9.1): the catalog, one measure per built-in and organization however many ask at
 * once, the defaults editable afterwards, and refusals that write nothing.
 */
describe.each(DIALECTS)('built-in measures switched on on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());
  const url = (o: TestOrg, path = '') => `/api/v1/orgs/${o.slug}/measures${path}`;
  const catalog = async (o: TestOrg) => (await o.as.viewer.get(url(o, '/built-in'))).json() as Catalog;
  const measureCount = async (orgId: string) =>
    Number(
      (
        await env.handle.db
          .selectFrom('measures')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('orgId', '=', orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('lists the five built-ins, each off until switched on, then with its measure', async () => {
    const before = await catalog(org);
    expect(before.builtIns.map((i) => i.key)).toEqual([...BUILT_IN_MEASURE_KEYS]);
    expect(before.builtIns.every((i) => i.measure === null)).toBe(true);

    const res = await org.as.contributor.post(url(org, '/built-in'), { key: 'overdue_actions' });
    expect(res.statusCode, res.body).toBe(201);
    const measure = res.json();
    expect(measure).toMatchObject({
      builtInKey: 'overdue_actions',
      title: 'Overdue actions',
      targetValue: 0,
      targetDirection: 'at_most',
      amberThreshold: 5,
      frequency: 'monthly',
      status: 'active',
    });
    expect(measure.ref).toMatch(/^MSR-\d+$/);
    const audit = await env.handle.db
      .selectFrom('auditEvents')
      .select(['type', 'actorId'])
      .where('entityId', '=', measure.id)
      .execute();
    expect(audit).toEqual([{ type: 'record.created', actorId: org.users.contributor.id }]);

    const again = await org.as.isms_manager.post(url(org, '/built-in'), { key: 'overdue_actions' });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().id).toBe(measure.id);
    const after = await catalog(org);
    expect(after.builtIns.find((i) => i.key === 'overdue_actions')!.measure).toMatchObject({
      id: measure.id,
      ref: measure.ref,
    });

    // the defaults are the measure's own afterwards; the key is the server's
    const edited = await org.as.contributor.patch(url(org, `/${measure.id}`), { targetValue: 2, amberThreshold: 4 });
    expect(edited.statusCode, edited.body).toBe(200);
    const keyChange = await org.as.contributor.patch(url(org, `/${measure.id}`), { builtInKey: 'policy' });
    expect(keyChange.statusCode).toBe(400);
    expect(fields(keyChange)).toEqual(['body.builtInKey']);
  });

  it('twenty calls at once make one measure', async () => {
    const o = await buildOrg(env.app, env.handle);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        o.as.contributor.post(url(o, '/built-in'), { key: 'policy_acknowledgement_rate' }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort((a, b) => a - b)).toEqual([...Array<number>(19).fill(200), 201]);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect(await measureCount(o.id)).toBe(1);
  });

  it('refuses an unknown key, a viewer, and a built-in whose measure was archived, writing nothing', async () => {
    const o = await buildOrg(env.app, env.handle);
    const refused = async (res: { statusCode: number; body: string }, status: number) => {
      expect(res.statusCode, res.body).toBe(status);
    };
    let before = await writeCounts(env.handle);
    const unknown = await o.as.contributor.post(url(o, '/built-in'), { key: 'uptime' });
    await refused(unknown, 400);
    expect(fields(unknown)).toEqual(['body.key']);
    await refused(await o.as.contributor.post(url(o, '/built-in'), { key: 'overdue_actions', extra: 1 }), 400);
    expect(await writeCounts(env.handle)).toEqual(before);
    // a refusal for want of permission is itself audited; no measure is made
    await refused(await o.as.viewer.post(url(o, '/built-in'), { key: 'overdue_actions' }), 403);
    await refused(await o.as.auditor.post(url(o, '/built-in'), { key: 'overdue_actions' }), 403);
    expect(await measureCount(o.id)).toBe(0);

    const made = (await o.as.contributor.post(url(o, '/built-in'), { key: 'overdue_nonconformities' })).json();
    expect((await o.as.isms_manager.del(url(o, `/${made.id}`))).statusCode).toBe(204);
    before = await writeCounts(env.handle);
    const archived = await o.as.contributor.post(url(o, '/built-in'), { key: 'overdue_nonconformities' });
    await refused(archived, 409);
    expect(fields(archived)).toEqual(['body.key']);
    expect(await writeCounts(env.handle)).toEqual(before);
    expect((await catalog(o)).builtIns.find((i) => i.key === 'overdue_nonconformities')!.measure).toBeNull();
  });
});
