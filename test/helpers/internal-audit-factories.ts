import crypto from 'node:crypto';
import type { TestOrg } from './factories.js';

const uniq = () => crypto.randomBytes(4).toString('hex');

async function ok(res: { statusCode: number; body: string; json: () => unknown }, expected: number, what: string) {
  if (res.statusCode !== expected) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as Record<string, unknown> & { id: string; ref: string; version: number };
}

/** The organization's audit programme with one draft whose plan is `plan`, approved by top management if asked. */
export async function buildProgramme(org: TestOrg, plan: Record<string, unknown>, approve = true) {
  const base = `/api/v1/orgs/${org.slug}/audit-programmes`;
  const p = await ok(await org.as.isms_manager.post(base, { title: `Programme ${uniq()}` }), 201, 'programme');
  const draft = await ok(
    await org.as.isms_manager.request('PUT', `${base}/${p.id}/draft`, {
      content: { objectives: 'Audit every clause over three years', plan },
    }),
    200,
    'programme draft',
  );
  if (approve)
    await ok(
      await org.as.approver.post(`${base}/${p.id}/versions/${String(draft.versionNo)}/approve`, {
        contentHash: draft.contentHash,
      }),
      200,
      'approve programme',
    );
  return p;
}

/** An internal audit led by `lead` (default: the auditor role's user). */
export async function buildAudit(org: TestOrg, overrides: Record<string, unknown> = {}) {
  return ok(
    await org.as.auditor.post(`/api/v1/orgs/${org.slug}/internal-audits`, {
      title: `Audit ${uniq()}`,
      leadAuditorId: org.users.auditor.id,
      ...overrides,
    }),
    201,
    'buildAudit',
  );
}
