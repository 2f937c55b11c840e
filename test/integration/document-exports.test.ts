import crypto from 'node:crypto';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVerifyPackage } from '../../src/cli/commands/verify-package.js';
import { verifyPackage } from '../../src/cli/commands/verify-package-check.js';
import { DIALECTS, tempDir } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { approveDocument, createDocument, docsPath } from '../helpers/document-factories.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';

const sha256 = (data: Buffer | string) => crypto.createHash('sha256').update(data).digest('hex');
const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The words of a DOCX body (runs joined), and its raw XML. */
async function docxText(body: Buffer) {
  const xml = await (await JSZip.loadAsync(body)).file('word/document.xml')!.async('string');
  return { xml, text: decode(xml.replace(/<[^>]+>/g, '')) };
}

const POLICY = {
  summary: 'Only the people who need information get to it.',
  scope: [
    'Applies to **every** system.',
    '',
    '## Access reviews',
    '',
    '- quarterly for admins',
    '- yearly for staff',
    '',
    '| System | Reviewer |',
    '|---|---|',
    '| CRM | Sales lead |',
    '',
    '::: confidential',
    'The break-glass safe is in ROOM-SECRET-42.',
    ':::',
    '',
    '<script>alert(1)</script>',
    '',
    'See [portal](javascript:alert(2)).',
  ].join('\n'),
};

describe.each(DIALECTS)('document exports on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  async function approvedPolicy(fields: Record<string, unknown> = {}) {
    const doc = await createDocument(org, { title: 'Access control policy', type: 'topic_policy', ...fields });
    const people = await org.as.isms_manager.request('PUT', `${docsPath(org)}/${doc.id}/people`, {
      approverIds: [org.users.approver.id],
      audienceUserIds: [],
      audienceRoles: [],
    });
    expect(people.statusCode, people.body).toBe(200);
    const v = await approveDocument(org, doc.id, POLICY);
    return { ...doc, base: `${docsPath(org)}/${doc.id}`, hash: v.contentHash };
  }

  it('exports a policy as DOCX and PDF with the administrative block, approvals, Markdown sections and change history', async () => {
    const doc = await approvedPolicy({ classification: 'confidential', retentionMonths: 24 });
    const res = await org.as.auditor.get(`${doc.base}/versions/1/export.docx`);
    expect(res.statusCode, res.body).toBe(200);
    const { xml, text } = await docxText(res.rawPayload);
    for (const words of [
      'Access control policy',
      'Topic-specific policy',
      doc.ref,
      'Version 1 (Approved)',
      'Publication date',
      'Not published',
      'Next review',
      'Approver(s)',
      org.users.approver.email,
      org.users.isms_manager.email,
      'Confidential',
      'Intended audience',
      'All members',
      'Origin',
      '24 months, then: Dispose of it',
      doc.hash,
    ]) {
      expect(text, words).toContain(words);
    }
    // Markdown laid out as text: headings, bullets, a table, confidential part marked, HTML and links inert.
    expect(text).toContain('Policy summary');
    expect(text).toContain('Applies to every system.');
    expect(text).toContain('Access reviews');
    expect(text).toContain('• quarterly for admins');
    expect(text).toContain('Sales lead');
    expect(text).toContain('[Confidential — not for external distribution]');
    expect(text).toContain('ROOM-SECRET-42');
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('portal (javascript:alert(2))');
    expect(xml).not.toContain('<script');
    expect(xml).not.toContain('w:hyperlink');
    expect(text).not.toContain('Principles'); // empty template sections are left out
    expect(text).toContain('Change history');
    expect(text).toMatch(/Approved for issue/);

    const pdf = await org.as.auditor.get(`${doc.base}/versions/1/export.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(5000);
  });

  it('gives an external copy only of a published, shareable document, without its confidential parts', async () => {
    const doc = await approvedPolicy();
    const url = `${doc.base}/external-copy.docx`;
    const notShareable = await org.as.contributor.get(url);
    expect(notShareable.statusCode).toBe(409);
    expect(notShareable.headers['content-type']).toContain('application/problem+json');
    expect(notShareable.json().detail ?? notShareable.json().title).toMatch(/not marked as shareable externally/);

    expect((await org.as.isms_manager.patch(doc.base, { shareableExternally: true })).statusCode).toBe(200);
    const notPublished = await org.as.contributor.get(url);
    expect(notPublished.statusCode).toBe(409);
    expect(notPublished.json().detail ?? notPublished.json().title).toMatch(/no published version/);

    expect((await org.as.isms_manager.post(`${doc.base}/publish`, { versionNo: 1 })).statusCode).toBe(200);
    // a newer draft is not what is shared: the published version is
    await org.as.isms_manager.request('PUT', `${doc.base}/draft`, {
      content: { ...POLICY, summary: 'Unapproved new wording.' },
    });

    const res = await org.as.contributor.get(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/-external\.docx"/);
    const { text } = await docxText(res.rawPayload);
    expect(text).toContain('External copy — parts marked confidential are not included');
    expect(text).toContain('Only the people who need information get to it.');
    expect(text).not.toContain('Unapproved new wording');
    expect(text).not.toContain('ROOM-SECRET-42');
    expect(text).not.toContain('Confidential — not for external distribution');
    expect(text).toContain(org.users.approver.email); // the approval record goes with it
    expect(text).toContain(doc.hash);

    const pdf = await org.as.contributor.get(`${doc.base}/external-copy.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const audit = await org.as.auditor.get(
      `/api/v1/orgs/${org.slug}/audit-events?entityId=${doc.id}&type=document.external_copy`,
    );
    expect(
      audit
        .json()
        .items.map((e: { payload: { format: string; version: number } }) => `${e.payload.format}:${e.payload.version}`)
        .sort(),
    ).toEqual(['docx:1', 'pdf:1']);
  });

  it('answers 404 for the external copy of a document the caller may not read', async () => {
    const doc = await approvedPolicy({ classification: 'restricted', shareableExternally: true });
    await org.as.isms_manager.post(`${doc.base}/publish`, { versionNo: 1 });
    expect((await org.as.isms_manager.get(`${doc.base}/external-copy.pdf`)).statusCode).toBe(200);
    expect((await org.as.viewer.get(`${doc.base}/external-copy.pdf`)).statusCode).toBe(404);
  });

  describe('evidence package', () => {
    let pkg: Buffer;
    let policy: Awaited<ReturnType<typeof approvedPolicy>>;
    let secret: { id: string; ref: string };
    let v2Hash: string;
    beforeAll(async () => {
      policy = await approvedPolicy();
      v2Hash = (await approveDocument(org, policy.id, { ...POLICY, summary: 'Version two wording.' })).contentHash;
      expect((await org.as.isms_manager.post(`${policy.base}/publish`, { versionNo: 2 })).statusCode).toBe(200);
      expect(
        (await org.as.viewer.post(`${policy.base}/acknowledge`, { versionNo: 2, contentHash: v2Hash })).statusCode,
      ).toBe(200);
      await org.as.isms_manager.request('PUT', `${policy.base}/draft`, {
        content: { ...POLICY, summary: 'Draft three, never packaged.' },
      });
      secret = await createDocument(org, {
        title: 'Board restructuring plan',
        type: 'plan',
        classification: 'restricted',
      });
      await org.as.isms_manager.request('PUT', `${docsPath(org)}/${secret.id}/people`, {
        approverIds: [org.users.approver.id],
        audienceUserIds: [],
        audienceRoles: [],
      });
      await approveDocument(org, secret.id, { body: 'Restricted text.' });

      const res = await org.as.auditor.post(`${docsPath(org)}/evidence-package`, {});
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('application/zip');
      expect(res.headers['content-disposition']).toMatch(/attachment; filename=".*evidence-package.*\.zip"/);
      pkg = res.rawPayload;
    });

    it('holds each approved version as PDF and hashed source, approvals, publications and acknowledgements', async () => {
      const zip = await JSZip.loadAsync(pkg);
      const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
      expect(manifest).toMatchObject({
        format: 'rampart-evidence-package/1',
        organization: { slug: org.slug, name: org.name },
        generatedBy: expect.any(String),
      });
      expect(manifest.auditHead).toEqual({ seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      const entry = manifest.documents.find((d: { ref: string }) => d.ref === policy.ref);
      expect(entry.versions).toEqual([
        { versionNo: 1, state: 'superseded', contentHash: policy.hash, approvals: 1 },
        { versionNo: 2, state: 'approved', contentHash: v2Hash, approvals: 1 },
      ]);
      const names = Object.keys(zip.files);
      for (const f of [
        'v1/document.pdf',
        'v1/content.json',
        'v1/content.md',
        'v1/approvals.json',
        'v2/document.pdf',
        'publications.json',
        'acknowledgements.json',
      ])
        expect(names).toContain(`${policy.ref}/${f}`);
      expect(names.some((n) => n.startsWith(`${policy.ref}/v3`))).toBe(false);
      expect(names).toContain('README.txt');

      // every file's hash and size is the manifest's; content.json hashes to the signed content hash
      for (const f of manifest.files) {
        const bytes = await zip.file(f.path)!.async('nodebuffer');
        expect({ path: f.path, sha256: sha256(bytes), size: bytes.length }).toEqual(f);
      }
      expect(manifest.files.map((f: { path: string }) => f.path).sort()).toEqual(
        names.filter((n) => !zip.files[n]!.dir && n !== 'manifest.json' && n !== 'manifest.sig').sort(),
      );
      expect(sha256(await zip.file(`${policy.ref}/v2/content.json`)!.async('nodebuffer'))).toBe(v2Hash);
      const approvals = JSON.parse(await zip.file(`${policy.ref}/v2/approvals.json`)!.async('string'));
      expect(approvals).toEqual([
        expect.objectContaining({
          email: org.users.approver.email,
          role: 'approver',
          contentHash: v2Hash,
          meaning: expect.stringContaining('Approved for issue'),
        }),
      ]);
      const acks = JSON.parse(await zip.file(`${policy.ref}/acknowledgements.json`)!.async('string'));
      expect(acks).toEqual([
        expect.objectContaining({ email: org.users.viewer.email, versionNo: 2, contentHash: v2Hash }),
      ]);
      expect(await zip.file(`${policy.ref}/v2/content.md`)!.async('string')).toContain(
        '## Policy summary\n\nVersion two wording.',
      );
      expect((await zip.file(`${policy.ref}/v1/document.pdf`)!.async('nodebuffer')).subarray(0, 5).toString()).toBe(
        '%PDF-',
      );

      const audit = await org.as.auditor.get(`/api/v1/orgs/${org.slug}/audit-events?type=document.evidence_package`);
      expect(audit.json().items[0].payload).toMatchObject({ sha256: sha256(pkg), auditHead: manifest.auditHead.hash });
    });

    it('leaves out documents the caller may not read, and refuses to name them', async () => {
      const zip = await JSZip.loadAsync(pkg);
      const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
      expect(manifest.documents.map((d: { ref: string }) => d.ref)).not.toContain(secret.ref);
      expect(Object.keys(zip.files).some((n) => n.startsWith(`${secret.ref}/`))).toBe(false);
      const named = await org.as.auditor.post(`${docsPath(org)}/evidence-package`, {
        documentIds: [policy.id, secret.id],
      });
      expect(named.statusCode).toBe(400);
      expect(named.json().errors).toEqual([expect.objectContaining({ field: 'body.documentIds.1' })]);
      // the owner may read it, so it is in theirs
      const own = await org.as.isms_manager.post(`${docsPath(org)}/evidence-package`, { documentIds: [secret.id] });
      expect(own.statusCode, own.body).toBe(200);
      const ownManifest = JSON.parse(
        await (await JSZip.loadAsync(own.rawPayload)).file('manifest.json')!.async('string'),
      );
      expect(ownManifest.documents.map((d: { ref: string }) => d.ref)).toEqual([secret.ref]);
    });

    it('rejects bad input naming the field', async () => {
      const bad = await org.as.auditor.post(`${docsPath(org)}/evidence-package`, {
        documentIds: ['not-a-uuid'],
        extra: 1,
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining(['body.documentIds.0', 'body.extra']),
      );
      const tooMany = await org.as.auditor.post(`${docsPath(org)}/evidence-package`, {
        documentIds: Array.from({ length: 501 }, () => crypto.randomUUID()),
      });
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.json().errors[0].field).toBe('body.documentIds');
    });

    it('verifies offline, and detects a changed byte, a changed source, a missing file and an added one', async () => {
      expect((await verifyPackage(pkg)).ok).toBe(true);

      // one byte flipped inside the compressed data of a version's PDF
      const name = Buffer.from(`${policy.ref}/v2/document.pdf`);
      let at = -1;
      for (let i = pkg.indexOf(name); i >= 0; i = pkg.indexOf(name, i + 1))
        if (pkg.readUInt32LE(i - 30) === 0x04034b50) at = i - 30;
      expect(at).toBeGreaterThanOrEqual(0);
      const dataStart = at + 30 + pkg.readUInt16LE(at + 26) + pkg.readUInt16LE(at + 28);
      const tampered = Buffer.from(pkg);
      tampered[dataStart + Math.floor(pkg.readUInt32LE(at + 18) / 2)]! ^= 0xff;
      const flipped = await verifyPackage(tampered);
      expect(flipped.ok).toBe(false);
      expect(flipped.checks.find((c) => c.name === 'file hashes')!.problems.join('\n')).toContain(
        `${policy.ref}/v2/document.pdf`,
      );

      // a rewritten source with a manifest made to match: its hash is no longer the signed one
      const zip = await JSZip.loadAsync(pkg);
      const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
      const forged = JSON.stringify({ ...POLICY, summary: 'Forged wording.' });
      const p = `${policy.ref}/v2/content.json`;
      manifest.files = manifest.files.map((f: { path: string }) =>
        f.path === p ? { path: p, sha256: sha256(forged), size: Buffer.byteLength(forged) } : f,
      );
      zip.file(p, forged).file('manifest.json', JSON.stringify(manifest));
      const rewritten = await verifyPackage(await zip.generateAsync({ type: 'nodebuffer' }));
      expect(rewritten.checks.find((c) => c.name === 'file hashes')!.ok).toBe(true);
      expect(rewritten.checks.find((c) => c.name === 'content hashes')!.problems).toEqual([expect.stringContaining(p)]);

      const changed = await JSZip.loadAsync(pkg);
      changed.remove(`${policy.ref}/v1/approvals.json`);
      changed.file('extra.txt', 'slipped in');
      const incomplete = await verifyPackage(await changed.generateAsync({ type: 'nodebuffer' }));
      const problems = incomplete.checks.find((c) => c.name === 'completeness')!.problems.join('\n');
      expect(problems).toMatch(/v1\/approvals\.json: listed in the manifest but missing/);
      expect(problems).toMatch(/extra\.txt: in the package but not in the manifest/);

      expect((await verifyPackage(Buffer.from('not a zip'))).ok).toBe(false);

      // the command itself: a clear report and exit code 1 on failure
      const dir = tempDir('rampart-pkg-');
      fs.writeFileSync(path.join(dir, 'good.zip'), pkg);
      fs.writeFileSync(path.join(dir, 'bad.zip'), tampered);
      const lines: string[] = [];
      expect(await runVerifyPackage(path.join(dir, 'good.zip'), (l) => lines.push(l))).toBe('unauthenticated');
      expect(lines.join('\n')).toMatch(/OK +signature[\s\S]*OK +file hashes[\s\S]*SIGNATURE VALID/);
      if (kind === 'sqlite') {
        // once through the real CLI (no database involved, so once is enough)
        const run = promisify(execFile);
        const ok = await run(
          'node',
          [
            path.resolve('bin/rampart.mjs'),
            'verify-package',
            path.join(dir, 'good.zip'),
            '--key',
            env.app.deps.signingKey.fingerprint,
          ],
          { timeout: 60_000 },
        );
        expect(ok.stdout).toContain('VERIFIED: authentic');
        const failed = await run(
          'node',
          [path.resolve('bin/rampart.mjs'), 'verify-package', path.join(dir, 'bad.zip')],
          { timeout: 60_000 },
        ).catch((e: { code: number; stdout: string }) => e);
        expect(failed).toMatchObject({ code: 1, stdout: expect.stringContaining('FAIL  file hashes') });
      }
      fs.rmSync(dir, { recursive: true, force: true });
    });
  });
});
