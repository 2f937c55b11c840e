import crypto from 'node:crypto';
import type { Role } from '../../src/schema/auth/roles.js';
import type { TestOrg } from './factories.js';

const uniq = () => crypto.randomBytes(4).toString('hex');

/** An automation account of the organization, made by its admin through the API. */
export async function buildAutomationAccount(org: TestOrg, role: Role = 'contributor') {
  const res = await org.as.admin.post(`/api/v1/orgs/${org.slug}/automation-accounts`, {
    name: `Integration ${uniq()}`,
    role,
  });
  if (res.statusCode !== 201) throw new Error(`buildAutomationAccount: ${res.statusCode} ${res.body}`);
  return res.json() as { userId: string; name: string; role: Role };
}

/** A token the admin issues for an automation account; `token` is the secret. */
export async function issueAutomationToken(org: TestOrg, userId: string) {
  const res = await org.as.admin.post(`/api/v1/orgs/${org.slug}/automation-accounts/${userId}/tokens`, {
    name: `token ${uniq()}`,
  });
  if (res.statusCode !== 201) throw new Error(`issueAutomationToken: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; token: string; prefix: string; userId: string };
}
