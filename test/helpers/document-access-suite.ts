import crypto from 'node:crypto';
import { afterAll, beforeAll, expect } from 'vitest';
import type { DatabaseKind } from '../../src/db/connect.js';
import { ROLES, type Role } from '../../src/schema/auth/roles.js';
import { testEnv, type TestEnv } from './app.js';
import { docsPath } from './document-factories.js';
import { buildAction, buildOrg, PASSWORD, type TestOrg } from './factories.js';
import { signIn, type Caller } from './http.js';
import { buildMember } from './routes.js';

/**
 * Who may read a document (7.5.3 b). The expectations are written out here, from the rule document-access.ts
 * states, not computed by it: a change of the rule must change this table too.
 */
export const CLASSIFICATIONS = ['public', 'internal', 'confidential', 'restricted'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];
/** by role alone: public and internal everyone; confidential those who run, approve and audit the ISMS; restricted the admin */
export const READERS: Record<Classification, readonly Role[]> = {
  public: ROLES,
  internal: ROLES,
  confidential: ['admin', 'isms_manager', 'approver', 'auditor'],
  restricted: ['admin'],
};

/** The organization the document access test files share: one published document of each classification. */
export class DocumentAccessSuite {
  env!: TestEnv;
  org!: TestOrg;
  /** a second administrator: approves what the first wrote (four eyes) without granting anyone else a reading */
  admin2!: Caller;
  token = `m${crypto.randomBytes(4).toString('hex')}`;
  docs = {} as Record<Classification, { id: string; ref: string; title: string; actionId: string }>;
}

/** A server on a fresh database of `kind` with that organization, made before the file's tests (call inside describe). */
export function documentAccessSuite(kind: DatabaseKind): DocumentAccessSuite {
  const s = new DocumentAccessSuite();
  beforeAll(async () => {
    s.env = await testEnv(kind);
    const org = (s.org = await buildOrg(s.env.app, s.env.handle));
    s.admin2 = await signIn(s.env.app, (await buildMember(s.env.handle, org.id, 'admin')).email, PASSWORD);
    // each document written, approved and published by administrators alone, and linked from an action
    for (const classification of CLASSIFICATIONS) {
      const title = `Matrix ${s.token}${classification}`;
      const res = await org.as.admin.post(docsPath(org), {
        title,
        type: 'procedure',
        classification,
        ownerId: org.users.admin.id,
        purpose: `Purpose ${s.token}${classification}`,
      });
      expect(res.statusCode, res.body).toBe(201);
      const doc = res.json() as { id: string; ref: string };
      const base = `${docsPath(org)}/${doc.id}`;
      const draft = await org.as.admin.request('PUT', `${base}/draft`, {
        content: { body: `Text ${s.token}${classification}` },
        stage: 'in_review',
      });
      expect(draft.statusCode, draft.body).toBe(200);
      expect(
        (await s.admin2.post(`${base}/versions/1/approve`, { contentHash: draft.json().contentHash })).statusCode,
      ).toBe(200);
      expect((await org.as.admin.post(`${base}/publish`, { versionNo: 1 })).statusCode).toBe(200);
      const action = await buildAction(org.as.admin, org.slug, { title: `Action pointing at ${classification}` });
      const link = await org.as.admin.post(`/api/v1/orgs/${org.slug}/links`, {
        fromType: 'action',
        fromId: action.id,
        toType: 'document',
        toId: doc.id,
      });
      expect(link.statusCode, link.body).toBe(201);
      s.docs[classification] = { ...doc, title, actionId: action.id };
    }
  });
  afterAll(() => s.env?.close());
  return s;
}
