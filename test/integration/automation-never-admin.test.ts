import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildAutomationAccount, issueAutomationToken } from '../helpers/automation-factories.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { caller } from '../helpers/http.js';

/**
 * "An automation account is never an admin" (schema/orgs/automation.schema.ts) under twenty writers at once: every
 * way a request could make one admin (creating it as admin, changing its role, adding or inviting it as admin, its
 * own token asking) fired in parallel. On PostgreSQL the requests interleave for real; on SQLite they queue.
 */
const PARALLEL = 20;
const times = <T>(n: number, f: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => f(i)));

describe.each(DIALECTS)('an automation account is never an admin, with parallel writers, on %s', (kind) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv(kind);
  });
  afterAll(() => env?.close());

  const url = (org: TestOrg, path: string) => `/api/v1/orgs/${org.slug}${path}`;
  const adminsOf = (org: TestOrg) =>
    env.handle.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.userId')
      .select(['users.id', 'users.kind'])
      .where('memberships.orgId', '=', org.id)
      .where('memberships.role', '=', 'admin')
      .execute();
  const emailOf = async (userId: string) =>
    (await env.handle.db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow()).email;

  it("refuses to change an automation account's role to admin, naming body.role, and writes nothing", async () => {
    const org = await buildOrg(env.app, env.handle);
    const account = await buildAutomationAccount(org, 'viewer');
    const res = await org.as.admin.patch(url(org, `/members/${account.userId}`), { role: 'admin' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((res.json().errors as { field: string }[]).map((e) => e.field)).toEqual(['body.role']);
    const members = (await org.as.admin.get(url(org, '/members?pageSize=100'))).json().items as {
      userId: string;
      role: string;
    }[];
    expect(members.find((m) => m.userId === account.userId)?.role).toBe('viewer');
    const events = await env.handle.db
      .selectFrom('auditEvents')
      .select('type')
      .where('orgId', '=', org.id)
      .where('entityId', '=', account.userId)
      .where('type', '=', 'member.role_changed')
      .execute();
    expect(events).toEqual([]);
    // any other role is still the admin's to change
    expect((await org.as.admin.patch(url(org, `/members/${account.userId}`), { role: 'auditor' })).statusCode).toBe(
      200,
    );
  });

  it('twenty requests that would make automation accounts admin: none is, and none answers 5xx', async () => {
    const org = await buildOrg(env.app, env.handle);
    const accounts = await Promise.all([0, 1, 2].map(() => buildAutomationAccount(org, 'viewer')));
    const emails = await Promise.all(accounts.map((a) => emailOf(a.userId)));
    const { token } = await issueAutomationToken(org, accounts[0]!.userId);
    const asAccount = caller(env.app, { authorization: `Bearer ${token}` });
    // another organization invites the accounts as admin: the answer does not say the address has an account
    const other = await buildOrg(env.app, env.handle);
    const links: string[] = [];
    for (const email of emails) {
      const invited = await other.as.admin.post(url(other, '/members'), { email, role: 'admin' });
      expect(invited.statusCode).toBe(202);
      links.push(invited.json().token as string);
    }
    const anonymous = caller(env.app, {});

    const res = await times(PARALLEL, (i) => {
      const k = i % accounts.length;
      switch (i % 5) {
        case 0:
          return org.as.admin.patch(url(org, `/members/${accounts[k]!.userId}`), { role: 'admin' });
        case 1:
          return org.as.admin.post(url(org, '/automation-accounts'), { name: `Root ${i}`, role: 'admin' });
        case 2:
          // inviting one of its own accounts as admin: it is already a member
          return org.as.admin.post(url(org, '/members'), { email: emails[k], role: 'admin' });
        case 3:
          // the invitation link redeemed as a new person: the address already has an account
          return anonymous.post('/api/v1/invitations/redeem', {
            token: links[k],
            name: `Someone ${i}`,
            password: 'a-long-password-for-this-42',
          });
        default:
          // the account's own token asking for admin: it does not manage members
          return asAccount.patch(url(org, `/members/${accounts[0]!.userId}`), { role: 'admin' });
      }
    });
    const codes = res.map((r) => r.statusCode);
    for (const [i, r] of res.entries()) {
      expect(r.statusCode, `request ${i}: ${r.body}`).toBeGreaterThanOrEqual(400);
      expect(r.statusCode, `request ${i}: ${r.body}`).toBeLessThan(500);
    }
    expect(new Set(codes), JSON.stringify(res.map((r, i) => [i % 5, r.statusCode]))).toEqual(new Set([400, 403, 409]));
    expect((await adminsOf(org)).map((a) => a.kind)).toEqual(['person']);
    expect((await adminsOf(other)).map((a) => a.kind)).toEqual(['person']);
    const elsewhere = await env.handle.db
      .selectFrom('memberships')
      .select('orgId')
      .where(
        'userId',
        'in',
        accounts.map((a) => a.userId),
      )
      .where('orgId', '!=', org.id)
      .execute();
    expect(elsewhere).toEqual([]);
    // nobody in the organization was invited (an account is already a member)
    const invitations = await env.handle.db
      .selectFrom('invitations')
      .select('id')
      .where('orgId', '=', org.id)
      .execute();
    expect(invitations).toEqual([]);
  });

  it('the reverse race: two admins demoting each other while both promote automation accounts leave one person admin', async () => {
    const org = await buildOrg(env.app, env.handle);
    // a second person admin: each of the two admins demotes the other
    await env.handle.db
      .updateTable('memberships')
      .set({ role: 'admin' })
      .where('orgId', '=', org.id)
      .where('userId', '=', org.users.isms_manager.id)
      .execute();
    const accounts = await Promise.all([0, 1].map(() => buildAutomationAccount(org, 'contributor')));
    const [first, second] = [org.as.admin, org.as.isms_manager];

    const res = await times(PARALLEL, (i) => {
      const account = accounts[i % 2]!.userId;
      switch (i % 4) {
        case 0:
          return first.patch(url(org, `/members/${org.users.isms_manager.id}`), { role: 'viewer' });
        case 1:
          return second.patch(url(org, `/members/${org.users.admin.id}`), { role: 'viewer' });
        case 2:
          return first.patch(url(org, `/members/${account}`), { role: 'admin' });
        default:
          return second.patch(url(org, `/members/${account}`), { role: 'admin' });
      }
    });
    for (const [i, r] of res.entries()) expect(r.statusCode, `request ${i}: ${r.body}`).toBeLessThan(500);
    const admins = await adminsOf(org);
    expect(admins.map((a) => a.kind)).toEqual(['person']);
    const promotions = res.filter((_, i) => i % 4 >= 2).map((r) => r.statusCode);
    expect(
      promotions.every((c) => c === 400 || c === 403),
      JSON.stringify(promotions),
    ).toBe(true);
  });
});
