import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildAutomationAccount, issueAutomationToken } from '../helpers/automation-factories.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';
import { anonymous, caller } from '../helpers/http.js';

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

/**
 * An admin issues API tokens for an automation account (issue 13, what an integrator hit): a non-person member with a
 * role, no password, never signing in, whose tokens the admin issues, lists with the account and revokes.
 */
describe.each(DIALECTS)('automation accounts on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());
  const url = (path: string, o: TestOrg = org) => `/api/v1/orgs/${o.slug}${path}`;
  const bearer = (token: string) => caller(env.app, { authorization: `Bearer ${token}` });

  it('an admin creates the account with a role and issues its token; the token acts with that role', async () => {
    const res = await org.as.admin.post(url('/automation-accounts'), { name: 'CI pipeline', role: 'contributor' });
    expect(res.statusCode, res.body).toBe(201);
    const account = res.json();
    expect(account).toMatchObject({ name: 'CI pipeline', role: 'contributor', kind: 'automation', activeTokens: 0 });

    const issued = await org.as.admin.post(url(`/automation-accounts/${account.userId}/tokens`), { name: 'deploy' });
    expect(issued.statusCode, issued.body).toBe(201);
    const { token, id } = issued.json() as { token: string; id: string };
    expect(issued.json()).toMatchObject({ userId: account.userId, name: 'deploy' });

    // a contributor's rights: creates a risk (made by the account), may not manage members or read the audit trail
    const risk = await bearer(token).post(url('/risks'), { title: 'Found by the scanner' });
    expect(risk.statusCode, risk.body).toBe(201);
    expect(risk.json().createdBy).toBe(account.userId);
    expect((await bearer(token).post(url('/members'), { email: 'x@example.test', role: 'viewer' })).statusCode).toBe(
      403,
    );
    expect((await bearer(token).get(url('/audit-events'))).statusCode).toBe(403);
    // and a token never mints tokens
    expect((await bearer(token).post(url('/tokens'), { name: 'more' })).statusCode).toBe(403);

    // listed with the account, among the organization's members, and in the admin's token list
    const accounts = (await org.as.admin.get(url('/automation-accounts'))).json();
    expect(accounts.items).toEqual([expect.objectContaining({ userId: account.userId, activeTokens: 1 })]);
    const members = (await org.as.viewer.get(url('/members?pageSize=100'))).json().items as { userId: string }[];
    expect(members.map((m) => m.userId)).toContain(account.userId);
    const tokens = (await org.as.admin.get(url('/tokens?pageSize=100'))).json().items as { id: string }[];
    expect(tokens.find((t) => t.id === id)).toMatchObject({
      userId: account.userId,
      userName: 'CI pipeline',
      userKind: 'automation',
    });

    // the audit trail names the admin who issued it, and the account it is for
    const event = await env.handle.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('orgId', '=', org.id)
      .where('entityId', '=', id)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ type: 'token.issued_for_account', actorId: org.users.admin.id });
    expect(JSON.parse(event.payload)).toMatchObject({
      name: 'deploy',
      account: 'CI pipeline',
      accountUserId: account.userId,
    });

    // revocable by the admin like any token: it stops working at once
    expect((await org.as.admin.request('DELETE', url(`/tokens/${id}`))).statusCode).toBe(204);
    expect((await bearer(token).get(url('/risks'))).statusCode).toBe(401);
    expect((await org.as.admin.get(url('/automation-accounts'))).json().items[0].activeTokens).toBe(0);
  });

  it('the account cannot sign in, whatever password is tried', async () => {
    const account = await buildAutomationAccount(org);
    const { email, passwordHash } = await env.handle.db
      .selectFrom('users')
      .select(['email', 'passwordHash'])
      .where('id', '=', account.userId)
      .executeTakeFirstOrThrow();
    expect(email).toMatch(/\.invalid$/);
    for (const password of ['', 'correct horse battery staple', passwordHash]) {
      const res = await anonymous(env.app).post('/api/v1/auth/login', { email, password: password || 'x' });
      expect(res.statusCode).toBe(401);
    }
    const sessions = await env.handle.db
      .selectFrom('sessions')
      .select('id')
      .where('userId', '=', account.userId)
      .execute();
    expect(sessions).toEqual([]);
  });

  it('only an admin creates an account or issues its token; a refusal writes nothing', async () => {
    const account = await buildAutomationAccount(org);
    const before = await writeCounts(env.handle);
    for (const role of ['isms_manager', 'contributor', 'viewer'] as const) {
      const made = await org.as[role].post(url('/automation-accounts'), { name: 'Sneaky', role: 'viewer' });
      expect(made.statusCode, role).toBe(403);
      const issued = await org.as[role].post(url(`/automation-accounts/${account.userId}/tokens`), { name: 'mine' });
      expect(issued.statusCode, role).toBe(403);
    }
    const after = await writeCounts(env.handle);
    // refusals are audited (authz.denied); nothing else is written
    expect({ ...after, auditEvents: 0 }).toEqual({ ...before, auditEvents: 0 });
    expect((await org.as.admin.get(url('/automation-accounts'))).json().items).toContainEqual(
      expect.objectContaining({ userId: account.userId, activeTokens: 0 }),
    );
  });

  it('refuses bad input with the field named: an admin role, an empty name, unknown keys, a person', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'Root', role: 'admin' }, 'body.role'],
      [{ name: '', role: 'viewer' }, 'body.name'],
      [{ name: 'X', role: 'overlord' }, 'body.role'],
      [{ role: 'viewer' }, 'body.name'],
    ];
    const before = await writeCounts(env.handle);
    for (const [body, field] of cases) {
      const res = await org.as.admin.post(url('/automation-accounts'), body);
      expect(res.statusCode, res.body).toBe(400);
      expect(fieldsOf(res.json())).toContain(field);
    }
    expect(
      (await org.as.admin.post(url('/automation-accounts'), { name: 'X', role: 'viewer', bogus: 1 })).statusCode,
    ).toBe(400);
    // a person is not an automation account: no token is issued for them this way
    const person = await org.as.admin.post(url(`/automation-accounts/${org.users.contributor.id}/tokens`), {
      name: 'theirs',
    });
    expect(person.statusCode).toBe(404);
    expect(await writeCounts(env.handle)).toEqual(before);
  });

  it('another organization neither sees the account nor issues, nor adds it', async () => {
    const account = await buildAutomationAccount(org);
    const { token } = await issueAutomationToken(org, account.userId);
    const other = await buildOrg(env.app, env.handle);
    expect((await other.as.admin.get(url('/automation-accounts', other))).json().items).toEqual([]);
    const tokens = (await other.as.admin.get(url('/tokens?pageSize=100', other))).json().items as { userId: string }[];
    expect(tokens.map((t) => t.userId)).not.toContain(account.userId);
    const issue = await other.as.admin.post(url(`/automation-accounts/${account.userId}/tokens`, other), { name: 'x' });
    expect(issue.statusCode).toBe(404);
    const { email } = await env.handle.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', account.userId)
      .executeTakeFirstOrThrow();
    // an invitation to its address never makes it a member there: nobody can redeem or accept it
    const invited = await other.as.admin.post(url('/members', other), { email, role: 'viewer' });
    expect(invited.statusCode, invited.body).toBe(202);
    const redeem = await anonymous(env.app).post('/api/v1/invitations/redeem', {
      token: invited.json().token,
      name: 'Impostor',
      password: 'a-long-enough-password-42',
    });
    expect(redeem.statusCode).toBe(409);
    const memberships = await env.handle.db
      .selectFrom('memberships')
      .select('orgId')
      .where('userId', '=', account.userId)
      .execute();
    expect(memberships).toEqual([{ orgId: org.id }]);
    // its token does not reach the other organization
    expect((await bearer(token).get(url('/risks', other))).statusCode).toBe(404);
  });
});
