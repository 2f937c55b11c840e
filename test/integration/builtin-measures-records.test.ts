import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidencedControlsMeasure } from '../../src/core/controls/control-measures.js';
import { policyAcknowledgementMeasure } from '../../src/core/documents/document-measures.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildCustomControl } from '../helpers/control-factories.js';
import { DIALECTS } from '../helpers/databases.js';
import { createDocument, docsPath, publishDocument } from '../helpers/document-factories.js';
import { buildEvidence } from '../helpers/evidence-factories.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Built-in measures over documents and controls, computed from records made through the API on both databases:
 * the policy acknowledgement rate agrees with the acknowledgement lists, and evidence counts while it is current.
 */
describe.each(DIALECTS)('built-in measures of policies and controls on %s', (kind) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv(kind);
  });
  afterAll(() => env?.close());

  it('policy acknowledgement rate: acknowledged (member, published policy) pairs of those who must read them', async () => {
    const org = await buildOrg(env.app, env.handle);
    const measure = () => policyAcknowledgementMeasure.compute(env.handle.db, org.id, day(0));
    expect((await measure()).value).toBeNull();
    // for every member (six), internal
    const policy = await createDocument(org, { title: 'Information security policy', type: 'policy' });
    const v1 = await publishDocument(org, policy.id, { summary: 'We protect information.' });
    // confidential, for every member: only those who may read it must acknowledge it (admin, ISMS manager,
    // approver, auditor)
    const secret = await createDocument(org, { title: 'Cryptography policy', classification: 'confidential' });
    const v2 = await publishDocument(org, secret.id, { summary: 'Keys are kept in the HSM.' });
    // not counted: a procedure, and a policy not published
    const procedure = await createDocument(org, { title: 'Backup procedure', type: 'procedure' });
    await publishDocument(org, procedure.id, { body: 'Nightly.' });
    await createDocument(org, { title: 'Draft policy', type: 'policy' });

    const ack = async (role: keyof TestOrg['as'], id: string, v: { versionNo: number; contentHash: string }) => {
      const res = await org.as[role].post(`${docsPath(org)}/${id}/acknowledge`, {
        versionNo: v.versionNo,
        contentHash: v.contentHash,
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await ack('viewer', policy.id, v1);
    await ack('contributor', policy.id, v1);
    await ack('auditor', secret.id, v2);
    await ack(
      'viewer',
      procedure.id,
      await env.handle.db
        .selectFrom('documentPublications')
        .select(['versionNo', 'contentHash'])
        .where('documentId', '=', procedure.id)
        .executeTakeFirstOrThrow(),
    );

    expect(await measure()).toEqual({ value: 30, base: { expected: 10, acknowledged: 3 } });
    // the same people as the documents' acknowledgement lists
    const lists = await Promise.all(
      [policy.id, secret.id].map(
        async (id) =>
          (await org.as.admin.get(`${docsPath(org)}/${id}/acknowledgements`)).json() as {
            total: number;
            acknowledged: number;
          },
      ),
    );
    expect(lists.reduce((n, l) => n + l.total, 0)).toBe(10);
    expect(lists.reduce((n, l) => n + l.acknowledged, 0)).toBe(3);
  });

  it('applicable controls with evidence: current evidence only, either link direction, one organization', async () => {
    const org = await buildOrg(env.app, env.handle);
    const other = await buildOrg(env.app, env.handle);
    const measure = (asOf = day(0)) => evidencedControlsMeasure.compute(env.handle.db, org.id, asOf);
    expect(await measure()).toEqual({
      value: null,
      base: { applicable: 0, evidenced: 0 },
      note: 'No control is declared applicable yet',
    });
    const m = org.as.isms_manager;
    const applicable = () =>
      buildCustomControl(m, org.slug, { applicability: 'applicable', statedReason: 'Required by contract' });
    const [uploaded, linkedBack, expiring, superseded, bare] = await Promise.all(
      Array.from({ length: 5 }, () => applicable()),
    );
    const undecided = await buildCustomControl(m, org.slug);
    const c = org.as.contributor;
    // evidence attached on upload (a link from the evidence to the control)
    await buildEvidence(c, org.slug, { attachToType: 'control', attachToId: uploaded!.id });
    await buildEvidence(c, org.slug, { attachToType: 'control', attachToId: undecided.id });
    // a link the other way round, made on the links route
    const ev = await buildEvidence(c, org.slug);
    const link = await c.post(`/api/v1/orgs/${org.slug}/links`, {
      fromType: 'control',
      fromId: linkedBack!.id,
      toType: 'evidence',
      toId: ev.id,
      kind: 'evidence',
    });
    expect(link.statusCode, link.body).toBe(201);
    // valid for ten more days
    await buildEvidence(c, org.slug, { attachToType: 'control', attachToId: expiring!.id, validUntil: day(10) });
    // superseded by a newer version: the newer one is attached in its place, so it still counts
    const old = await buildEvidence(c, org.slug, { attachToType: 'control', attachToId: superseded!.id });
    const newer = await buildEvidence(c, org.slug, { supersedes: old.id });
    expect(newer.upload.attachedTo.map((a) => a.id)).toContain(superseded!.id);
    // another organization's evidence never counts
    const foreign = await buildCustomControl(other.as.isms_manager, other.slug, {
      applicability: 'applicable',
      statedReason: 'Ours',
    });
    await buildEvidence(other.as.contributor, other.slug, { attachToType: 'control', attachToId: foreign.id });
    expect(bare).toBeDefined();

    expect(await measure()).toEqual({ value: 80, base: { applicable: 5, evidenced: 4 } });
    expect(await measure(day(11))).toEqual({ value: 60, base: { applicable: 5, evidenced: 3 } });
    // archived evidence no longer counts
    expect((await org.as.isms_manager.request('DELETE', `/api/v1/orgs/${org.slug}/evidence/${ev.id}`)).statusCode).toBe(
      204,
    );
    expect(await measure()).toEqual({ value: 60, base: { applicable: 5, evidenced: 3 } });
  });
});
