import crypto from 'node:crypto';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVerifyPackage, type TrustOptions } from '../../src/cli/commands/verify-package.js';
import { verifyPackage } from '../../src/cli/commands/verify-package-check.js';
import { canonicalJson } from '../../src/core/audit/canonical-json.js';
import { generateInstanceKey, type InstanceKey } from '../../src/core/signing/instance-key.js';
import { rememberSigningKey } from '../../src/core/signing/signing-keys.service.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS, tempDir } from '../helpers/databases.js';
import { approveDocument, createDocument, docsPath } from '../helpers/document-factories.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';

const sha256 = (data: Buffer | string) => crypto.createHash('sha256').update(data).digest('hex');
const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

/**
 * Issue 12 item 7: a package whose policy text, approval hashes and a PDF were replaced, with a manifest re-hashed
 * to match, used to print VERIFIED. The manifest is now signed with the instance key; only a key the reader trusts
 * makes a package authentic.
 */
describe.each(DIALECTS)('evidence package signature on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let pkg: Buffer;
  let ref: string;
  let dir: string;
  let key: InstanceKey;

  beforeAll(async () => {
    env = await testEnv(kind);
    key = env.app.deps.signingKey;
    org = await buildOrg(env.app, env.handle);
    const doc = await createDocument(org, { title: 'Access control policy', type: 'topic_policy' });
    expect(
      (
        await org.as.isms_manager.request('PUT', `${docsPath(org)}/${doc.id}/people`, {
          approverIds: [org.users.approver.id],
          audienceUserIds: [],
          audienceRoles: [],
        })
      ).statusCode,
    ).toBe(200);
    await approveDocument(org, doc.id, { summary: 'Only those who need it get access.' });
    ref = doc.ref;
    const res = await org.as.auditor.post(`${docsPath(org)}/evidence-package`, {});
    expect(res.statusCode, res.body).toBe(200);
    pkg = res.rawPayload;
    dir = tempDir('rampart-sig-');
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await env?.close();
  });

  const write = (name: string, data: Buffer) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, data);
    return file;
  };
  const verdict = async (data: Buffer, trust: TrustOptions = {}) => {
    const lines: string[] = [];
    const result = await runVerifyPackage(write(`p-${crypto.randomUUID()}.zip`, data), (l) => lines.push(l), trust);
    return { result, text: lines.join('\n') };
  };

  /** The forgery of the review: new policy text, approvals bound to its hash, another PDF, the manifest re-hashed. */
  async function forge(opts: { resignWith?: InstanceKey } = {}): Promise<Buffer> {
    const zip = await JSZip.loadAsync(pkg);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    const base = `${ref}/v1`;
    const content = canonicalJson({ summary: 'Everyone may access everything.' });
    const forgedHash = sha256(content);
    const approvals = JSON.parse(await zip.file(`${base}/approvals.json`)!.async('string')).map((a: object) => ({
      ...a,
      contentHash: forgedHash,
    }));
    const replaced: Record<string, Buffer> = {
      [`${base}/content.json`]: Buffer.from(content),
      [`${base}/approvals.json`]: Buffer.from(json(approvals)),
      [`${base}/document.pdf`]: Buffer.from('%PDF-1.4\n% a different document\n'),
    };
    for (const [p, data] of Object.entries(replaced)) zip.file(p, data);
    manifest.files = manifest.files.map((f: { path: string }) =>
      replaced[f.path] ? { path: f.path, sha256: sha256(replaced[f.path]!), size: replaced[f.path]!.length } : f,
    );
    manifest.documents[0].versions[0].contentHash = forgedHash;
    if (opts.resignWith)
      manifest.signedBy = {
        algorithm: 'Ed25519',
        publicKey: opts.resignWith.publicKey,
        fingerprint: opts.resignWith.fingerprint,
      };
    const bytes = Buffer.from(json(manifest));
    zip.file('manifest.json', bytes);
    if (opts.resignWith) zip.file('manifest.sig', opts.resignWith.sign(bytes));
    return zip.generateAsync({ type: 'nodebuffer' });
  }

  it('signs the exact manifest bytes with the instance key named in the manifest', async () => {
    const zip = await JSZip.loadAsync(pkg);
    const manifestBytes = await zip.file('manifest.json')!.async('nodebuffer');
    const manifest = JSON.parse(manifestBytes.toString('utf8'));
    expect(manifest.signedBy).toEqual({ algorithm: 'Ed25519', publicKey: key.publicKey, fingerprint: key.fingerprint });
    const sig = Buffer.from((await zip.file('manifest.sig')!.async('string')).trim(), 'base64');
    expect(crypto.verify(null, manifestBytes, crypto.createPublicKey(key.publicKey), sig)).toBe(true);
    expect(key.fingerprint).toBe(
      sha256(Buffer.from(crypto.createPublicKey(key.publicKey).export({ format: 'jwk' }).x!, 'base64url'))
        .match(/.{4}/g)!
        .join(':'),
    );
  });

  it('an untouched package: authentic with the right key, refused with another, and plain about what it proves without one', async () => {
    const unchecked = await verdict(pkg);
    expect(unchecked.result).toBe('unauthenticated');
    expect(unchecked.text).toContain(
      `SIGNATURE VALID for key ${key.fingerprint}, but this key was not checked against a trusted one: this proves the package was not changed after it was signed by whoever holds that key`,
    );
    expect(unchecked.text).not.toMatch(/^VERIFIED/m);

    const right = await verdict(pkg, { key: key.fingerprint.replace(/:/g, '').toUpperCase() });
    expect(right.result).toBe('verified');
    expect(right.text).toMatch(/^VERIFIED: authentic/m);

    const keyFile = write('public.pem', Buffer.from(key.publicKey));
    expect((await verdict(pkg, { keyFile })).result).toBe('verified');

    const other = generateInstanceKey();
    const wrong = await verdict(pkg, { key: other.fingerprint });
    expect(wrong.result).toBe('failed');
    expect(wrong.text).toContain(
      `signed by key ${key.fingerprint}, which is not the trusted key: ${other.fingerprint}`,
    );
    expect(wrong.text).toMatch(/^NOT VERIFIED/m);
  });

  it('the forged package of the review fails, signed or re-signed', async () => {
    const forged = await forge();
    const report = await verifyPackage(forged);
    // every hash in it is consistent: only the signature tells
    expect(report.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['signature']);
    const plain = await verdict(forged);
    expect(plain.result).toBe('failed');
    expect(plain.text).toMatch(/FAIL +signature[\s\S]*the manifest was changed after it was signed[\s\S]*NOT VERIFIED/);
    expect((await verdict(forged, { key: key.fingerprint })).result).toBe('failed');

    // re-signed by the forger's own key: consistent, but not the trusted key
    const resigned = await forge({ resignWith: generateInstanceKey() });
    expect((await verdict(resigned)).result).toBe('unauthenticated');
    expect((await verdict(resigned, { key: key.fingerprint })).result).toBe('failed');

    // a signature stripped away
    const zip = await JSZip.loadAsync(pkg);
    zip.remove('manifest.sig');
    const stripped = await verdict(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(stripped.result).toBe('failed');
    expect(stripped.text).toContain('manifest.sig is missing');
  });

  it('--instance fetches the live public key and compares', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/v1/instance/signing-key' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      algorithm: 'Ed25519',
      fingerprint: key.fingerprint,
      publicKey: key.publicKey,
      formerKeys: [],
    });

    await env.app.listen({ port: 0, host: '127.0.0.1' });
    const address = env.app.server.address() as { port: number };
    const instance = `http://127.0.0.1:${address.port}`;
    const live = await verdict(pkg, { instance });
    expect(live.result).toBe('verified');
    expect(live.text).toContain(`matches the current key of ${instance}`);
    expect((await verdict(await forge({ resignWith: generateInstanceKey() }), { instance })).result).toBe('failed');
    await expect(verdict(pkg, { instance: 'http://127.0.0.1:1' })).rejects.toThrow(/Cannot read the signing key/);

    // a key the instance's database lists as a former one is named, not trusted (the database is what a forger may hold)
    const former = generateInstanceKey();
    await rememberSigningKey(env.handle.db, former);
    const byFormer = await verdict(await forge({ resignWith: former }), { instance });
    expect(byFormer.result).toBe('failed');
    expect(byFormer.text).toMatch(/it is a former key of .*not trusted: compare it with your records and use --key/);
  });

  it.runIf(kind === 'sqlite')(
    'the command exits 0 when authentic, 3 when the key was not checked, 1 when forged',
    async () => {
      const run = promisify(execFile);
      const cli = (...args: string[]) =>
        run('node', [path.resolve('bin/rampart.mjs'), 'verify-package', ...args], { timeout: 60_000 }).then(
          (r) => ({ code: 0, stdout: r.stdout }),
          (e: { code: number; stdout: string }) => e,
        );
      const good = write('good.zip', pkg);
      expect(await cli(good, '--key', key.fingerprint)).toMatchObject({
        code: 0,
        stdout: expect.stringContaining('VERIFIED: authentic'),
      });
      expect(await cli(good)).toMatchObject({ code: 3, stdout: expect.stringContaining('NOT AUTHENTICATED') });
      expect(await cli(write('forged.zip', await forge()))).toMatchObject({
        code: 1,
        stdout: expect.stringContaining('NOT VERIFIED'),
      });
    },
  );
});
