import crypto from 'node:crypto';
import type { DatabaseHandle } from '../../src/db/connect.js';
import { SYSTEM_ACTOR } from '../../src/core/context.js';
import { createOrg } from '../../src/core/orgs/orgs.service.js';
import { createUser } from '../../src/core/users/users.service.js';
import { nowIso } from '../../src/core/util/ids.js';
import { ROLES, type Role } from '../../src/schema/auth/roles.js';
import type { App } from '../../src/server/types.js';
import { signIn, type Caller } from './http.js';

export const PASSWORD = 'a-long-test-password-42';
const uniq = () => crypto.randomBytes(4).toString('hex');

export async function buildUser(
  handle: DatabaseHandle,
  overrides: { email?: string; name?: string; isSuperadmin?: boolean } = {},
) {
  return createUser(
    handle.db,
    {
      email: overrides.email ?? `user-${uniq()}@example.test`,
      name: overrides.name ?? 'Test User',
      password: PASSWORD,
      isSuperadmin: overrides.isSuperadmin,
    },
    SYSTEM_ACTOR,
  );
}

export async function addMembership(handle: DatabaseHandle, orgId: string, userId: string, role: Role) {
  await handle.db.insertInto('memberships').values({ orgId, userId, role, createdAt: nowIso() }).execute();
}

export interface TestOrg {
  id: string;
  slug: string;
  name: string;
  /** one signed-in caller per role */
  as: Record<Role, Caller>;
  users: Record<Role, { id: string; email: string }>;
}

/** An organization with one member per role, each signed in through the API. */
export async function buildOrg(app: App, handle: DatabaseHandle, name = `Org ${uniq()}`): Promise<TestOrg> {
  const admin = await buildUser(handle, { name: `${name} admin` });
  const org = await createOrg(handle.db, { name, slug: `org-${uniq()}` }, admin.id, SYSTEM_ACTOR);
  const users = { admin: { id: admin.id, email: admin.email } } as TestOrg['users'];
  for (const role of ROLES) {
    if (role === 'admin') continue;
    const u = await buildUser(handle, { name: `${name} ${role}` });
    await addMembership(handle, org.id, u.id, role);
    users[role] = { id: u.id, email: u.email };
  }
  const as = {} as TestOrg['as'];
  for (const role of ROLES) as[role] = await signIn(app, users[role].email, PASSWORD);
  return { ...org, as, users };
}

export async function buildAction(c: Caller, orgSlug: string, overrides: Record<string, unknown> = {}) {
  const res = await c.post(`/api/v1/orgs/${orgSlug}/actions`, { title: `Action ${uniq()}`, ...overrides });
  if (res.statusCode !== 201) throw new Error(`buildAction: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; ref: string; version: number } & Record<string, unknown>;
}

/** Counts that must not move when a request is rejected. */
export async function writeCounts(handle: DatabaseHandle) {
  const count = async (
    table: 'actions' | 'auditEvents' | 'links' | 'memberships' | 'apiTokens' | 'users' | 'organizations',
  ) => {
    const row = await handle.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return {
    actions: await count('actions'),
    auditEvents: await count('auditEvents'),
    links: await count('links'),
    memberships: await count('memberships'),
    apiTokens: await count('apiTokens'),
    users: await count('users'),
    organizations: await count('organizations'),
  };
}
