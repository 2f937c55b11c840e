import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildAction, buildOrg, type TestOrg } from '../helpers/factories.js';
import {
  buildEvidence,
  evidenceCounts,
  multipart,
  textFile,
  tinyPng,
  uploadRequest,
  type MultipartFile,
} from '../helpers/evidence-factories.js';

const sha = (b: Buffer | string) => crypto.createHash('sha256').update(b).digest('hex');
const fieldsOf = (res: { json(): { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);

/** Uploading evidence: stored once per organization by content, typed from the content, named safely, all or nothing. */
describe.each(DIALECTS)('evidence upload on %s', (kind) => {
  let env: TestEnv;
  let A: TestOrg;
  let B: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    A = await buildOrg(env.app, env.handle, 'Alpha Evidence');
    B = await buildOrg(env.app, env.handle, 'Bravo Evidence');
  });
  afterAll(() => env?.close());

  const blobsOf = (orgId: string) =>
    env.handle.db.selectFrom('fileBlobs').select(['sha256', 'size']).where('orgId', '=', orgId).execute();

  /** Sends an upload that must be refused: a problem naming `field` (when given) and not one row written. */
  async function refused(
    fields: Record<string, string> | [string, string][],
    files: MultipartFile[],
    status: number,
    field?: string,
  ) {
    const before = await evidenceCounts(env.handle);
    const res = await uploadRequest(A.as.contributor, A.slug, fields, files);
    const what = `${JSON.stringify(fields).slice(0, 120)} ${files.map((f) => f.name).join(',')} → ${res.statusCode} ${res.body.slice(0, 300)}`;
    expect(res.statusCode, what).toBe(status);
    expect(res.headers['content-type'], what).toContain('application/problem+json');
    if (field) expect(fieldsOf(res), what).toContain(field);
    expect(await evidenceCounts(env.handle), `${what}: nothing written`).toEqual(before);
    return res;
  }

  it('files a text file: the record describes it and the content is stored under its SHA-256', async () => {
    const content = `Access review of the finance system\nReviewed by: S. Owner\n${crypto.randomUUID()}\n`;
    const res = await uploadRequest(
      A.as.contributor,
      A.slug,
      { title: 'Access review Q1', validUntil: '2031-03-31', ownerId: A.users.contributor.id },
      [{ name: 'access-review.txt', content, type: 'text/html' }],
    );
    expect(res.statusCode, res.body).toBe(201);
    const ev = res.json();
    expect(ev).toMatchObject({
      title: 'Access review Q1',
      fileName: 'access-review.txt',
      fileType: 'txt',
      mediaType: 'text/plain',
      size: Buffer.byteLength(content),
      sha256: sha(content),
      validUntil: '2031-03-31',
      ownerId: A.users.contributor.id,
      collectedOn: new Date().toISOString().slice(0, 10),
    });
    expect(ev.ref).toMatch(/^EV-\d{3}$/);
    expect(ev.upload).toEqual({ blobReused: false, sameContent: [], attachedTo: [] });
    const blob = await env.handle.db
      .selectFrom('fileBlobs')
      .selectAll()
      .where('orgId', '=', A.id)
      .where('sha256', '=', sha(content))
      .executeTakeFirstOrThrow();
    expect(Buffer.from(blob.content).toString('utf8')).toBe(content);
    const event = await env.handle.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('entityId', '=', ev.id)
      .executeTakeFirstOrThrow();
    expect(event.type).toBe('record.created');
    expect(JSON.parse(event.payload).values).toMatchObject({ sha256: sha(content), fileName: 'access-review.txt' });
  });

  it('stores the same content once per organization, however often and under whatever name it is uploaded', async () => {
    const content = `Firewall rule export ${crypto.randomUUID()}`;
    const first = await buildEvidence(
      A.as.contributor,
      A.slug,
      { title: 'Firewall rules (January)' },
      { name: 'rules.txt', content },
    );
    const second = await uploadRequest(A.as.isms_manager, A.slug, { title: 'Firewall rules (copy)' }, [
      { name: 'rules-copy.txt', content },
    ]);
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().upload.blobReused).toBe(true);
    expect(second.json().upload.sameContent).toEqual([
      { id: first.id, ref: first.ref, title: 'Firewall rules (January)' },
    ]);
    expect(second.json().sha256).toBe(first.sha256);
    expect((await blobsOf(A.id)).filter((b) => b.sha256 === sha(content))).toHaveLength(1);
    const list = await A.as.viewer.get(`/api/v1/orgs/${A.slug}/evidence?sha256=${sha(content)}`);
    expect(
      list
        .json()
        .items.map((e: { id: string }) => e.id)
        .sort(),
    ).toEqual([first.id, second.json().id].sort());
  });

  it('keeps organizations apart: the same file in two organizations is two blobs, and neither reads the other', async () => {
    const content = `Shared supplier certificate ${crypto.randomUUID()}`;
    const a = await buildEvidence(A.as.admin, A.slug, {}, { name: 'certificate.txt', content });
    const b = await buildEvidence(B.as.admin, B.slug, {}, { name: 'certificate.txt', content });
    expect(b.upload.blobReused).toBe(false);
    expect(b.upload).toMatchObject({ sameContent: [] });
    expect((await blobsOf(A.id)).filter((x) => x.sha256 === sha(content))).toHaveLength(1);
    expect((await blobsOf(B.id)).filter((x) => x.sha256 === sha(content))).toHaveLength(1);
    for (const url of [`/evidence/${b.id}`, `/evidence/${b.id}/file`, `/evidence/${b.id}/history`]) {
      const res = await A.as.admin.get(`/api/v1/orgs/${A.slug}${url}`);
      expect(res.statusCode, url).toBe(404);
    }
    expect((await A.as.admin.patch(`/api/v1/orgs/${A.slug}/evidence/${b.id}`, { title: 'hijack' })).statusCode).toBe(
      404,
    );
    const byHash = await A.as.admin.get(`/api/v1/orgs/${A.slug}/evidence?sha256=${sha(content)}`);
    expect(byHash.json().items.map((e: { id: string }) => e.id)).toEqual([a.id]);
    // B's evidence cannot be superseded or attached from A either
    await refused({ title: 'x', supersedes: b.id }, [textFile()], 400, 'body.supersedes');
    const bAction = await buildAction(B.as.admin, B.slug);
    await refused({ title: 'x', attachToType: 'action', attachToId: bAction.id }, [textFile()], 400, 'body.attachToId');
  });

  it('recognises binary files by their content and refuses disguised or unaccepted ones', async () => {
    const png = await uploadRequest(A.as.contributor, A.slug, { title: 'Badge reader photo' }, [
      { name: 'badge reader', content: tinyPng(), type: 'application/pdf' },
    ]);
    expect(png.statusCode, png.body).toBe(201);
    expect(png.json()).toMatchObject({ fileType: 'png', mediaType: 'image/png', fileName: 'badge reader.png' });
    const pdf = await uploadRequest(A.as.contributor, A.slug, { title: 'Policy scan' }, [
      { name: 'Policy.PDF', content: '%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n' },
    ]);
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.json()).toMatchObject({ fileType: 'pdf', fileName: 'Policy.PDF' });

    const exe = Buffer.concat([
      Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00', 'latin1'),
      Buffer.alloc(200),
    ]);
    await refused({ title: 'x' }, [{ name: 'invoice.pdf', content: exe }], 400, 'body.file');
    await refused({ title: 'x' }, [{ name: 'photo.pdf', content: tinyPng() }], 400, 'body.file');
    await refused({ title: 'x' }, [{ name: 'report.pdf', content: 'not a pdf at all' }], 400, 'body.file');
    await refused(
      { title: 'x' },
      [{ name: 'page.html', content: '<html><script>alert(1)</script></html>' }],
      400,
      'body.file',
    );
    await refused(
      { title: 'x' },
      [{ name: 'logo.svg', content: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>' }],
      400,
      'body.file',
    );
    await refused(
      { title: 'x' },
      [{ name: 'notes.txt', content: '  <!DOCTYPE html><script>alert(1)</script>' }],
      400,
      'body.file',
    );
    await refused({ title: 'x' }, [{ name: 'data.xml', content: '<?xml version="1.0"?><a/>' }], 400, 'body.file');
    await refused({ title: 'x' }, [{ name: 'README', content: 'plain words' }], 400, 'body.file');
    await refused({ title: 'x' }, [{ name: 'binary.txt', content: Buffer.from([0x61, 0x00, 0x62]) }], 400, 'body.file');
    await refused({ title: 'x' }, [{ name: 'latin1.csv', content: Buffer.from([0x63, 0xe9, 0x0a]) }], 400, 'body.file');
    const res = await refused({ title: 'x' }, [{ name: 'run.sh', content: '#!/bin/sh\nrm -rf /\n' }], 400, 'body.file');
    expect(res.json().errors[0].message).toContain('accepted: pdf, png');
  });

  it('refuses a file over the limit with 413 naming the file, and writes nothing', async () => {
    const limit = 25 * 1024 * 1024;
    const res = await refused(
      { title: 'Too big' },
      [{ name: 'big.txt', content: Buffer.alloc(limit + 1, 0x61) }],
      413,
      'body.file',
    );
    expect(res.json().type).toBe('https://rampart.dev/problems/payload-too-large');
    expect(res.json().detail).toContain('25 MiB');
  });

  it('names every bad field of the form, and writes nothing', async () => {
    await refused({ title: 'No file' }, [], 400, 'body.file');
    await refused({}, [textFile()], 400, 'body.title');
    await refused({ title: '   ' }, [textFile()], 400, 'body.title');
    await refused({ title: 'x'.repeat(201) }, [textFile()], 400, 'body.title');
    await refused({ title: 'NUL \u0000 inside' }, [textFile()], 400, 'body.title');
    await refused({ title: 'x', bogus: '1' }, [textFile()], 400, 'body.bogus');
    await refused(
      [
        ['title', 'one'],
        ['title', 'two'],
      ],
      [textFile()],
      400,
      'body.title',
    );
    await refused({ title: 'x', validUntil: '2024-02-30' }, [textFile()], 400, 'body.validUntil');
    await refused(
      { title: 'x', validFrom: '2030-01-01', validUntil: '2029-12-31' },
      [textFile()],
      400,
      'body.validUntil',
    );
    await refused({ title: 'x', collectedOn: '2999-01-01' }, [textFile()], 400, 'body.collectedOn');
    await refused({ title: 'x', ownerId: B.users.admin.id }, [textFile()], 400, 'body.ownerId');
    await refused({ title: 'x', ownerId: 'not-a-uuid' }, [textFile()], 400, 'body.ownerId');
    await refused({ title: 'x', attachToType: 'action' }, [textFile()], 400, 'body.attachToId');
    await refused(
      { title: 'x', attachToType: 'no_such_register', attachToId: crypto.randomUUID() },
      [textFile()],
      400,
      'body.attachToType',
    );
    await refused(
      { title: 'x', attachToType: 'action', attachToId: crypto.randomUUID() },
      [textFile()],
      400,
      'body.attachToId',
    );
    await refused({ title: 'x' }, [{ name: 'empty.txt', content: '' }], 400, 'body.file');
    await refused({ title: 'x' }, [textFile(), textFile()], 400, 'body.file');
    await refused({ title: 'x' }, [{ ...textFile(), field: 'attachment' }], 400, 'body.attachment');
  });

  it('answers 415 to anything but multipart, and 400 to a broken multipart body', async () => {
    const before = await evidenceCounts(env.handle);
    const url = `/api/v1/orgs/${A.slug}/evidence/upload`;
    const json = await A.as.contributor.post(url, { title: 'x' });
    expect(json.statusCode).toBe(415);
    expect(json.headers['content-type']).toContain('application/problem+json');
    const good = multipart({ title: 'x' }, [textFile()]);
    const cut = await A.as.contributor.request('POST', url, good.payload.subarray(0, good.payload.length - 30), {
      'content-type': good.contentType,
    });
    expect(cut.statusCode, cut.body).toBe(400);
    const noBoundary = await A.as.contributor.request('POST', url, good.payload, {
      'content-type': 'multipart/form-data',
    });
    expect(noBoundary.statusCode, noBoundary.body).toBe(400);
    expect(await evidenceCounts(env.handle)).toEqual(before);
  });

  it('sanitizes file names: no path, control or bidirectional characters, no reserved names', async () => {
    const cases: [string, string][] = [
      ['..\\..\\windows\\system32\\drivers.txt', 'drivers.txt'],
      ['C:\\Users\\eve\\Desktop\\report.txt', 'report.txt'],
      ['bell\u0007tab\u0009del\u007f.txt', 'belltabdel.txt'],
      ['invoice\u202Egnp.txt', 'invoicegnp.txt'],
      ['\u2066isolated\u2069 \u200bzero-width\ufeff.txt', 'isolated zero-width.txt'],
      ['.hidden.txt', 'hidden.txt'],
      ['a<b>c:d|e?f*g.txt', 'a_b_c_d_e_f_g.txt'],
      ['CON.txt', '_CON.txt'],
      ['  spaced   out  .txt', 'spaced out .txt'],
      [`${'é'.repeat(300)}.txt`, `${'é'.repeat(196)}.txt`],
      ['Прото́кол аудита.txt', 'Прото́кол аудита.txt'.normalize('NFC')],
    ];
    for (const [name, expected] of cases) {
      const res = await uploadRequest(A.as.contributor, A.slug, { title: 'Named file' }, [
        { name, content: `content ${crypto.randomUUID()}` },
      ]);
      expect(res.statusCode, `${name} → ${res.body}`).toBe(201);
      expect(res.json().fileName, name).toBe(expected);
    }
    const nameless = await uploadRequest(A.as.contributor, A.slug, { title: 'Nameless image' }, [
      { name: '\u202e', content: tinyPng(2, 2) },
    ]);
    expect(nameless.json().fileName).toBe('evidence.png');
  });

  it('uploads, attaches and audits in one transaction: a failing attachment leaves nothing behind', async () => {
    const action = await buildAction(A.as.admin, A.slug, { title: 'Quarterly access review' });
    const content = `Review minutes ${crypto.randomUUID()}`;
    const ok = await uploadRequest(
      A.as.contributor,
      A.slug,
      { title: 'Review minutes', attachToType: 'action', attachToId: action.id },
      [{ name: 'minutes.txt', content }],
    );
    expect(ok.statusCode, ok.body).toBe(201);
    const ev = ok.json();
    expect(ev.upload.attachedTo).toEqual([
      { type: 'action', id: action.id, ref: action.ref, title: 'Quarterly access review', linkId: expect.any(String) },
    ]);
    const attached = await A.as.viewer.get(
      `/api/v1/orgs/${A.slug}/evidence?attachedType=action&attachedId=${action.id}`,
    );
    expect(attached.json().items.map((e: { id: string }) => e.id)).toEqual([ev.id]);
    const links = await A.as.viewer.get(`/api/v1/orgs/${A.slug}/links?type=action&id=${action.id}`);
    expect(links.json().items).toEqual([
      expect.objectContaining({
        fromType: 'evidence',
        fromId: ev.id,
        toType: 'action',
        toId: action.id,
        kind: 'evidence',
      }),
    ]);
    const types = (
      await env.handle.db
        .selectFrom('auditEvents')
        .select('type')
        .where('orgId', '=', A.id)
        .orderBy('seq', 'desc')
        .limit(2)
        .execute()
    ).map((e) => e.type);
    expect(types.sort()).toEqual(['link.created', 'record.created']);

    // a brand-new file whose attachment fails: no blob, no record, no link, no event
    const fresh = `Never stored ${crypto.randomUUID()}`;
    await refused(
      { title: 'Orphan', attachToType: 'action', attachToId: crypto.randomUUID() },
      [{ name: 'orphan.txt', content: fresh }],
      400,
      'body.attachToId',
    );
    expect((await blobsOf(A.id)).some((b) => b.sha256 === sha(fresh))).toBe(false);
  });

  it('supersedes older evidence: the new record points back, the old one is marked, attachments carry over', async () => {
    const action = await buildAction(A.as.admin, A.slug, { title: 'Renew the supplier certificate' });
    const old = await buildEvidence(A.as.contributor, A.slug, {
      title: 'Certificate 2029',
      attachToType: 'action',
      attachToId: action.id,
      validUntil: '2029-12-31',
    });
    const res = await uploadRequest(
      A.as.contributor,
      A.slug,
      { title: 'Certificate 2030', supersedes: old.id, validUntil: '2030-12-31' },
      [textFile()],
    );
    expect(res.statusCode, res.body).toBe(201);
    const next = res.json();
    expect(next.supersedesId).toBe(old.id);
    expect(next.upload.attachedTo.map((a: { id: string }) => a.id)).toEqual([action.id]);
    const oldNow = (await A.as.viewer.get(`/api/v1/orgs/${A.slug}/evidence/${old.id}`)).json();
    expect(oldNow.supersededById).toBe(next.id);
    expect(oldNow.related[next.id]).toMatchObject({ ref: next.ref, title: 'Certificate 2030' });
    const current = await A.as.viewer.get(
      `/api/v1/orgs/${A.slug}/evidence?attachedType=action&attachedId=${action.id}&superseded=false`,
    );
    expect(current.json().items.map((e: { id: string }) => e.id)).toEqual([next.id]);
    // the chain has one head: the old record cannot be superseded twice
    await refused({ title: 'Certificate again', supersedes: old.id }, [textFile()], 409, 'body.supersedes');
  });

  it('is refused to roles that may not create evidence, before the body is read', async () => {
    for (const role of ['auditor', 'approver', 'viewer'] as const) {
      const before = await evidenceCounts(env.handle);
      const res = await uploadRequest(A.as[role], A.slug, { title: 'x' }, [textFile()]);
      expect(res.statusCode).toBe(403);
      expect((await evidenceCounts(env.handle)).evidence).toBe(before.evidence);
    }
  });
});
