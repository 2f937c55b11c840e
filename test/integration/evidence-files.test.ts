import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxUploadBytes } from '../../src/server/routes/evidence.routes.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildAction, buildOrg, type TestOrg } from '../helpers/factories.js';
import { buildEvidence, evidenceCounts, textFile, tinyPng, uploadRequest } from '../helpers/evidence-factories.js';

const daysFromToday = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** Downloading, listing and keeping evidence: safe headers, audited downloads, validity, immutable content. */
describe.each(DIALECTS)('evidence files on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle, 'Evidence Files Ltd');
  });
  afterAll(() => env?.close());
  const api = (path: string) => `/api/v1/orgs/${org.slug}${path}`;

  it('downloads as an attachment with its exact name, a safe type and headers that keep a browser from running it', async () => {
    const content = `Name,Role\nAda,Admin\n${crypto.randomUUID()}\n`;
    const ev = await buildEvidence(
      org.as.contributor,
      org.slug,
      { title: 'User list' },
      { name: 'Übersicht «Q1» 100%.csv', content, type: 'text/html' },
    );
    const res = await org.as.auditor.get(api(`/evidence/${ev.id}/file`));
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(content);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="_bersicht _Q1_ 100_.csv"; filename*=UTF-8''%C3%9Cbersicht%20%C2%ABQ1%C2%BB%20100%25.csv`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.etag).toBe(`"sha256-${ev.sha256}"`);
    expect(res.headers['repr-digest']).toBe(`sha-256=:${Buffer.from(ev.sha256, 'hex').toString('base64')}:`);
  });

  it('serves images and documents with their own type, and e-mail messages as a plain byte stream', async () => {
    const png = await buildEvidence(org.as.contributor, org.slug, {}, { name: 'screen.png', content: tinyPng() });
    const img = await org.as.viewer.get(api(`/evidence/${png.id}/file`));
    expect(img.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(img.rawPayload, tinyPng())).toBe(0);
    const eml = await buildEvidence(
      org.as.contributor,
      org.slug,
      {},
      { name: 'notice.eml', content: 'From: a@example.com\r\nSubject: Breach notice\r\n\r\nBody\r\n' },
    );
    expect(eml.mediaType).toBe('message/rfc822');
    const mail = await org.as.viewer.get(api(`/evidence/${eml.id}/file`));
    expect(mail.headers['content-type']).toBe('application/octet-stream');
    expect(mail.headers['content-disposition']).toContain('attachment;');
  });

  it('records every download in the audit trail, with who, which file and its hash', async () => {
    const ev = await buildEvidence(org.as.contributor, org.slug, { title: 'Pen test report' });
    await org.as.auditor.get(api(`/evidence/${ev.id}/file`));
    const events = await org.as.admin.get(api(`/audit-events?type=evidence.downloaded&entityId=${ev.id}`));
    expect(events.json().items).toEqual([
      expect.objectContaining({
        type: 'evidence.downloaded',
        actorId: org.users.auditor.id,
        entityType: 'evidence',
        entityId: ev.id,
        payload: { ref: ev.ref, fileName: ev.fileName, sha256: ev.sha256, size: ev.size },
      }),
    ]);
    expect((await org.as.admin.get(api('/audit/verify'))).json().ok).toBe(true);
  });

  it('flags expired evidence: valid until yesterday is expired, until today is not', async () => {
    const expired = await buildEvidence(org.as.contributor, org.slug, {
      title: 'Expired cert',
      validUntil: daysFromToday(-1),
      validFrom: daysFromToday(-400),
    });
    const today = await buildEvidence(org.as.contributor, org.slug, {
      title: 'Last day cert',
      validUntil: daysFromToday(0),
    });
    const open = await buildEvidence(org.as.contributor, org.slug, { title: 'Open-ended record' });
    const ids = async (query: string) =>
      ((await org.as.viewer.get(api(`/evidence?pageSize=200&${query}`))).json().items as { id: string }[]).map(
        (e) => e.id,
      );
    const onlyExpired = await ids('expired=true');
    expect(onlyExpired).toContain(expired.id);
    expect(onlyExpired).not.toContain(today.id);
    expect(onlyExpired).not.toContain(open.id);
    const notExpired = await ids('expired=false');
    expect(notExpired).toEqual(expect.arrayContaining([today.id, open.id]));
    expect(notExpired).not.toContain(expired.id);
    const bad = await org.as.viewer.get(api('/evidence?expired=maybe'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['query.expired']);
  });

  it('lists what is attached to a record, and names a half-given attachment filter', async () => {
    const action = await buildAction(org.as.admin, org.slug);
    const ev = await buildEvidence(org.as.contributor, org.slug, { attachToType: 'action', attachToId: action.id });
    // attaching existing evidence is a link of kind `evidence`, either way round
    const other = await buildEvidence(org.as.contributor, org.slug);
    const link = await org.as.contributor.post(api('/links'), {
      fromType: 'action',
      fromId: action.id,
      toType: 'evidence',
      toId: other.id,
      kind: 'evidence',
    });
    expect(link.statusCode).toBe(201);
    await buildEvidence(org.as.contributor, org.slug);
    const list = await org.as.viewer.get(api(`/evidence?attachedType=action&attachedId=${action.id}`));
    expect(
      list
        .json()
        .items.map((e: { id: string }) => e.id)
        .sort(),
    ).toEqual([ev.id, other.id].sort());
    const half = await org.as.viewer.get(api(`/evidence?attachedType=action`));
    expect(half.statusCode).toBe(400);
    expect(half.json().errors.map((e: { field: string }) => e.field)).toEqual(['query.attachedId']);
  });

  it('edits what is said about a file, never the file; archived evidence can still be read and downloaded', async () => {
    const ev = await buildEvidence(org.as.contributor, org.slug, { title: 'Backup test', validFrom: '2030-01-01' });
    const patch = await org.as.contributor.patch(api(`/evidence/${ev.id}`), {
      title: 'Backup restore test',
      validUntil: '2030-06-30',
      description: 'Restore of the payroll database',
    });
    expect(patch.statusCode, patch.body).toBe(200);
    expect(patch.json()).toMatchObject({
      title: 'Backup restore test',
      validUntil: '2030-06-30',
      sha256: ev.sha256,
      version: 2,
    });
    for (const body of [
      { sha256: '0'.repeat(64) },
      { fileName: 'evil.html' },
      { mediaType: 'text/html' },
      { size: 1 },
      { supersededById: ev.id },
    ]) {
      const res = await org.as.contributor.patch(api(`/evidence/${ev.id}`), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([`body.${Object.keys(body)[0]}`]);
    }
    const backwards = await org.as.contributor.patch(api(`/evidence/${ev.id}`), { validUntil: '2029-12-31' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.validUntil']);
    expect((await org.as.contributor.del(api(`/evidence/${ev.id}`))).statusCode).toBe(403);
    expect((await org.as.isms_manager.del(api(`/evidence/${ev.id}`))).statusCode).toBe(204);
    const file = await org.as.auditor.get(api(`/evidence/${ev.id}/file`));
    expect(file.statusCode).toBe(200);
    const history = (await org.as.auditor.get(api(`/evidence/${ev.id}/history`))).json();
    expect(JSON.stringify(history)).toContain('Backup restore test');
  });

  it('makes evidence only by upload: no JSON create and no CSV import', async () => {
    const before = await evidenceCounts(env.handle);
    const create = await org.as.admin.post(api('/evidence'), { title: 'No file' });
    expect([404, 405]).toContain(create.statusCode);
    const imp = await org.as.admin.request('POST', api('/evidence/import?dryRun=false'), 'title\nNo file\n', {
      'content-type': 'text/csv',
    });
    expect([404, 405]).toContain(imp.statusCode);
    expect(await evidenceCounts(env.handle)).toEqual(before);
    const csv = await org.as.auditor.get(api('/evidence/export.csv'));
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Sha256');
  });

  it('never lets stored content change, and refuses to serve content that no longer matches its hash', async () => {
    const ev = await buildEvidence(org.as.contributor, org.slug, { title: 'Signed contract' }, textFile());
    const db = env.handle.db;
    await expect(
      db
        .updateTable('fileBlobs')
        .set({ content: Buffer.from('forged') })
        .where('orgId', '=', org.id)
        .where('sha256', '=', ev.sha256)
        .execute(),
    ).rejects.toThrow(/immutable/);
    // someone with raw database access gets past the trigger: the download is refused, not served
    if (kind === 'postgres') await sql`ALTER TABLE file_blobs DISABLE TRIGGER file_blobs_no_update`.execute(db);
    else await sql`DROP TRIGGER file_blobs_no_update`.execute(db);
    await db
      .updateTable('fileBlobs')
      .set({ content: Buffer.from('forged') })
      .where('orgId', '=', org.id)
      .where('sha256', '=', ev.sha256)
      .execute();
    const res = await org.as.auditor.get(api(`/evidence/${ev.id}/file`));
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).not.toContain('forged');
    expect(res.json().type).toBe('https://rampart.dev/problems/integrity');
  });

  it('tells clients the limit and the accepted types', async () => {
    const res = await org.as.viewer.get(api('/evidence/upload-policy'));
    expect(res.json().maxBytes).toBe(25 * 1024 * 1024);
    expect(res.json().fileTypes).toContainEqual({ key: 'pdf', mediaType: 'application/pdf', extensions: ['pdf'] });
    expect(res.json().fileTypes.map((t: { key: string }) => t.key)).not.toContain('svg');
  });
});

describe.each(DIALECTS)('upload limit from RAMPART_MAX_UPLOAD_MB on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  const saved = process.env.RAMPART_MAX_UPLOAD_MB;
  beforeAll(async () => {
    process.env.RAMPART_MAX_UPLOAD_MB = '1';
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.RAMPART_MAX_UPLOAD_MB;
    else process.env.RAMPART_MAX_UPLOAD_MB = saved;
    await env?.close();
  });

  it('accepts a file of exactly the limit and refuses one byte more, naming the limit', async () => {
    const mib = 1024 * 1024;
    const ok = await uploadRequest(org.as.contributor, org.slug, { title: 'At the limit' }, [
      { name: 'limit.txt', content: Buffer.alloc(mib, 0x61) },
    ]);
    expect(ok.statusCode, ok.body).toBe(201);
    const before = await evidenceCounts(env.handle);
    const over = await uploadRequest(org.as.contributor, org.slug, { title: 'Over the limit' }, [
      { name: 'over.txt', content: Buffer.alloc(mib + 1, 0x62) },
    ]);
    expect(over.statusCode).toBe(413);
    expect(over.json().detail).toContain('1 MiB');
    expect(over.json().errors).toEqual([{ field: 'body.file', message: 'Larger than 1 MiB' }]);
    expect(await evidenceCounts(env.handle)).toEqual(before);
    expect((await org.as.viewer.get(`/api/v1/orgs/${org.slug}/evidence/upload-policy`)).json().maxBytes).toBe(mib);
  });

  it('refuses a setting that is not a whole number of MiB', () => {
    expect(maxUploadBytes('')).toBe(25 * 1024 * 1024);
    expect(maxUploadBytes('100')).toBe(100 * 1024 * 1024);
    for (const bad of ['0', '-1', '2.5', 'ten', '5000'])
      expect(() => maxUploadBytes(bad), bad).toThrow(/RAMPART_MAX_UPLOAD_MB/);
  });
});
