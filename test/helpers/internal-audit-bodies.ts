import type { FixtureCtx } from './route-fixtures.js';
import { buildRegisterRecord, LINKABLE, registerOf } from './route-fixtures.js';
import type { TestOrg } from './factories.js';

/** Bodies and records for the internal-audit routes in the catalog-wide tests (role matrix, isolation, bad input). */

type BodyMaker = (ctx: FixtureCtx, made: Record<string, string>) => Promise<Record<string, unknown>>;
const A = 'POST /api/v1/orgs/:org/internal-audits/:id';
const auditUrl = (org: TestOrg, id: string) => `/api/v1/orgs/${org.slug}/internal-audits/${id}`;

async function ok(res: { statusCode: number; body: string; json: () => unknown }, what: string) {
  if (res.statusCode < 200 || res.statusCode > 299) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as Record<string, unknown>;
}

/** The audit's report approved by its lead (the admin). */
async function approveReport(org: TestOrg, auditId: string) {
  await ok(await org.as.admin.patch(auditUrl(org, auditId), { leadAuditorId: org.users.admin.id }), 'lead auditor');
  const d = await ok(
    await org.as.admin.request('PUT', `${auditUrl(org, auditId)}/draft`, { content: { summary: 'All well' } }),
    'report draft',
  );
  await ok(
    await org.as.admin.post(`${auditUrl(org, auditId)}/versions/${String(d.versionNo)}/approve`, {
      contentHash: d.contentHash,
    }),
    'approve report',
  );
}

export const INTERNAL_AUDIT_BODIES: Record<string, BodyMaker> = {
  [`PUT /api/v1/orgs/:org/internal-audits/:id/team`]: async ({ org }) => ({
    members: [{ userId: org.users.viewer.id, role: 'observer' }],
  }),
  [`PUT /api/v1/orgs/:org/internal-audits/:id/scope-processes`]: async ({ org }) => ({
    processIds: [(await buildRegisterRecord(org.as.admin, org, registerOf('isms_process'))).id],
  }),
  // an audit starts once its lead auditor is appointed
  [`${A}/transition`]: async ({ org }, made) => {
    const audit = await ok(
      await org.as.admin.patch(auditUrl(org, made.id!), { leadAuditorId: org.users.admin.id }),
      'appoint the lead auditor',
    );
    return { to: 'in_progress', expectedVersion: audit.version };
  },
  [`${A}/checklist/generate`]: async () => ({}),
  [`${A}/checklist`]: async () => ({ title: 'Records of access reviews' }),
  [`PATCH /api/v1/orgs/:org/internal-audits/:id/checklist/:itemId`]: async () => ({
    conclusion: 'conforms',
    expectedVersion: 1,
  }),
  [`${A}/checklist/:itemId/links`]: async ({ org }) => ({
    kind: 'sample',
    targetType: LINKABLE.def.entity,
    targetId: (await buildRegisterRecord(org.as.admin, org, LINKABLE)).id,
  }),
  // a minor nonconformity raised by its lead auditor: the calling role's user leads the audit
  [`${A}/checklist/:itemId/raise`]: async ({ org, role }, made) => {
    await ok(
      await org.as.admin.patch(auditUrl(org, made.id!), { leadAuditorId: org.users[role].id }),
      'make the caller lead auditor',
    );
    const item = await ok(
      await org.as.admin.patch(`${auditUrl(org, made.id!)}/checklist/${made.itemId}`, {
        conclusion: 'minor_nc',
        expectedVersion: 1,
      }),
      'conclude the item',
    );
    return {
      expectedVersion: item.version,
      ownerId: org.users.contributor.id,
      followUp: {
        correction: 'Revoke the accounts found',
        correctiveAction: 'Reconcile accounts monthly',
        dueOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
        verification: 'Sampled at the next audit',
      },
    };
  },
  [`${A}/distributions`]: async ({ org }, made) => {
    await approveReport(org, made.id!);
    return { memberIds: [org.users.approver.id] };
  },
  // only the lead auditor signs the report: the calling role's user leads the audit
  [`${A}/versions/:no/approve`]: async ({ org, role }, made) => {
    await ok(
      await org.as.admin.patch(auditUrl(org, made.id!), { leadAuditorId: org.users[role].id }),
      'make the caller lead auditor',
    );
    const v = await ok(await org.as.admin.get(`${auditUrl(org, made.id!)}/versions/${made.no}`), 'version');
    return { contentHash: v.contentHash };
  },
};
