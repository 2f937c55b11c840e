import { untypedDb } from '../../src/core/register/untyped-db.js';
import crypto from 'node:crypto';
import type { DatabaseHandle } from '../../src/db/connect.js';
import { REGISTER_MODULES, VERSIONED_MODULES } from '../../src/core/register/registry.js';
import { SYSTEM_ACTOR } from '../../src/core/context.js';
import { createOrg } from '../../src/core/orgs/orgs.service.js';
import type { VersionedModule } from '../../src/core/versioning/versioned-module.js';
import type { RegisterModule } from '../../src/core/register/register-module.js';
import { can } from '../../src/schema/auth/permissions.js';
import { ROLES, type Role } from '../../src/schema/auth/roles.js';
import type { App, RouteEntry } from '../../src/server/types.js';
import type { TestEnv } from './app.js';
import { addMembership, buildUser, PASSWORD, type TestOrg } from './factories.js';
import type { Caller } from './http.js';
import { approveMethodology, startingMethodology } from './risk-factories.js';
import { buildEvidence, multipart, textFile } from './evidence-factories.js';
import { DOCUMENT_BODIES, DOCUMENT_QUERIES } from './document-factories.js';
import { buildAutomationAccount } from './automation-factories.js';

/**
 * Drives catalog-wide tests (tenant isolation, role matrix, bad input) from `app.routeCatalog`: how to make a
 * record for each kind of URL parameter, and a valid body for each writing route. A route these maps do not know
 * makes the tests fail loudly, so a new route cannot slip through uncovered: add it here.
 */

const uniq = () => crypto.randomBytes(4).toString('hex');
export const routeKey = (r: Pick<RouteEntry, 'method' | 'url'>) => `${r.method} ${r.url}`;
export const isApiDocs = (r: RouteEntry) => r.url.startsWith('/api/docs');
export const isOrgRoute = (r: RouteEntry) => r.url.includes('/:org');
export const pathParams = (url: string) => [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
export const recordParams = (url: string) => pathParams(url).filter((p) => p !== 'org');
export const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function fillUrl(url: string, values: Record<string, string>): string {
  return url.replace(/:(\w+)/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`fillUrl: no value for :${name} in ${url}`);
    return encodeURIComponent(v);
  });
}

/** `tokens/:id`, `members/:userId`, `actions/:id`: the collection segment before the parameter, and the parameter. */
export function paramFamily(url: string, param: string): string {
  const segs = url.split('/');
  const i = segs.indexOf(`:${param}`);
  return `${segs[i - 1]}/:${param}`;
}

export interface FixtureCtx {
  env: TestEnv;
  org: TestOrg;
  /** the role that will make the call; records it must own (its own token) are made by it when it can */
  role: Role;
}

/** A record of a register, created through the API by the org admin with every required field filled. */
export async function buildRegisterRecord(c: Caller, org: TestOrg, mod: RegisterModule, marker = '') {
  await BEFORE_CREATE[mod.def.entity]?.(org);
  const res = await c.post(
    `/api/v1/orgs/${org.slug}/${mod.def.collection}`,
    await registerCreateBody(mod, org, marker),
  );
  if (res.statusCode !== 201)
    throw new Error(`buildRegisterRecord(${mod.def.collection}): ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; ref: string };
}

/** Required fields filled; a required `record` field gets a fresh record of its target register (made by the admin). */
/** Fields a register needs beyond its required ones (a rule across fields), by entity. */
const CREATE_EXTRAS: Record<string, () => Record<string, unknown>> = {
  // exactly one of a member or a named person: a named person works in JSON and CSV alike
  role_assignment: () => ({ personName: `Named person ${uniq()}` }),
};

/**
 * What must hold before a register accepts a new record, by entity: an organization has one risk methodology (the
 * current one is archived so another can be made), and an assessment runs on an approved methodology.
 */
const BEFORE_CREATE: Record<string, (org: TestOrg) => Promise<void>> = {
  risk_methodology: async (org) => {
    const list = await org.as.admin.get(`/api/v1/orgs/${org.slug}/risk-methodologies`);
    for (const m of list.json().items as { id: string }[])
      await org.as.admin.del(`/api/v1/orgs/${org.slug}/risk-methodologies/${m.id}`);
  },
  risk_assessment: (org) => ensureApprovedMethodology(org),
  // one SoA and one treatment plan per organization, like the methodology
  soa: (org) => archiveAll(org, 'statements-of-applicability'),
  risk_treatment_plan: (org) => archiveAll(org, 'risk-treatment-plans'),
};

async function archiveAll(org: TestOrg, collection: string) {
  const list = await org.as.admin.get(`/api/v1/orgs/${org.slug}/${collection}`);
  for (const m of list.json().items as { id: string }[])
    await org.as.admin.del(`/api/v1/orgs/${org.slug}/${collection}/${m.id}`);
}

/** Approves a methodology for the organization unless one is in force. */
export async function ensureApprovedMethodology(org: TestOrg): Promise<void> {
  const current = await org.as.admin.get(`/api/v1/orgs/${org.slug}/risk-methodologies/current`);
  if (current.json().current) return;
  await BEFORE_CREATE.risk_methodology!(org);
  await approveMethodology(org, startingMethodology('three-by-three'));
}

export async function registerCreateBody(
  mod: RegisterModule,
  org: TestOrg,
  marker = '',
): Promise<Record<string, unknown>> {
  await BEFORE_CREATE[mod.def.entity]?.(org);
  const body: Record<string, unknown> = { ...CREATE_EXTRAS[mod.def.entity]?.() };
  for (const [name, f] of Object.entries(mod.def.fields)) {
    if (f.readOnly || !f.required || f.default !== undefined) continue;
    if (f.kind === 'text' || f.kind === 'longtext') body[name] = `${marker}Sample ${uniq()}`;
    else if (f.kind === 'enum') body[name] = f.options![0];
    else if (f.kind === 'date') body[name] = '2030-01-01';
    else if (f.kind === 'member') body[name] = org.users.admin.id;
    else if (f.kind === 'integer') body[name] = f.min ?? 0;
    else if (f.kind === 'boolean') body[name] = false;
    else if (f.kind === 'record') {
      const target = REGISTER_MODULES.find((m) => m.def.entity === f.target);
      if (!target) throw new Error(`registerCreateBody: no register for record target ${f.target}`);
      body[name] = (await buildRegisterRecord(org.as.admin, org, target, marker)).id;
    }
  }
  return body;
}

/** The title field, or (when the server keeps the title) the first text field a client may write. */
export function editableTextField(mod: RegisterModule): string {
  if (!mod.def.fields[mod.def.titleField]?.readOnly) return mod.def.titleField;
  const name = Object.entries(mod.def.fields).find(
    ([, f]) => !f.readOnly && (f.kind === 'text' || f.kind === 'longtext'),
  )?.[0];
  if (!name) throw new Error(`editableTextField: ${mod.def.collection} has no writable text field`);
  return name;
}

const LINKABLE = REGISTER_MODULES[0]!;

async function buildLink(org: TestOrg, marker = '') {
  const a = await buildRegisterRecord(org.as.admin, org, LINKABLE, marker);
  const b = await buildRegisterRecord(org.as.admin, org, LINKABLE, marker);
  const type = LINKABLE.def.entity;
  const res = await org.as.admin.post(`/api/v1/orgs/${org.slug}/links`, {
    fromType: type,
    fromId: a.id,
    toType: type,
    toId: b.id,
  });
  if (res.statusCode !== 201) throw new Error(`buildLink: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; fromId: string; toId: string };
}

/** A valid climate-change decision (a fresh reasoning each time, so every call is a change). */
export function climateDecisionBody(org: TestOrg) {
  return {
    relevant: true,
    reasoning: `Flood risk at the data centre ${uniq()}`,
    decidedBy: org.users.admin.id,
    decidedOn: '2030-01-01',
  };
}

export async function buildToken(c: Caller, orgSlug: string) {
  const res = await c.post(`/api/v1/orgs/${orgSlug}/tokens`, { name: `token ${uniq()}` });
  if (res.statusCode !== 201) throw new Error(`buildToken: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; token: string; prefix: string };
}

/** A new user who is a member (viewer) of the organization only. */
export async function buildMember(handle: DatabaseHandle, orgId: string, role: Role = 'viewer') {
  const u = await buildUser(handle);
  await addMembership(handle, orgId, u.id, role);
  return u;
}

interface RecordKind {
  /** makes the record; `made` holds the parameters made before this one (`id` before `no`) */
  make(ctx: FixtureCtx, made: Record<string, string>): Promise<string>;
  /** the stored row, to check that a rejected call left it alone */
  snapshot(handle: DatabaseHandle, made: Record<string, string>): Promise<unknown>;
}

const registerOf = (entity: string) => REGISTER_MODULES.find((m) => m.def.entity === entity)!;

const anyDb = (h: DatabaseHandle) => untypedDb(h.db);

/** Versioned content that a draft can be saved with, at a stage from which it may be approved. */
export function draftBody(vm: VersionedModule) {
  const text = vm.versioned.sections.find((x) => x.kind === 'text');
  const stage = vm.versioned.approvableStages?.[0] ?? vm.versioned.stages?.at(-1);
  return {
    content: text ? { [text.key]: `Draft ${uniq()}` } : {},
    changeNote: `Note ${uniq()}`,
    ...(stage ? { stage } : {}),
  };
}

/**
 * Saves a draft as a role that may write but not approve it when there is one (documents: contributor), so that
 * every role allowed to approve may sign it even where the writer may not approve their own draft (four eyes).
 */
async function saveDraft(org: TestOrg, vm: VersionedModule, id: string) {
  const entity = vm.register.def.entity;
  const writer = ROLES.find((r) => can(r, `${entity}.update`) && !can(r, `${entity}.approve`)) ?? 'admin';
  const res = await org.as[writer].request(
    'PUT',
    `/api/v1/orgs/${org.slug}/${vm.register.def.collection}/${id}/draft`,
    draftBody(vm),
  );
  if (res.statusCode !== 200) throw new Error(`saveDraft: ${res.statusCode} ${res.body}`);
  return res.json() as { versionNo: number; contentHash: string };
}

/** An invitation to a new e-mail, made by the organization's admin through the API (its link secret included). */
export async function buildInvitation(org: TestOrg, email = `invited-${uniq()}@example.test`, role: Role = 'viewer') {
  const res = await org.as.admin.post(`/api/v1/orgs/${org.slug}/members`, { email, role });
  if (res.statusCode !== 202) throw new Error(`buildInvitation: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; token: string; email: string };
}

/** A pending invitation of another organization, sent to the calling role's user (who then answers it). */
async function invitationFor(handle: DatabaseHandle, email: string) {
  const other = await createOrg(
    handle.db,
    { name: `Inviting ${uniq()}`, slug: `inviting-${uniq()}` },
    (await buildUser(handle)).id,
    SYSTEM_ACTOR,
  );
  const id = crypto.randomUUID();
  const now = Date.now();
  await handle.db
    .insertInto('invitations')
    .values({
      id,
      orgId: other.id,
      email,
      role: 'viewer',
      tokenHash: crypto.randomBytes(32).toString('hex'),
      status: 'pending',
      invitedBy: null,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + 86_400_000).toISOString(),
      decidedAt: null,
      userId: null,
    })
    .execute();
  return id;
}

const RECORD_KINDS: Record<string, RecordKind> = {
  // `/orgs/:org/invitations/:id`: one of the organization's; `/invitations/:id/accept`: one sent to the caller
  'invitations/:id': {
    make: async ({ env, org, role }, made) =>
      made.collection === 'invitations'
        ? (await buildInvitation(org)).id
        : invitationFor(env.handle, org.users[role].email),
    snapshot: (h, m) => h.db.selectFrom('invitations').selectAll().where('id', '=', m.id!).executeTakeFirst(),
  },
  'members/:userId': {
    make: async ({ env, org }) => (await buildMember(env.handle, org.id)).id,
    snapshot: (h, m) => h.db.selectFrom('memberships').selectAll().where('userId', '=', m.userId!).execute(),
  },
  'tokens/:id': {
    make: async ({ org, role }) =>
      (await buildToken(can(role, 'tokens.create') ? org.as[role] : org.as.admin, org.slug)).id,
    snapshot: (h, m) => h.db.selectFrom('apiTokens').selectAll().where('id', '=', m.id!).executeTakeFirst(),
  },
  'automation-accounts/:userId': {
    make: async ({ org }) => (await buildAutomationAccount(org)).userId,
    snapshot: (h, m) => h.db.selectFrom('apiTokens').selectAll().where('userId', '=', m.userId!).execute(),
  },
  'links/:id': {
    make: async ({ org }) => (await buildLink(org)).id,
    snapshot: (h, m) => h.db.selectFrom('links').selectAll().where('id', '=', m.id!).executeTakeFirst(),
  },
  ...Object.fromEntries(
    REGISTER_MODULES.map((mod): [string, RecordKind] => [
      `${mod.def.collection}/:id`,
      {
        make: async ({ org }) => (await buildRegisterRecord(org.as.admin, org, mod)).id,
        snapshot: (h, m) => anyDb(h).selectFrom(mod.def.table).selectAll().where('id', '=', m.id!).executeTakeFirst(),
      },
    ]),
  ),
  // evidence is made by uploading a file (the register has no JSON create)
  'evidence/:id': {
    make: async ({ org }) => (await buildEvidence(org.as.admin, org.slug)).id,
    snapshot: (h, m) => h.db.selectFrom('evidence').selectAll().where('id', '=', m.id!).executeTakeFirst(),
  },
  // the RACI cell route: /raci/activities/:activityId/roles/:roleId
  'activities/:activityId': {
    make: async ({ org }) => (await buildRegisterRecord(org.as.admin, org, registerOf('isms_activity'))).id,
    snapshot: (h, m) =>
      h.db.selectFrom('ismsActivities').selectAll().where('id', '=', m.activityId!).executeTakeFirst(),
  },
  'roles/:roleId': {
    make: async ({ org }) => (await buildRegisterRecord(org.as.admin, org, registerOf('isms_role'))).id,
    snapshot: (h, m) => h.db.selectFrom('ismsRoles').selectAll().where('id', '=', m.roleId!).executeTakeFirst(),
  },
  // a re-scoring report: made by approving a methodology version
  'risk-rescores/:id': {
    make: async ({ org }) => {
      await BEFORE_CREATE.risk_methodology!(org);
      await approveMethodology(org, startingMethodology('three-by-three'));
      const res = await org.as.admin.get(`/api/v1/orgs/${org.slug}/risk-rescores`);
      return (res.json().items as { id: string }[])[0]!.id;
    },
    snapshot: (h, m) => h.db.selectFrom('riskRescores').selectAll().where('id', '=', m.id!).executeTakeFirst(),
  },
  // a version of a versioned record (`/scopes/:id/versions/:no`): a draft saved on the record made just before
  'versions/:no': {
    make: async ({ org }, made) => {
      const vm = VERSIONED_MODULES.find((v) => made.collection === v.register.def.collection);
      if (!vm || !made.id) throw new Error(`versions/:no needs a versioned record id first (${JSON.stringify(made)})`);
      return String((await saveDraft(org, vm, made.id)).versionNo);
    },
    snapshot: (h, m) => h.db.selectFrom('recordVersions').selectAll().where('recordId', '=', m.id!).execute(),
  },
};

/**
 * Undoes the organization's choice of Annex A edition behind the API's back (a choice is final through the API):
 * its edition's controls go, with what points at them; custom controls stay.
 */
async function forgetEdition(handle: DatabaseHandle, orgId: string) {
  const db = anyDb(handle);
  const annex = db.selectFrom('controls').select('id').where('orgId', '=', orgId).where('source', '!=', 'custom');
  await db.deleteFrom('riskControls').where('orgId', '=', orgId).where('controlId', 'in', annex).execute();
  await db
    .deleteFrom('links')
    .where('orgId', '=', orgId)
    .where((eb) => eb.or([eb('fromId', 'in', annex), eb('toId', 'in', annex)]))
    .execute();
  await db.deleteFrom('controls').where('orgId', '=', orgId).where('source', '!=', 'custom').execute();
  await db.deleteFrom('controlSettings').where('orgId', '=', orgId).execute();
}

/** Makes every record parameter of a route, in URL order, in the organization. */
export async function makeParams(url: string, ctx: FixtureCtx): Promise<Record<string, string>> {
  const made: Record<string, string> = { collection: url.split('/')[5] ?? '' };
  for (const p of recordParams(url)) made[p] = await recordKind(url, p).make(ctx, made);
  return made;
}

export function recordKind(url: string, param: string): RecordKind {
  const kind = RECORD_KINDS[paramFamily(url, param)];
  if (!kind)
    throw new Error(
      `No fixture for :${param} in ${url} (${paramFamily(url, param)}): add it to RECORD_KINDS in test/helpers/routes.ts`,
    );
  return kind;
}

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
};

/** Required query strings of GET routes, keyed like BODIES. */
const QUERIES: Record<string, (ctx: FixtureCtx, made: Record<string, string>) => Promise<string>> = {
  ...DOCUMENT_QUERIES,
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
