import { untypedDb } from '../../src/core/register/untyped-db.js';
import crypto from 'node:crypto';
import type { DatabaseHandle } from '../../src/db/connect.js';
import { REGISTER_MODULES, VERSIONED_MODULES } from '../../src/core/modules.js';
import { SYSTEM_ACTOR } from '../../src/core/context.js';
import { createOrg } from '../../src/core/orgs/orgs.service.js';
import type { VersionedModule } from '../../src/core/versioning/versioned-module.js';
import type { RegisterModule } from '../../src/core/register/register-module.js';
import { can } from '../../src/schema/auth/permissions.js';
import { ROLES, type Role } from '../../src/schema/auth/roles.js';
import type { TestEnv } from './app.js';
import { addMembership, buildUser, type TestOrg } from './factories.js';
import type { Caller } from './http.js';
import { approveMethodology, startingMethodology } from './risk-factories.js';
import { buildEvidence } from './evidence-factories.js';
import { buildAutomationAccount } from './automation-factories.js';
import { buildEvaluation, buildMeasure } from './measure-factories.js';
import { measuredByMeasures } from './objective-factories.js';
import { paramFamily, recordParams } from './route-urls.js';

/** Records for each kind of URL parameter of the route catalog (fixtures of the catalog-wide tests). */

const uniq = () => crypto.randomBytes(4).toString('hex');

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
export const CREATE_EXTRAS: Record<string, () => Record<string, unknown>> = {
  // exactly one of a member or a named person: a named person works in JSON and CSV alike
  role_assignment: () => ({ personName: `Named person ${uniq()}` }),
  // the first source is an internal audit, whose findings are graded
  nonconformity: () => ({ grade: 'minor' }),
  // measurable (6.2 b): a target and its direction
  objective: () => ({ targetValue: 95, targetDirection: 'at_least', targetUnit: '%' }),
};

/**
 * What must hold before a register accepts a new record, by entity: an organization has one risk methodology (the
 * current one is archived so another can be made), and an assessment runs on an approved methodology.
 */
export const BEFORE_CREATE: Record<string, (org: TestOrg) => Promise<void>> = {
  risk_methodology: async (org) => {
    const list = await org.as.admin.get(`/api/v1/orgs/${org.slug}/risk-methodologies`);
    for (const m of list.json().items as { id: string }[])
      await org.as.admin.del(`/api/v1/orgs/${org.slug}/risk-methodologies/${m.id}`);
  },
  risk_assessment: (org) => ensureApprovedMethodology(org),
  // one SoA and one treatment plan per organization, like the methodology
  soa: (org) => archiveAll(org, 'statements-of-applicability'),
  risk_treatment_plan: (org) => archiveAll(org, 'risk-treatment-plans'),
  audit_programme: (org) => archiveAll(org, 'audit-programmes'),
  objectives_document: (org) => archiveAll(org, 'objectives-documents'),
};

export async function archiveAll(org: TestOrg, collection: string) {
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
    else if (f.kind === 'number') body[name] = f.min ?? 1.5;
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

export const LINKABLE = REGISTER_MODULES[0]!;

export async function buildLink(org: TestOrg, marker = '') {
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

export interface RecordKind {
  /** makes the record; `made` holds the parameters made before this one (`id` before `no`) */
  make(ctx: FixtureCtx, made: Record<string, string>): Promise<string>;
  /** the stored row, to check that a rejected call left it alone */
  snapshot(handle: DatabaseHandle, made: Record<string, string>): Promise<unknown>;
}

export const registerOf = (entity: string) => REGISTER_MODULES.find((m) => m.def.entity === entity)!;

export const anyDb = (h: DatabaseHandle) => untypedDb(h.db);

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
export async function saveDraft(org: TestOrg, vm: VersionedModule, id: string) {
  const entity = vm.register.def.entity;
  // an assessment's results exist once it is closed (closing drafts version 1, which this save then edits)
  if (entity === 'risk_assessment') await closeAssessmentFixture(org, id);
  const writer = ROLES.find((r) => can(r, `${entity}.update`) && !can(r, `${entity}.approve`)) ?? 'admin';
  const res = await org.as[writer].request(
    'PUT',
    `/api/v1/orgs/${org.slug}/${vm.register.def.collection}/${id}/draft`,
    draftBody(vm),
  );
  if (res.statusCode !== 200) throw new Error(`saveDraft: ${res.statusCode} ${res.body}`);
  return res.json() as { versionNo: number; contentHash: string };
}

/**
 * Closes a risk assessment (its results' version 1 is drafted then); returns that version's number. Top management
 * is asked to sign too, so that every role the approve permission names may give the first of the two signatures.
 */
export async function closeAssessmentFixture(org: TestOrg, id: string): Promise<number> {
  const base = `/api/v1/orgs/${org.slug}/risk-assessments/${id}`;
  const asked = await org.as.admin.patch(base, { topManagementApproval: true });
  if (asked.statusCode !== 200) throw new Error(`ask top management: ${asked.statusCode} ${asked.body}`);
  const res = await org.as.admin.post(`${base}/close`);
  if (res.statusCode !== 200) throw new Error(`close assessment: ${res.statusCode} ${res.body}`);
  return 1;
}

/** An invitation to a new e-mail, made by the organization's admin through the API (its link secret included). */
export async function buildInvitation(org: TestOrg, email = `invited-${uniq()}@example.test`, role: Role = 'viewer') {
  const res = await org.as.admin.post(`/api/v1/orgs/${org.slug}/members`, { email, role });
  if (res.statusCode !== 202) throw new Error(`buildInvitation: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; token: string; email: string };
}

/** A pending invitation of another organization, sent to the calling role's user (who then answers it). */
export async function invitationFor(handle: DatabaseHandle, email: string) {
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

export const RECORD_KINDS: Record<string, RecordKind> = {
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
  // internal audit: an item of the audit's checklist (`/internal-audits/:id/checklist/:itemId`), a link of the item
  'checklist/:itemId': {
    make: async ({ org }, made) => {
      const res = await org.as.admin.post(`/api/v1/orgs/${org.slug}/internal-audits/${made.id}/checklist`, {
        title: `Sampled records ${uniq()}`,
      });
      if (res.statusCode !== 200) throw new Error(`checklist item: ${res.statusCode} ${res.body}`);
      return (res.json() as { id: string }).id;
    },
    snapshot: (h, m) =>
      h.db.selectFrom('auditChecklistItems').selectAll().where('id', '=', m.itemId!).executeTakeFirst(),
  },
  // a red evaluation of the measure made just before (`/measures/:id/evaluations/:evaluationId`)
  'evaluations/:evaluationId': {
    make: async ({ org }, made) => (await buildEvaluation(org.as.admin, org.slug, made.id!)).id,
    snapshot: (h, m) =>
      h.db.selectFrom('measureEvaluations').selectAll().where('id', '=', m.evaluationId!).executeTakeFirst(),
  },
  // a measure linked to the objective made just before (`/objectives/:id/measures/:measureId`)
  'measures/:measureId': {
    make: async ({ org, env }, made) => {
      await measuredByMeasures(env.handle, made.id!);
      const measure = await buildMeasure(org.as.admin, org.slug);
      const res = await org.as.admin.post(`/api/v1/orgs/${org.slug}/objectives/${made.id}/measures`, {
        measureId: measure.id,
      });
      if (res.statusCode >= 300) throw new Error(`link a measure: ${res.statusCode} ${res.body}`);
      return measure.id;
    },
    snapshot: (h, m) => h.db.selectFrom('links').selectAll().where('toId', '=', m.measureId!).execute(),
  },
  'links/:linkId': {
    make: async ({ org }, made) => {
      const target = await buildRegisterRecord(org.as.admin, org, LINKABLE);
      const res = await org.as.admin.post(
        `/api/v1/orgs/${org.slug}/internal-audits/${made.id}/checklist/${made.itemId}/links`,
        { kind: 'sample', targetType: LINKABLE.def.entity, targetId: target.id },
      );
      if (res.statusCode !== 200) throw new Error(`checklist link: ${res.statusCode} ${res.body}`);
      return (res.json() as { links: { id: string }[] }).links[0]!.id;
    },
    snapshot: (h, m) =>
      h.db.selectFrom('auditChecklistLinks').selectAll().where('id', '=', m.linkId!).executeTakeFirst(),
  },
};

/**
 * Undoes the organization's choice of Annex A edition behind the API's back (a choice is final through the API):
 * its edition's controls go, with what points at them; custom controls stay.
 */
export async function forgetEdition(handle: DatabaseHandle, orgId: string) {
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
