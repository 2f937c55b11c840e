import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import type { App } from '../../src/server/types.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildAction, buildOrg, PASSWORD, type TestOrg } from '../helpers/factories.js';
import { signIn, type Caller } from '../helpers/http.js';
import { seedPages, type PageFixture } from '../helpers/page-summary-fixtures.js';

/**
 * A page summary costs the same number of statements whatever the number of records it shows (issue 15): a risk
 * with one of each linked record and one with thirty, a control needed by one risk and by thirty, a home page
 * counting one action and thirty-one.
 */
describe.each(DIALECTS)('page summaries read a bounded number of statements on %s', (kind) => {
  let env: TestEnv;
  let counted: App;
  let org: TestOrg;
  let small: TestOrg;
  let fx: PageFixture;
  let statements = 0;
  const counting: KyselyPlugin = {
    transformQuery: (args) => {
      statements++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  beforeAll(async () => {
    env = await testEnv(kind);
    counted = await buildApp({
      handle: { ...env.handle, db: env.handle.db.withPlugin(counting) },
      auth: { maxFailuresPerIp: 10_000, maxFailuresPerAccount: 10_000 },
      webDir: '/nonexistent',
    });
    org = await buildOrg(env.app, env.handle);
    small = await buildOrg(env.app, env.handle);
    fx = await seedPages(org);
    await buildAction(small.as.isms_manager, small.slug, {
      ownerId: small.users.isms_manager.id,
      dueDate: '2020-01-01',
    });
  }, 300_000);
  afterAll(async () => {
    await counted?.close();
    await env?.close();
  });

  /** The statements one GET runs (sign-in included), after checking it answers 200. */
  async function cost(who: Caller, url: string): Promise<number> {
    statements = 0;
    const res = await who.get(url);
    expect(res.statusCode, res.body).toBe(200);
    return statements;
  }
  const as = (o: TestOrg) => signIn(counted, o.users.isms_manager.email, PASSWORD);

  it('the risk page: one linked record of each kind or thirty, the same statements', async () => {
    const manager = await as(org);
    const base = `/api/v1/orgs/${org.slug}/risks`;
    const one = await cost(manager, `${base}/${fx.one.id}/page`);
    const many = await cost(manager, `${base}/${fx.many.id}/page`);
    expect(many).toBe(one);
    expect(one).toBeLessThan(30);
  });

  it('the control page: needed by one risk or thirty, the same statements', async () => {
    const manager = await as(org);
    const base = `/api/v1/orgs/${org.slug}/controls`;
    const few = await cost(manager, `${base}/${fx.controlFew.id}/page`);
    const many = await cost(manager, `${base}/${fx.controlMany.id}/page`);
    expect(many).toBe(few);
    expect(few).toBeLessThan(30);
  });

  it('the Controls page counts: no controls or 93, the same statements (one count each)', async () => {
    const few = await cost(await as(small), `/api/v1/orgs/${small.slug}/controls/counts`);
    const many = await cost(await as(org), `/api/v1/orgs/${org.slug}/controls/counts`);
    expect(many).toBe(few);
    expect(few).toBeLessThan(15);
  });

  it('the home page: one action or thirty-one, the same statements', async () => {
    const few = await cost(await as(small), `/api/v1/orgs/${small.slug}/home`);
    const many = await cost(await as(org), `/api/v1/orgs/${org.slug}/home`);
    expect(many).toBe(few);
    expect(few).toBeLessThan(15);
  });
});
