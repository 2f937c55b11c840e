import crypto from 'node:crypto';
import JSZip from 'jszip';
import { chainKeyFor } from '../audit/audit-hash.js';
import type { OrgContext } from '../context.js';
import type { InstanceKey, PublicKeyInfo } from './instance-key.js';

/**
 * A signed package (the evidence package, the certification pack): a ZIP whose manifest.json lists every file with
 * its SHA-256 and size and the organization's audit-trail head, and whose manifest.sig is the instance key's
 * Ed25519 signature of the manifest's exact bytes. `rampart verify-package` checks both formats offline.
 */

export interface PackageFile {
  path: string;
  data: Buffer;
}

/** The files of a package, in the order they are added. */
export class PackageFiles {
  readonly list: PackageFile[] = [];
  add(path: string, data: Buffer | string) {
    this.list.push({ path, data: typeof data === 'string' ? Buffer.from(data, 'utf8') : data });
  }
}

export const sha256Of = (data: Buffer | string) => crypto.createHash('sha256').update(data).digest('hex');
export const packageJson = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export type SignedManifest<F extends string, B extends object> = {
  format: F;
  organization: { slug: string; name: string };
  generatedAt: string;
  generatedBy: string;
  auditHead: { seq: number; hash: string } | null;
} & B & {
    files: { path: string; sha256: string; size: number }[];
    /** the instance key whose signature of these exact bytes is manifest.sig */
    signedBy: PublicKeyInfo;
  };

/** The organization's audit-trail head now (null for an empty trail). */
export async function auditHeadOf(ctx: OrgContext) {
  const head = await ctx.db
    .selectFrom('auditHeads')
    .select(['seq', 'hash'])
    .where('chainKey', '=', chainKeyFor(ctx.org.id))
    .executeTakeFirst();
  return head ? { seq: head.seq, hash: head.hash } : null;
}

/** The manifest (format, organization, audit head, then `body`, then the files), signed, and the ZIP. */
export async function signedPackage<F extends string, B extends object>(
  ctx: OrgContext,
  input: { format: F; generatedAt: string; body: B; files: PackageFiles; signer: InstanceKey },
): Promise<{ zip: Buffer; sha256: string; manifest: SignedManifest<F, B> }> {
  const { files, signer, generatedAt } = input;
  const manifest: SignedManifest<F, B> = {
    format: input.format,
    organization: { slug: ctx.org.slug, name: ctx.org.name },
    generatedAt,
    generatedBy: ctx.actor.label,
    auditHead: await auditHeadOf(ctx),
    ...input.body,
    files: files.list.map((f) => ({ path: f.path, sha256: sha256Of(f.data), size: f.data.length })),
    signedBy: { algorithm: signer.algorithm, publicKey: signer.publicKey, fingerprint: signer.fingerprint },
  };
  // The signature covers the manifest's exact bytes, and the manifest covers every file by its hash.
  const manifestBytes = Buffer.from(packageJson(manifest), 'utf8');
  const zip = new JSZip();
  const date = new Date(generatedAt);
  zip.file('manifest.json', manifestBytes, { date });
  zip.file('manifest.sig', `${signer.sign(manifestBytes)}\n`, { date });
  for (const f of files.list) zip.file(f.path, f.data, { date });
  const body = await zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  });
  return { zip: body, sha256: sha256Of(body), manifest };
}
