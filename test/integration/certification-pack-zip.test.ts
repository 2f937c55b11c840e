import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVerifyPackage } from '../../src/cli/commands/verify-package.js';
import { verifyPackage } from '../../src/cli/commands/verify-package-check.js';
import { canonicalJson } from '../../src/core/audit/canonical-json.js';
import { buildCertificationPack } from '../../src/core/certification/pack-build.service.js';
import { VERSIONED_MODULES } from '../../src/core/modules.js';
import { TooLargeToRenderError } from '../../src/reports/document-pdf.js';
import { packRenderers } from '../../src/reports/pack-renderers.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { ctxOf } from '../helpers/review-inputs-helpers.js';
import { approveScope, itemOf, newScope, packIndex, packPath } from '../helpers/certification-factories.js';
import { DIALECTS, tempDir } from '../helpers/databases.js';
import { approveDocument, createDocument } from '../helpers/document-factories.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';
import { buildMeasure, recordResult } from '../helpers/measure-factories.js';
import { buildNc } from '../helpers/nonconformity-factories.js';

const sha256 = (data: Buffer | string) => crypto.createHash('sha256').update(data).digest('hex');
const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

/** Issue 17: the certification pack as a signed ZIP, verified offline by the CLI's check, refused when tampered. */
describe.each(DIALECTS)('certification pack ZIP on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let pack: Buffer;
  let scopeDir: string;
  let ncRef: string;
  let dir: string;
  const trusted = () => [{ fingerprint: env.app.deps.signingKey.fingerprint, source: 'the test key' }];

  beforeAll(async () => {
    env = await testEnv(kind);
    dir = tempDir('rampart-pack-');
    org = await buildOrg(env.app, env.handle);
    const scope = await newScope(org);
    await approveScope(org, scope.id, 'The ISMS covers the SaaS platform and its support.');
    const policy = await createDocument(org, {
      title: 'Information security policy',
      type: 'policy',
      isSecurityPolicy: true,
    });
    await approveDocument(org, policy.id, { summary: 'We protect what our customers trust us with.' });
    const measure = await buildMeasure(org.as.isms_manager, org.slug);
    const today = new Date().toISOString().slice(0, 10);
    expect(
      (await recordResult(org.as.isms_manager, org.slug, measure.id, { value: 97, measuredOn: today })).statusCode,
    ).toBe(201);
    ncRef = (await buildNc(org.as.isms_manager, org.slug)).ref;
    const res = await org.as.auditor.post(packPath(org), {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain(`${org.slug}-certification-pack-${today}.zip`);
    pack = res.rawPayload;
    scopeDir = `01-scope/${scope.ref}-v1`;
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await env?.close();
  });

  it('holds each included version (PDF, canonical content, approvals), the generated files and the index', async () => {
    const zip = await JSZip.loadAsync(pack);
    const names = Object.keys(zip.files);
    const index = JSON.parse(await zip.file('index.json')!.async('string'));
    const live = await packIndex(org);
    expect(index.items).toEqual(live.items);
    for (const item of live.items) for (const f of item.files) expect(names, f).toContain(f);
    expect((await zip.file(`${scopeDir}/document.pdf`)!.async('nodebuffer')).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await zip.file('index.pdf')!.async('nodebuffer')).subarray(0, 5).toString()).toBe('%PDF-');
    const content = await zip.file(`${scopeDir}/content.json`)!.async('string');
    expect(sha256(content)).toBe(itemOf(live, 'scope').version!.contentHash);
    expect(JSON.parse(await zip.file(`${scopeDir}/approvals.json`)!.async('string'))).toEqual([
      expect.objectContaining({ role: 'approver', contentHash: sha256(content) }),
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await zip.file('16-nonconformities/nonconformities-register.xlsx')!.async('arraybuffer'));
    expect(wb.worksheets[0]!.getRow(2).getCell(1).value).toBe(ncRef);
    expect(names).toContain('12-measurement/measurement-report.pdf');
    expect(names).toContain('12-measurement/measurement-results.xlsx');
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest).toMatchObject({ format: 'rampart-certification-pack/1', asOf: live.asOf });
    expect(manifest.items.find((i: { key: string }) => i.key === 'scope')).toMatchObject({
      dir: scopeDir,
      approvals: 1,
    });
  });

  it('is verified offline by the CLI check, and its export is audited with the ZIP hash', async () => {
    const report = await verifyPackage(pack, trusted());
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.signature?.trust.status).toBe('trusted');
    expect(report.checks.find((c) => c.name === 'content hashes')!.summary).toMatch(/^2 versions/);
    // the command itself, on the file, with the fingerprint the installation shows
    const file = path.join(dir, 'pack.zip');
    fs.writeFileSync(file, pack);
    const lines: string[] = [];
    const verdict = await runVerifyPackage(file, (l) => lines.push(l), { key: env.app.deps.signingKey.fingerprint });
    expect(verdict, lines.join('\n')).toBe('verified');
    expect(lines[0]).toContain(`Certification pack as of ${new Date().toISOString().slice(0, 10)}`);
    const event = await env.handle.db
      .selectFrom('auditEvents')
      .select(['payload'])
      .where('orgId', '=', org.id)
      .where('type', '=', 'certification.pack_built')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(String(event.payload))).toMatchObject({ sha256: sha256(pack) });
  });

  async function rezip(edit: (zip: JSZip) => Promise<void>) {
    const zip = await JSZip.loadAsync(pack);
    await edit(zip);
    return zip.generateAsync({ type: 'nodebuffer' });
  }
  const failed = async (data: Buffer) => {
    const report = await verifyPackage(data, trusted());
    expect(report.ok).toBe(false);
    return report.checks.filter((c) => !c.ok).map((c) => c.name);
  };

  it('refuses a pack with a changed byte in a PDF', async () => {
    const tampered = await rezip(async (zip) => {
      const pdf = await zip.file(`${scopeDir}/document.pdf`)!.async('nodebuffer');
      pdf.writeUInt8(pdf.readUInt8(pdf.length - 20) ^ 0x01, pdf.length - 20);
      zip.file(`${scopeDir}/document.pdf`, pdf);
    });
    expect(await failed(tampered)).toEqual(['file hashes']);
  });

  it('refuses a swapped content.json, even with the manifest re-hashed to match', async () => {
    const forged = Buffer.from(canonicalJson({ statement: 'The ISMS covers nothing.' }));
    const tampered = await rezip(async (zip) => {
      zip.file(`${scopeDir}/content.json`, forged);
      const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
      manifest.files = manifest.files.map((f: { path: string }) =>
        f.path === `${scopeDir}/content.json` ? { path: f.path, sha256: sha256(forged), size: forged.length } : f,
      );
      zip.file('manifest.json', json(manifest));
    });
    expect(await failed(tampered)).toEqual(['signature', 'content hashes']);
  });

  it('refuses an edited manifest (another date)', async () => {
    const tampered = await rezip(async (zip) => {
      const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
      manifest.asOf = '2020-01-01';
      zip.file('manifest.json', json(manifest));
    });
    expect(await failed(tampered)).toEqual(['signature']);
  });

  it('roles: the ISMS manager, admin, auditor and top management; contributors and viewers are refused', async () => {
    for (const role of ['admin', 'isms_manager', 'auditor', 'approver'] as const)
      expect((await org.as[role].get(packPath(org))).statusCode, role).toBe(200);
    const built = () =>
      env.handle.db
        .selectFrom('auditEvents')
        .select('id')
        .where('orgId', '=', org.id)
        .where('type', '=', 'certification.pack_built')
        .execute();
    const before = (await built()).length;
    for (const role of ['contributor', 'viewer'] as const) {
      expect((await org.as[role].get(packPath(org))).statusCode, role).toBe(403);
      expect((await org.as[role].post(packPath(org), {})).statusCode, role).toBe(403);
    }
    // refusals are audited as such (access denied), but no pack is built
    expect((await built()).length).toBe(before);
  });

  it('is still built when a document is too large to lay out as a PDF: that file is left out and its item says so', async () => {
    // The worker pool's limits (minutes, hundreds of MB) cannot be reached in a test: the renderer answers as
    // renderPdf does when they are, for the scope and for the measurement report, and the real renderers do the rest.
    const real = packRenderers(env.app.deps.signingKey);
    const tooLarge = () => Promise.reject(new TooLargeToRenderError());
    const today = new Date().toISOString().slice(0, 10);
    const ctx = ctxOf(env, org);
    const built = await buildCertificationPack(ctx, VERSIONED_MODULES, today, {
      ...real,
      versionPdf: (c, vm, id, n) => (vm.register.def.entity === 'scope' ? tooLarge() : real.versionPdf(c, vm, id, n)),
      measurementPdf: tooLarge,
    });
    const zip = await JSZip.loadAsync(built.zip);
    const names = Object.keys(zip.files);
    expect(names).not.toContain(`${scopeDir}/document.pdf`);
    expect(names).toContain(`${scopeDir}/content.json`);
    expect(names).toContain(`${scopeDir}/approvals.json`);
    expect(names).not.toContain('12-measurement/measurement-report.pdf');
    expect(names).toContain('12-measurement/measurement-results.xlsx');
    const index = JSON.parse(await zip.file('index.json')!.async('string'));
    const scope = itemOf(index, 'scope');
    expect(scope.status).toBe('included');
    expect(scope.files).not.toContain(`${scopeDir}/document.pdf`);
    expect(scope.note).toMatch(/document\.pdf is not in the pack: it was too large to lay out here/);
    expect(itemOf(index, 'measurement').note).toMatch(/measurement-report\.pdf is not in the pack/);
    for (const item of index.items as { files: string[] }[]) for (const f of item.files) expect(names, f).toContain(f);
    const report = await verifyPackage(built.zip, trusted());
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it("another organization's members get a 404 and nothing is written", async () => {
    const other = await buildOrg(env.app, env.handle);
    const before = await writeCounts(env.handle);
    expect((await other.as.isms_manager.get(packPath(org))).statusCode).toBe(404);
    expect((await other.as.isms_manager.post(packPath(org), {})).statusCode).toBe(404);
    expect(await writeCounts(env.handle)).toEqual(before);
  });

  it('a bad body answers 400 naming body.date and writes nothing', async () => {
    const before = await writeCounts(env.handle);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    for (const date of ['1899-12-31', tomorrow, '31/12/2024', 20240101]) {
      const res = await org.as.isms_manager.post(packPath(org), { date });
      expect(res.statusCode, String(date)).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('body.date');
    }
    expect((await org.as.isms_manager.post(packPath(org), { date: '2024-01-01', extra: 1 })).statusCode).toBe(400);
    expect(await writeCounts(env.handle)).toEqual(before);
  });
});
