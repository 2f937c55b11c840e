import { expect } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connect.js';
import type { TestOrg } from './factories.js';
import type { Caller } from './http.js';

export const docsPath = (org: TestOrg) => `/api/v1/orgs/${org.slug}/documents`;

/** Creates a document as the ISMS manager (any extra fields), returning its record. */
export async function createDocument(org: TestOrg, fields: Record<string, unknown> = {}) {
  const res = await org.as.isms_manager.post(docsPath(org), {
    title: 'Access control policy',
    type: 'topic_policy',
    ownerId: org.users.isms_manager.id,
    ...fields,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; ref: string } & Record<string, unknown>;
}

/**
 * Writes a draft, sends it for approval and has the approver approve it: version `n` approved. By default the ISMS
 * manager writes and the approver signs; a document those may not read needs others (`by`).
 */
export async function approveDocument(
  org: TestOrg,
  id: string,
  content: Record<string, string> = { summary: 'Access is granted on need to know.' },
  by: { writer?: Caller; approver?: Caller } = {},
) {
  const base = `${docsPath(org)}/${id}`;
  const draft = await (by.writer ?? org.as.isms_manager).request('PUT', `${base}/draft`, {
    content,
    stage: 'in_review',
  });
  expect(draft.statusCode, draft.body).toBe(200);
  const v = draft.json() as { versionNo: number; contentHash: string };
  const ok = await (by.approver ?? org.as.approver).post(`${base}/versions/${v.versionNo}/approve`, {
    contentHash: v.contentHash,
  });
  expect(ok.statusCode, ok.body).toBe(200);
  return v;
}

/** Approves and publishes a document: the version published. */
export async function publishDocument(org: TestOrg, id: string, content?: Record<string, string>) {
  const v = await approveDocument(org, id, content);
  const res = await org.as.isms_manager.post(`${docsPath(org)}/${id}/publish`, { versionNo: v.versionNo });
  expect(res.statusCode, res.body).toBe(200);
  return v;
}

/**
 * Fixtures for the catalog-wide tests (role matrix, bad input, tenant isolation; see test/helpers/routes.ts): a
 * valid body (or query) for each document route, after bringing the document the route acts on into the state the
 * route needs. Made by managers and approvers, so that the calling role is only the one under test.
 */
type Made = Record<string, string>;
type Fixture<T> = (ctx: { org: TestOrg }, made: Made) => Promise<T>;
const uniq = () => Math.random().toString(16).slice(2, 10);

/** A current draft document of the organization (one made earlier, so it carries the org's markers), else a new one. */
async function someDraft(org: TestOrg): Promise<string> {
  const list = await org.as.admin.get(`${docsPath(org)}?status=draft&pageSize=1`);
  const found = (list.json().items as { id: string }[] | undefined)?.[0];
  return found?.id ?? (await createDocument(org, { title: `Fixture ${uniq()}` })).id;
}

/** Retention over: no retention period, approved and withdrawn today. */
export async function retentionEnded(org: TestOrg, id: string) {
  const patched = await org.as.isms_manager.patch(`${docsPath(org)}/${id}`, {
    retentionMonths: 0,
    retentionAction: 'dispose',
  });
  expect(patched.statusCode, patched.body).toBe(200);
  const v = await approveDocument(org, id);
  const withdrawn = await org.as.isms_manager.post(`${docsPath(org)}/${id}/withdraw`, { reason: 'Replaced' });
  expect(withdrawn.statusCode, withdrawn.body).toBe(200);
  return v;
}

/** A disposal proposed by the ISMS manager (so that the admin and the approver may decide it). */
export async function proposedDisposal(org: TestOrg, id: string) {
  const v = await retentionEnded(org, id);
  const res = await org.as.isms_manager.post(`${docsPath(org)}/${id}/disposal`, { reason: 'Retention ended' });
  expect(res.statusCode, res.body).toBe(200);
  return v;
}

export const DOCUMENT_BODIES: Record<string, Fixture<Record<string, unknown>>> = {
  'PUT /api/v1/orgs/:org/documents/classification-scheme': async () => ({
    levels: [
      { level: 'public', label: 'Public' },
      { level: 'internal', label: `Company use ${uniq()}` },
      { level: 'confidential', label: 'Confidential', description: 'Encrypted in transit and at rest' },
      { level: 'restricted', label: 'Strictly confidential' },
    ],
  }),
  'PUT /api/v1/orgs/:org/documents/:id/people': async ({ org }) => ({
    approverIds: [org.users.approver.id],
    audienceUserIds: [org.users.viewer.id],
    audienceRoles: ['auditor'],
  }),
  'POST /api/v1/orgs/:org/documents/:id/publish': async ({ org }, made) => ({
    versionNo: (await approveDocument(org, made.id!)).versionNo,
    note: `To all staff ${uniq()}`,
  }),
  'POST /api/v1/orgs/:org/documents/:id/withdraw': async ({ org }, made) => {
    await publishDocument(org, made.id!);
    return { reason: `Replaced ${uniq()}` };
  },
  'POST /api/v1/orgs/:org/documents/:id/acknowledge': async ({ org }, made) => {
    const v = await publishDocument(org, made.id!);
    return { versionNo: v.versionNo, contentHash: v.contentHash };
  },
  'POST /api/v1/orgs/:org/documents/:id/reminders': async ({ org }, made) => {
    await publishDocument(org, made.id!);
    return { userIds: [org.users.viewer.id] };
  },
  'POST /api/v1/orgs/:org/documents/:id/reviews': async ({ org }, made) => {
    await publishDocument(org, made.id!);
    return { outcome: 'no_change', note: `Still suitable ${uniq()}`, reviewedOn: '2024-03-15' };
  },
  'POST /api/v1/orgs/:org/documents/:id/disposal': async ({ org }, made) => {
    await retentionEnded(org, made.id!);
    return { reason: `Retention ended ${uniq()}` };
  },
  'POST /api/v1/orgs/:org/documents/:id/disposal/decision': async ({ org }, made) => {
    await proposedDisposal(org, made.id!);
    return { decision: 'approve', note: `Agreed ${uniq()}` };
  },
  'POST /api/v1/orgs/:org/documents/evidence-package': async ({ org }) => {
    const doc = await createDocument(org, { title: `Packaged ${uniq()}` });
    await approveDocument(org, doc.id);
    return { documentIds: [doc.id] };
  },
};

/** Query strings (none required): what the read must find, set up first. */
export const DOCUMENT_QUERIES: Record<string, Fixture<string>> = {
  'GET /api/v1/orgs/:org/documents/to-read': async ({ org }) => {
    await publishDocument(org, await someDraft(org));
    return '';
  },
  'GET /api/v1/orgs/:org/documents/disposals': async ({ org }) => {
    await proposedDisposal(org, await someDraft(org));
    return '';
  },
  ...Object.fromEntries(
    ['docx', 'pdf'].map((format) => [
      `GET /api/v1/orgs/:org/documents/:id/external-copy.${format}`,
      async ({ org }: { org: TestOrg }, made: Made) => {
        const patched = await org.as.isms_manager.patch(`${docsPath(org)}/${made.id}`, { shareableExternally: true });
        expect(patched.statusCode, patched.body).toBe(200);
        await publishDocument(org, made.id!);
        return '';
      },
    ]),
  ),
};

const DOCUMENT_TABLES = [
  'documents',
  'classificationLevels',
  'recordVersions',
  'approvals',
  'documentPeople',
  'documentPublications',
  'documentAcknowledgements',
  'documentReminders',
  'documentReviews',
  'documentDisposals',
  'links',
  'auditEvents',
] as const;

/** Row counts of every table a document route writes (writeCounts in factories.ts does not look at these). */
export async function documentCounts(
  handle: DatabaseHandle,
): Promise<Record<(typeof DOCUMENT_TABLES)[number], number>> {
  const out = {} as Record<(typeof DOCUMENT_TABLES)[number], number>;
  for (const table of DOCUMENT_TABLES) {
    const row = await handle.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

/** The stored document with its versions, approvals and people: what must not move when a call is refused. */
export async function documentSnapshot(handle: DatabaseHandle, id: string) {
  const db = handle.db;
  return {
    row: await db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst(),
    versions: await db
      .selectFrom('recordVersions')
      .selectAll()
      .where('recordId', '=', id)
      .orderBy('versionNo')
      .execute(),
    approvals: await db.selectFrom('approvals').selectAll().where('recordId', '=', id).orderBy('signedAt').execute(),
    people: await db
      .selectFrom('documentPeople')
      .selectAll()
      .where('documentId', '=', id)
      .orderBy('relation')
      .orderBy('subject')
      .execute(),
  };
}
