import crypto from 'node:crypto';
import { REGISTER_MODULES, VERSIONED_MODULES } from '../../src/core/modules.js';
import type { App, RouteEntry } from '../../src/server/types.js';
import { PASSWORD } from './factories.js';
import type { Caller } from './http.js';
import { multipart, textFile } from './evidence-factories.js';
import { DOCUMENT_BODIES, DOCUMENT_QUERIES } from './document-factories.js';
import { INTERNAL_AUDIT_BODIES } from './internal-audit-bodies.js';
import { IMPROVEMENT_BODIES, NONCONFORMITY_BODIES } from './nonconformity-factories.js';
import { MEASURE_BODIES } from './measure-factories.js';
import { MEASURE_BUILTIN_BODIES } from './measure-builtin-bodies.js';
import { OBJECTIVE_BODIES, OBJECTIVE_QUERIES } from './objective-factories.js';
import { MANAGEMENT_REVIEW_BODIES } from './management-review-bodies.js';

/**
 * Drives catalog-wide tests (tenant isolation, role matrix, bad input) from `app.routeCatalog`: how to make a
 * record for each kind of URL parameter, and a valid body for each writing route. A route these maps do not know
 * makes the tests fail loudly, so a new route cannot slip through uncovered: add it here.
 */

export * from './route-urls.js';
export * from './route-fixtures.js';
import { fillUrl, routeKey } from './route-urls.js';
import {
  buildInvitation,
  buildLink,
  buildRegisterRecord,
  climateDecisionBody,
  draftBody,
  editableTextField,
  ensureApprovedMethodology,
  forgetEdition,
  LINKABLE,
  makeParams,
  registerCreateBody,
  registerOf,
  saveDraft,
  type FixtureCtx,
} from './route-fixtures.js';

const uniq = () => crypto.randomBytes(4).toString('hex');

/** A body that is not JSON (a file upload): sent as is with its content type. */
export interface RawBody {
  raw: string;
  contentType: string;
}
export type Body = Record<string, unknown> | RawBody;
export const isRawBody = (b: unknown): b is RawBody => !!b && typeof b === 'object' && 'raw' in b && 'contentType' in b;

type BodyMaker = (ctx: FixtureCtx, made: Record<string, string>) => Promise<Body>;

const BODIES: Record<string, BodyMaker> = {
  'POST /api/v1/setup': async () => ({
    email: `setup-${uniq()}@example.test`,
    name: 'Setup',
    password: PASSWORD,
    organizationName: 'Setup org',
  }),
  'POST /api/v1/auth/login': async ({ org }) => ({ email: org.users.viewer.email, password: PASSWORD }),
  // a wrong current password: the body is well-formed, and nobody's password changes under the other tests
  'POST /api/v1/auth/password': async () => ({
    currentPassword: 'not-the-current-password',
    newPassword: 'another-long-password-9',
  }),
  'POST /api/v1/orgs': async () => ({ name: `Org ${uniq()}` }),
  'POST /api/v1/orgs/:org/members': async () => ({ email: `new-${uniq()}@example.test`, role: 'viewer' }),
  'POST /api/v1/invitations/preview': async ({ org }) => ({ token: (await buildInvitation(org)).token }),
  'POST /api/v1/invitations/redeem': async ({ org }) => ({
    token: (await buildInvitation(org)).token,
    name: 'Invited Person',
    password: PASSWORD,
  }),
  'POST /api/v1/invitations/:id/accept': async () => ({}),
  'POST /api/v1/invitations/:id/decline': async () => ({}),
  'PATCH /api/v1/orgs/:org/members/:userId': async () => ({ role: 'contributor' }),
  'POST /api/v1/orgs/:org/tokens': async () => ({ name: `token ${uniq()}` }),
  'POST /api/v1/orgs/:org/automation-accounts': async () => ({ name: `Integration ${uniq()}`, role: 'contributor' }),
  'POST /api/v1/orgs/:org/automation-accounts/:userId/tokens': async () => ({ name: `token ${uniq()}` }),
  'POST /api/v1/orgs/:org/links': async ({ org }) => {
    const a = await buildRegisterRecord(org.as.admin, org, LINKABLE);
    const b = await buildRegisterRecord(org.as.admin, org, LINKABLE);
    return { fromType: LINKABLE.def.entity, fromId: a.id, toType: LINKABLE.def.entity, toId: b.id };
  },
  'PUT /api/v1/orgs/:org/context/climate-decision': async ({ org }) => climateDecisionBody(org),
  'PUT /api/v1/orgs/:org/raci/activities/:activityId/roles/:roleId': async () => ({ value: 'R' }),
  'POST /api/v1/orgs/:org/isms-roles/starting-set': async () => ({ roleStatus: 'draft' }),
  'POST /api/v1/orgs/:org/threat-catalog/starting-set': async () => ({ parts: ['threats', 'vulnerabilities'] }),
  'POST /api/v1/orgs/:org/risk-assessments/:id/close': async () => ({ note: `Concluded ${uniq()}` }),
  'PUT /api/v1/orgs/:org/risks/:id/assets': async ({ org }) => ({
    assetIds: [(await buildRegisterRecord(org.as.admin, org, registerOf('asset'))).id],
  }),
  'POST /api/v1/orgs/:org/evidence/upload': async () => {
    const body = multipart({ title: `Evidence ${uniq()}` }, [textFile()]);
    return { raw: body.payload.toString('utf8'), contentType: body.contentType };
  },
  'PUT /api/v1/orgs/:org/reassessment-triggers/:id/risks': async ({ org }) => ({
    riskIds: [(await buildRegisterRecord(org.as.admin, org, registerOf('risk'))).id],
  }),
  // the edition is chosen once per organization: undo an earlier choice so that every call may make it again
  'POST /api/v1/orgs/:org/control-settings/edition': async ({ env, org }) => {
    await forgetEdition(env.handle, org.id);
    return { edition: 'iso27001-2022' };
  },
  'PUT /api/v1/orgs/:org/risks/:id/treatment': async ({ org }) => ({
    options: [{ option: 'modify', rationale: `Reduce it ${uniq()}` }],
    controls: [
      { controlId: (await buildRegisterRecord(org.as.admin, org, registerOf('control'))).id, effect: 'likelihood' },
    ],
  }),
  'PATCH /api/v1/orgs/:org/risks/:id/treatment': async () => ({
    options: [{ option: 'retain', rationale: `Within appetite ${uniq()}` }],
  }),
  // migration needs an organization on the 2013 edition: start one afresh
  'POST /api/v1/orgs/:org/control-settings/migrate-to-2022': async ({ env, org }) => {
    await forgetEdition(env.handle, org.id);
    const res = await org.as.admin.post(`/api/v1/orgs/${org.slug}/control-settings/edition`, {
      edition: 'iso27001-2013',
    });
    if (res.statusCode !== 200) throw new Error(`choose 2013: ${res.statusCode} ${res.body}`);
    return { apply: true };
  },
  // only the risk's owner accepts: the calling role's user owns the risk, whose treatment has an acceptable residual
  'POST /api/v1/orgs/:org/risks/:id/acceptance': async ({ org, role }, made) => {
    await ensureApprovedMethodology(org);
    const base = `/api/v1/orgs/${org.slug}/risks/${made.id}`;
    const patched = await org.as.admin.patch(base, { ownerId: org.users[role].id, likelihood: 2, consequence: 2 });
    if (patched.statusCode !== 200) throw new Error(`own the risk: ${patched.statusCode} ${patched.body}`);
    const t = await org.as.admin.request('PUT', `${base}/treatment`, {
      options: [{ option: 'modify', rationale: `Reduce it ${uniq()}` }],
      controls: [],
      residual: { likelihood: 1, consequence: 1 },
    });
    if (t.statusCode !== 200) throw new Error(`treat the risk: ${t.statusCode} ${t.body}`);
    return { kind: 'within_criteria', treatmentVersion: t.json().version as number, expiresOn: '2099-01-01' };
  },
  ...Object.fromEntries(
    REGISTER_MODULES.flatMap((mod): [string, BodyMaker][] => [
      [`POST /api/v1/orgs/:org/${mod.def.collection}`, async ({ org }) => registerCreateBody(mod, org)],

      [
        `PATCH /api/v1/orgs/:org/${mod.def.collection}/:id`,
        async () => ({ [editableTextField(mod)]: `Changed ${uniq()}` }),
      ],
      [
        `POST /api/v1/orgs/:org/${mod.def.collection}/import`,
        async ({ org }) => {
          const row = await registerCreateBody(mod, org);
          const names = Object.keys(row);
          const cell = (v: unknown) => `"${String(v).replace(/"/g, '""')}"`;
          return { raw: `${names.join(',')}\n${names.map((n) => cell(row[n])).join(',')}\n`, contentType: 'text/csv' };
        },
      ],
    ]),
  ),
  ...Object.fromEntries(
    VERSIONED_MODULES.flatMap((vm): [string, BodyMaker][] => [
      [`PUT /api/v1/orgs/:org/${vm.register.def.collection}/:id/draft`, async () => draftBody(vm)],
      [
        `POST /api/v1/orgs/:org/${vm.register.def.collection}/:id/versions/:no/approve`,
        async ({ org }, made) => {
          const v = await org.as.admin.get(
            `/api/v1/orgs/${org.slug}/${vm.register.def.collection}/${made.id}/versions/${made.no}`,
          );
          return { contentHash: v.json().contentHash as string };
        },
      ],
    ]),
  ),
  // documents: publication, acknowledgement, reviews, retention and disposal, exports (test/helpers/document-factories.ts)
  ...DOCUMENT_BODIES,
  // internal audit: team, scope, status, checklist, distribution; the report's approval by its lead auditor
  ...INTERNAL_AUDIT_BODIES,
  ...NONCONFORMITY_BODIES,
  ...IMPROVEMENT_BODIES,
  ...MEASURE_BODIES,
  ...MEASURE_BUILTIN_BODIES,
  ...OBJECTIVE_BODIES,
  ...MANAGEMENT_REVIEW_BODIES,
};

/** Required query strings of GET routes, keyed like BODIES. */
const QUERIES: Record<string, (ctx: FixtureCtx, made: Record<string, string>) => Promise<string>> = {
  ...DOCUMENT_QUERIES,
  ...OBJECTIVE_QUERIES,
  'GET /api/v1/orgs/:org/links': async ({ org }) => `?type=${LINKABLE.def.entity}&id=${(await buildLink(org)).fromId}`,
  // not required, but the history must hold something to be checked: record a decision first
  'GET /api/v1/orgs/:org/context/climate-decision/history': async ({ org }) => {
    const res = await org.as.admin.request(
      'PUT',
      `/api/v1/orgs/${org.slug}/context/climate-decision`,
      climateDecisionBody(org),
    );
    if (res.statusCode !== 200) throw new Error(`climate decision: ${res.statusCode} ${res.body}`);
    return '';
  },
  ...Object.fromEntries(
    [
      'GET /api/v1/orgs/:org/risk-assessments/compare',
      'GET /api/v1/orgs/:org/risk-assessments/compare/export.csv',
      'GET /api/v1/orgs/:org/risk-assessments/compare/export.xlsx',
    ].map((key) => [
      key,
      async ({ org }: FixtureCtx) => {
        const a = await buildRegisterRecord(org.as.admin, org, registerOf('risk_assessment'));
        const res = await org.as.admin.post(`/api/v1/orgs/${org.slug}/risk-assessments/${a.id}/close`, {});
        if (res.statusCode !== 200) throw new Error(`close assessment: ${res.statusCode} ${res.body}`);
        return `?from=${a.id}&to=current`;
      },
    ]),
  ),
  // not required (a dry run is the default), but a real run is what must be guarded
  'POST /api/v1/orgs/:org/measure-results/import': async () => '?dryRun=false',
  ...Object.fromEntries(
    REGISTER_MODULES.map((mod) => [`POST /api/v1/orgs/:org/${mod.def.collection}/import`, async () => '?dryRun=false']),
  ),
  // not required, but the plan must hold a treated risk to be checked (the deprecated singular path too)
  'GET /api/v1/orgs/:org/risk-treatment-plans/live': async ({ org }) => {
    // the organization's own risks (seeded with its markers) first; a fresh one when it has none
    const listed = (await org.as.admin.get(`/api/v1/orgs/${org.slug}/risks?pageSize=50`)).json().items as {
      id: string;
    }[];
    const risks = listed.length ? listed : [await buildRegisterRecord(org.as.admin, org, registerOf('risk'))];
    for (const risk of risks) {
      const res = await org.as.admin.request('PUT', `/api/v1/orgs/${org.slug}/risks/${risk.id}/treatment`, {
        options: [{ option: 'retain', rationale: `Within appetite ${uniq()}` }],
        controls: [],
      });
      if (res.statusCode !== 200) throw new Error(`treat a risk: ${res.statusCode} ${res.body}`);
    }
    return '';
  },
  'GET /api/v1/orgs/:org/statements-of-applicability/:id/compare': async ({ org }, made) => {
    await saveDraft(
      org,
      VERSIONED_MODULES.find((v) => v.register.def.entity === 'soa')!,
      made.id!,
    );
    return '?from=1&to=1';
  },
  'GET /api/v1/orgs/:org/objectives-documents/:id/compare': async ({ org }, made) => {
    await saveDraft(
      org,
      VERSIONED_MODULES.find((v) => v.register.def.entity === 'objectives_document')!,
      made.id!,
    );
    return '?from=1&to=1';
  },
  ...Object.fromEntries(
    VERSIONED_MODULES.map((vm) => [
      `GET /api/v1/orgs/:org/${vm.register.def.collection}/:id/versions/compare`,
      async ({ org }: FixtureCtx, made: Record<string, string>) => {
        await saveDraft(org, vm, made.id!);
        return '?from=1&to=1';
      },
    ]),
  ),
};
QUERIES['GET /api/v1/orgs/:org/risk-treatment-plan'] = QUERIES['GET /api/v1/orgs/:org/risk-treatment-plans/live']!;

export function hasBodyMaker(r: RouteEntry) {
  return routeKey(r) in BODIES;
}

export async function validBody(
  r: RouteEntry,
  ctx: FixtureCtx,
  made: Record<string, string> = {},
): Promise<Body | undefined> {
  const maker = BODIES[routeKey(r)];
  if (maker) return maker(ctx, made);
  if (r.method === 'POST' || r.method === 'PATCH' || r.method === 'PUT') {
    throw new Error(`No valid body for ${routeKey(r)}: add it to BODIES in test/helpers/routes.ts`);
  }
  return undefined;
}

/** Query parameters the OpenAPI document marks required, per route. */
export function requiredQueryParams(app: App, r: RouteEntry): string[] {
  const doc = app.swagger() as {
    paths: Record<string, Record<string, { parameters?: { in: string; name: string; required?: boolean }[] }>>;
  };
  const op = doc.paths[openApiPath(r.url)]?.[r.method.toLowerCase()];
  return (op?.parameters ?? []).filter((p) => p.in === 'query' && p.required).map((p) => p.name);
}

export const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

/** The query string a valid call needs (`''` when none is required). */
export async function validQuery(r: RouteEntry, ctx: FixtureCtx, made: Record<string, string>): Promise<string> {
  const q = QUERIES[routeKey(r)];
  if (q) return q(ctx, made);
  const required = requiredQueryParams(ctx.env.app, r);
  if (required.length)
    throw new Error(
      `No query for ${routeKey(r)} (requires ${required.join(', ')}): add it to QUERIES in test/helpers/routes.ts`,
    );
  return '';
}

/** A call of the route that the role, if permitted, can make successfully: fresh records, valid body and query. */
export async function validRequest(r: RouteEntry, ctx: FixtureCtx): Promise<{ url: string; body?: Body }> {
  const values = { ...(await makeParams(r.url, ctx)), org: ctx.org.slug };
  const url = fillUrl(r.url, values) + (await validQuery(r, ctx, values));
  return { url, body: await validBody(r, ctx, values) };
}

/** Sends a JSON or raw body with the caller's credentials. */
export function send(c: Caller, method: string, url: string, body?: Body, headers: Record<string, string> = {}) {
  if (isRawBody(body))
    return c.request(method as 'POST', url, body.raw, { 'content-type': body.contentType, ...headers });
  return c.request(method as 'GET', url, body, headers);
}

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  maxLength?: number;
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
}
export interface OpenApiOperation {
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
}
export interface ApiDescription {
  catalog: RouteEntry[];
  operation(r: RouteEntry): OpenApiOperation | undefined;
}

/** The route catalog and OpenAPI operations, read once at collection time so each route can be its own test. */
export async function loadApi(): Promise<ApiDescription> {
  const { testEnv } = await import('./app.js');
  const env = await testEnv('sqlite');
  try {
    const doc = env.app.swagger() as { paths: Record<string, Record<string, OpenApiOperation>> };
    return {
      catalog: env.app.routeCatalog.map((r) => ({ ...r })),
      operation: (r) => doc.paths[openApiPath(r.url)]?.[r.method.toLowerCase()],
    };
  } finally {
    await env.close();
  }
}

export async function loadRouteCatalog(): Promise<RouteEntry[]> {
  return (await loadApi()).catalog;
}
