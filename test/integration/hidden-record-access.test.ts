import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { docsPath } from '../helpers/document-factories.js';
import { buildEvidence } from '../helpers/evidence-factories.js';
import { buildAction, buildOrg, type TestOrg } from '../helpers/factories.js';
import type { Caller } from '../helpers/http.js';

/**
 * A record hidden by its register's read scope (a document above the reader's classification) hides what is about
 * it: the evidence attached only to it (list, record, file, the attachedId filter), links with it at either end,
 * and audit events about it or naming it. Two pairs: a viewer and a confidential document (evidence and links), an
 * auditor (who reads the trail) and a restricted document (everything, the trail included).
 */
const uniq = () => crypto.randomBytes(4).toString('hex');

interface Setup {
  doc: { id: string; ref: string };
  onlyHidden: { id: string; ref: string };
  alsoVisible: { id: string; ref: string };
  loose: { id: string; ref: string };
  action: { id: string; ref: string };
  actionLinkId: string;
}

describe.each(DIALECTS)('records hidden by classification hide what is about them on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  const cases = {} as Record<'confidential' | 'restricted', Setup>;
  const ev = (org: TestOrg) => `/api/v1/orgs/${org.slug}/evidence`;

  async function setUp(classification: 'confidential' | 'restricted'): Promise<Setup> {
    const admin = org.as.admin;
    const res = await admin.post(docsPath(org), {
      title: `Hidden ${classification} ${uniq()}`,
      type: 'procedure',
      classification,
      ownerId: org.users.admin.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json() as { id: string; ref: string };
    const onlyHidden = await buildEvidence(admin, org.slug, { attachToType: 'document', attachToId: doc.id });
    const alsoVisible = await buildEvidence(admin, org.slug, { attachToType: 'document', attachToId: doc.id });
    const action = await buildAction(admin, org.slug, { title: `Action ${classification}` });
    const attach = await admin.post(`/api/v1/orgs/${org.slug}/links`, {
      fromType: 'evidence',
      fromId: alsoVisible.id,
      toType: 'action',
      toId: action.id,
      kind: 'evidence',
    });
    expect(attach.statusCode, attach.body).toBe(201);
    const link = await admin.post(`/api/v1/orgs/${org.slug}/links`, {
      fromType: 'action',
      fromId: action.id,
      toType: 'document',
      toId: doc.id,
    });
    expect(link.statusCode, link.body).toBe(201);
    const loose = await buildEvidence(admin, org.slug);
    return { doc, onlyHidden, alsoVisible, loose, action, actionLinkId: link.json().id };
  }

  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
    cases.confidential = await setUp('confidential');
    cases.restricted = await setUp('restricted');
  });
  afterAll(() => env?.close());

  const pairs: [string, 'confidential' | 'restricted', (o: TestOrg) => Caller][] = [
    ['viewer', 'confidential', (o) => o.as.viewer],
    ['auditor', 'restricted', (o) => o.as.auditor],
  ];

  describe.each(pairs)('%s and a %s document', (_role, classification, who) => {
    it('the reader gets 404 on the document itself (the premise)', async () => {
      expect((await who(org).get(`${docsPath(org)}/${cases[classification].doc.id}`)).statusCode).toBe(404);
    });

    it('evidence attached only to the hidden document is not in the list; evidence also attached elsewhere and unattached evidence are', async () => {
      const s = cases[classification];
      const res = await who(org).get(`${ev(org)}?pageSize=100`);
      expect(res.statusCode, res.body).toBe(200);
      const ids = (res.json().items as { id: string }[]).map((i) => i.id);
      expect(ids).not.toContain(s.onlyHidden.id);
      expect(ids).toContain(s.alsoVisible.id);
      expect(ids).toContain(s.loose.id);
      // the admin sees all three
      const all = ((await org.as.admin.get(`${ev(org)}?pageSize=100`)).json().items as { id: string }[]).map(
        (i) => i.id,
      );
      expect(all).toEqual(expect.arrayContaining([s.onlyHidden.id, s.alsoVisible.id, s.loose.id]));
    });

    it('the hidden evidence answers 404 on its record, its file, its history and its links, as a random id does', async () => {
      const s = cases[classification];
      for (const url of [
        `${ev(org)}/${s.onlyHidden.id}`,
        `${ev(org)}/${s.onlyHidden.id}/file`,
        `${ev(org)}/${s.onlyHidden.id}/history`,
        `${ev(org)}/${crypto.randomUUID()}`,
      ]) {
        expect((await who(org).get(url)).statusCode, url).toBe(404);
      }
      expect((await org.as.admin.get(`${ev(org)}/${s.onlyHidden.id}/file`)).statusCode).toBe(200);
      const links = await who(org).get(`/api/v1/orgs/${org.slug}/links?type=evidence&id=${s.onlyHidden.id}`);
      expect(links.statusCode).toBe(200);
      expect(links.json().items).toEqual([]);
    });

    it('the attachedId filter answers for the hidden document exactly as for an id that does not exist', async () => {
      const s = cases[classification];
      const hidden = await who(org).get(`${ev(org)}?attachedType=document&attachedId=${s.doc.id}`);
      const random = await who(org).get(`${ev(org)}?attachedType=document&attachedId=${crypto.randomUUID()}`);
      expect(hidden.statusCode, hidden.body).toBe(200);
      expect(random.statusCode).toBe(200);
      expect({ items: hidden.json().items, total: hidden.json().total }).toEqual({
        items: random.json().items,
        total: random.json().total,
      });
      expect(hidden.json().total).toBe(0);
      // the admin finds both pieces of evidence through the same filter
      const admin = await org.as.admin.get(`${ev(org)}?attachedType=document&attachedId=${s.doc.id}`);
      expect(admin.json().total).toBe(2);
    });

    it('links with the hidden document at either end are left out; the readable ends stay', async () => {
      const s = cases[classification];
      const ofAction = (await who(org).get(`/api/v1/orgs/${org.slug}/links?type=action&id=${s.action.id}`)).json()
        .items as { toId: string; fromId: string }[];
      expect(ofAction.map((l) => l.toId)).not.toContain(s.doc.id);
      expect(ofAction.map((l) => l.fromId)).toContain(s.alsoVisible.id);
      const ofEvidence = (
        await who(org).get(`/api/v1/orgs/${org.slug}/links?type=evidence&id=${s.alsoVisible.id}`)
      ).json().items as { toId: string }[];
      expect(ofEvidence.map((l) => l.toId)).toEqual([s.action.id]);
      const ofDoc = (await who(org).get(`/api/v1/orgs/${org.slug}/links?type=document&id=${s.doc.id}`)).json().items;
      expect(ofDoc).toEqual([]);
      expect(
        (
          (await org.as.admin.get(`/api/v1/orgs/${org.slug}/links?type=document&id=${s.doc.id}`)).json()
            .items as unknown[]
        ).length,
      ).toBe(3);
    });

    it('the attachment of the evidence the reader sees tells nothing of the hidden document', async () => {
      const s = cases[classification];
      const res = await who(org).get(`${ev(org)}/${s.alsoVisible.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(s.doc.id);
      expect(res.body).not.toContain(s.doc.ref);
    });
  });

  it('a contributor who may not read a confidential document cannot remove its links either (404 as for a random id)', async () => {
    const s = cases.restricted;
    expect((await org.as.contributor.del(`/api/v1/orgs/${org.slug}/links/${s.actionLinkId}`)).statusCode).toBe(404);
    const ofDoc = (await org.as.admin.get(`/api/v1/orgs/${org.slug}/links?type=document&id=${s.doc.id}`)).json()
      .items as { id: string }[];
    expect(ofDoc.map((l) => l.id)).toContain(s.actionLinkId);
  });

  it('the audit trail shows the auditor no event about, or naming, the restricted document or its hidden evidence', async () => {
    const s = cases.restricted;
    const trail = async (c: Caller, q = '') =>
      (await c.get(`/api/v1/orgs/${org.slug}/audit-events?pageSize=200${q}`)).json() as {
        items: { type: string; entityId: string | null; payload: unknown }[];
        total: number;
      };
    const mentions = (e: { entityId: string | null; payload: unknown }) =>
      e.entityId === s.doc.id ||
      e.entityId === s.onlyHidden.id ||
      JSON.stringify(e.payload).includes(`"${s.doc.ref}"`) ||
      JSON.stringify(e.payload).includes(`"${s.onlyHidden.ref}"`);
    const admin = await trail(org.as.admin);
    const adminMentions = admin.items.filter(mentions);
    // the premise: the trail holds the document's creation, the hidden evidence's upload, and link events naming both
    expect(adminMentions.map((e) => e.type)).toEqual(expect.arrayContaining(['record.created', 'link.created']));
    expect(adminMentions.filter((e) => e.type === 'link.created').length).toBeGreaterThanOrEqual(3);
    const auditor = await trail(org.as.auditor);
    expect(auditor.items.filter(mentions)).toEqual([]);
    expect(auditor.total).toBeLessThan(admin.total);
    // events about the readable evidence and action remain
    expect(auditor.items.some((e) => e.entityId === s.alsoVisible.id)).toBe(true);
    expect(auditor.items.some((e) => e.entityId === s.action.id)).toBe(true);
    // filtering by a hidden id answers as for a random one
    for (const id of [s.doc.id, s.onlyHidden.id])
      expect((await trail(org.as.auditor, `&entityId=${id}`)).total).toBe(0);
  });
});

describe('the registers that hide what is attached to their records', () => {
  it('are every register with a read scope (evidence, whose scope follows them, aside)', async () => {
    const { REGISTER_MODULES } = await import('../../src/core/modules.js');
    const { HIDING_REGISTERS } = await import('../../src/core/evidence/evidence-access.js');
    const scoped = REGISTER_MODULES.filter((m) => m.readScope && m.def.entity !== 'evidence').map((m) => m.def.entity);
    expect(HIDING_REGISTERS.map((h) => h.entity).sort()).toEqual(scoped.sort());
  });
});
