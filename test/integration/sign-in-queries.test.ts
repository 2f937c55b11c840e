import type { KyselyPlugin, RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import type { App } from '../../src/server/types.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, PASSWORD, type TestOrg } from '../helpers/factories.js';
import { caller, signIn } from '../helpers/http.js';

/**
 * Signing in a request to an organization route reads the caller's session (or token), the organization the URL
 * names and the caller's membership there in one statement (issue 15: it was three lookups on every request).
 */
describe.each(DIALECTS)('one query signs in an organization request on %s', (kind) => {
  let env: TestEnv;
  let counted: App;
  let org: TestOrg;
  let stranger: TestOrg;
  let statements: string[] = [];
  const tablesOf = (node: RootOperationNode) => JSON.stringify(node);
  const counting: KyselyPlugin = {
    transformQuery: (args) => {
      statements.push(tablesOf(args.node));
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
    stranger = await buildOrg(env.app, env.handle);
  });
  afterAll(async () => {
    await counted?.close();
    await env?.close();
  });

  const signInReads = () => {
    // reads only: a token's first use also records when it was used (an UPDATE, at most once a minute)
    const selects = statements.filter((s) => s.startsWith('{"kind":"SelectQueryNode"'));
    const reads = selects.filter((s) => /"(sessions|api_tokens|apiTokens)"/.test(s));
    const membership = selects.filter((s) => s.includes('"memberships"'));
    return { reads, membership };
  };

  it('reads session, organization and membership together, and still answers 404 to a non-member', async () => {
    const viewer = await signIn(counted, org.users.viewer.email, PASSWORD);
    statements = [];
    const res = await viewer.get(`/api/v1/orgs/${org.slug}/actions?pageSize=1`);
    expect(res.statusCode).toBe(200);
    const { reads, membership } = signInReads();
    expect(reads).toHaveLength(1);
    expect(membership).toHaveLength(1);
    expect(reads[0]).toContain('"organizations"');
    expect(reads[0]).toContain('"memberships"');

    statements = [];
    expect((await viewer.get(`/api/v1/orgs/${stranger.slug}/actions`)).statusCode).toBe(404);
    expect((await viewer.get(`/api/v1/orgs/no-such-org/actions`)).statusCode).toBe(404);
    expect(signInReads().membership).toHaveLength(2);
  });

  it('does the same for an API token, which still reaches only its own organization', async () => {
    const made = await org.as.contributor.post(`/api/v1/orgs/${org.slug}/tokens`, { name: 'counted' });
    expect(made.statusCode).toBe(201);
    const bearer = caller(counted, { authorization: `Bearer ${made.json().token}` });
    statements = [];
    expect((await bearer.get(`/api/v1/orgs/${org.slug}/actions?pageSize=1`)).statusCode).toBe(200);
    const { reads, membership } = signInReads();
    expect(reads).toHaveLength(1);
    expect(membership).toHaveLength(1);
    // the token's owner is no member of the other organization, and a token is bound to its own anyway
    expect((await bearer.get(`/api/v1/orgs/${stranger.slug}/actions`)).statusCode).toBe(404);
  });
});
