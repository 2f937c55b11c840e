import crypto from 'node:crypto';
import { canonicalJson } from '../../core/audit/canonical-json.js';
import { manifestSchema, packagedVersions, PACKAGE_FORMATS, type PackageManifest } from './verify-package-manifest.js';
import { checkSignature, type SignatureOutcome, type TrustedKey } from './verify-package-signature.js';
import {
  readZip,
  ZipEntryOverrunError,
  ZipLimitError,
  type ZipEntryRead,
  type ZipLimits,
} from '../../core/util/zip-read.js';

/**
 * Offline verification of an evidence package (core/documents/evidence-package.service.ts) or a certification pack
 * (core/certification/pack-build.service.ts): needs only the ZIP,
 * never a database, so an auditor can run it anywhere. Every problem is reported, not just the first.
 */

export type { PackageManifest };

export interface PackageCheck {
  name: string;
  ok: boolean;
  /** what was checked (when it holds) */
  summary: string;
  /** one line per problem */
  problems: string[];
}

export interface PackageReport {
  ok: boolean;
  manifest: PackageManifest | null;
  checks: PackageCheck[];
  /** the signature's outcome (null when the package could not be read that far) */
  signature: SignatureOutcome | null;
}

const sha256 = (data: Buffer) => crypto.createHash('sha256').update(data).digest('hex');
const fail = (name: string, problem: string): PackageReport => ({
  ok: false,
  manifest: null,
  checks: [{ name, ok: false, summary: '', problems: [problem] }],
  signature: null,
});

function check(name: string, summary: string, problems: string[]): PackageCheck {
  return { name, ok: problems.length === 0, summary, problems };
}

/**
 * What a package may inflate to. Generated packages hold a few files per document version (at most 500 documents);
 * a file that goes beyond is not one Rampart made, and is refused before it can exhaust the machine verifying it.
 * File entries are hashed as they stream; only the JSON files (manifest, content, approvals) are held.
 */
export const PACKAGE_LIMITS: ZipLimits = {
  maxEntries: 50_000,
  maxEntryBytes: 512 * 1024 * 1024,
  maxTotalBytes: 2048 * 1024 * 1024,
  maxRatio: 500,
  maxKeptBytes: 256 * 1024 * 1024,
};

/** `trusted`: the keys the reader trusts (from --key, --key-file, --instance); absent, the key is not checked. */
export async function verifyPackage(data: Buffer, trusted?: TrustedKey[]): Promise<PackageReport> {
  let entries: ZipEntryRead[];
  try {
    entries = await readZip(data, PACKAGE_LIMITS, (name) => name.endsWith('.json') || name === 'manifest.sig');
  } catch (err) {
    // a flipped byte can make an entry inflate past its declared size: that is a damaged file, named as such
    if (err instanceof ZipEntryOverrunError)
      return fail('file hashes', `${err.entryName}: damaged (${err.message}); the package was changed`);
    if (err instanceof ZipLimitError) return fail('archive', `too large to verify: ${err.message}`);
    return fail('archive', `not a readable ZIP archive (${err instanceof Error ? err.message : String(err)})`);
  }
  const zip = new Map(entries.map((e) => [e.name, e]));
  const manifestFile = zip.get('manifest.json');
  if (!manifestFile?.data) return fail('manifest', 'manifest.json is missing');
  let manifest: PackageManifest;
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(manifestFile.data.toString('utf8')));
    if (!parsed.success)
      return fail(
        'manifest',
        `manifest.json is not a ${PACKAGE_FORMATS.join(' or ')} manifest: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    manifest = parsed.data;
  } catch (err) {
    return fail('manifest', `manifest.json cannot be read (${err instanceof Error ? err.message : String(err)})`);
  }

  // Every listed file was read once, as a stream, with its size and SHA-256.
  const contents = new Map<string, Buffer>();
  const fileProblems: string[] = [];
  for (const f of manifest.files) {
    const entry = zip.get(f.path);
    if (!entry) continue;
    if (entry.error) {
      fileProblems.push(`${f.path}: cannot be read (${entry.error})`);
      continue;
    }
    if (entry.data) contents.set(f.path, entry.data);
    if (entry.size !== f.size) fileProblems.push(`${f.path}: size is ${entry.size} bytes, the manifest says ${f.size}`);
    if (entry.sha256 !== f.sha256)
      fileProblems.push(`${f.path}: SHA-256 is ${entry.sha256}, the manifest says ${f.sha256}`);
  }

  const listed = new Set(manifest.files.map((f) => f.path));
  const present = entries.map((e) => e.name);
  const completeness = [
    ...manifest.files
      .filter((f) => !zip.has(f.path))
      .map((f) => `${f.path}: listed in the manifest but missing from the package`),
    ...present
      .filter((p) => p !== 'manifest.json' && p !== 'manifest.sig' && !listed.has(p))
      .map((p) => `${p}: in the package but not in the manifest`),
    ...[...listed]
      .filter((p) => manifest.files.filter((f) => f.path === p).length > 1)
      .map((p) => `${p}: listed more than once`),
    ...[...new Set(present.filter((p, i) => present.indexOf(p) !== i))].map(
      (p) => `${p}: in the package more than once`,
    ),
  ];

  const contentProblems: string[] = [];
  const approvalProblems: string[] = [];
  let versions = 0;
  let approvals = 0;
  for (const v of packagedVersions(manifest)) {
    versions += 1;
    const dir = v.dir;
    const content = contents.get(`${dir}/content.json`);
    if (!content) {
      contentProblems.push(`${dir}/content.json: missing or unreadable`);
    } else {
      try {
        const digest = sha256(Buffer.from(canonicalJson(JSON.parse(content.toString('utf8'))), 'utf8'));
        if (digest !== v.contentHash)
          contentProblems.push(
            `${dir}/content.json: canonical SHA-256 is ${digest}, the version's content hash is ${v.contentHash}`,
          );
      } catch {
        contentProblems.push(`${dir}/content.json: not valid JSON`);
      }
    }
    const raw = contents.get(`${dir}/approvals.json`);
    let signed: { contentHash?: unknown; signer?: unknown }[] = [];
    try {
      signed = raw ? (JSON.parse(raw.toString('utf8')) as typeof signed) : [];
      if (!Array.isArray(signed)) throw new Error('not a list');
    } catch {
      approvalProblems.push(`${dir}/approvals.json: not a list of approvals`);
      signed = [];
    }
    if (!raw) approvalProblems.push(`${dir}/approvals.json: missing or unreadable`);
    if (raw && signed.length !== v.approvals)
      approvalProblems.push(`${dir}/approvals.json: ${signed.length} approvals, the manifest says ${v.approvals}`);
    for (const a of signed) {
      approvals += 1;
      if (a.contentHash !== v.contentHash)
        approvalProblems.push(
          `${dir}/approvals.json: the approval by ${String(a.signer)} signed ${String(a.contentHash)}, not the version's content hash ${v.contentHash}`,
        );
    }
  }

  const sigFile = zip.get('manifest.sig');
  const signature = checkSignature(
    manifestFile.data,
    sigFile ? (sigFile.data?.toString('utf8') ?? '') : null,
    manifest.signedBy,
    trusted,
  );
  const checks = [
    check('signature', signature.summary, signature.problems),
    check('file hashes', `${manifest.files.length} files match their SHA-256 and size`, fileProblems),
    check('completeness', 'no file missing, none added', completeness),
    check('content hashes', `${versions} versions: content.json hashes to the version's content hash`, contentProblems),
    check('approvals', `${approvals} approvals are bound to their version's content hash`, approvalProblems),
  ];
  return { ok: checks.every((c) => c.ok), manifest, checks, signature };
}

/** The report as lines for a terminal. */
export function formatReport(file: string, report: PackageReport): string[] {
  const lines: string[] = [];
  const m = report.manifest;
  if (m) {
    lines.push(
      `${m.format === 'rampart-certification-pack/1' ? `Certification pack as of ${m.asOf}` : 'Package'} ${file}: ${m.organization.name} (${m.organization.slug}), generated ${m.generatedAt} by ${m.generatedBy}`,
    );
    lines.push(
      m.auditHead
        ? `Audit trail head when generated: event ${m.auditHead.seq}, hash ${m.auditHead.hash}`
        : 'Audit trail head when generated: none (empty trail)',
    );
  }
  for (const c of report.checks) {
    lines.push(
      `${c.ok ? 'OK  ' : 'FAIL'}  ${c.name}: ${c.ok ? c.summary : `${c.problems.length} problem${c.problems.length === 1 ? '' : 's'}`}`,
    );
    for (const p of c.problems) lines.push(`        ${p}`);
  }
  const sig = report.signature;
  if (!report.ok) {
    lines.push('NOT VERIFIED: the package is not what was signed, or not signed by the trusted key (see FAIL above).');
  } else if (sig?.trust.status === 'trusted') {
    lines.push(
      `VERIFIED: authentic. Signed by key ${sig.signedBy}, which matches ${sig.trust.source}; every file, content hash and approval holds.`,
    );
  } else {
    lines.push(
      `SIGNATURE VALID for key ${sig?.signedBy}, but this key was not checked against a trusted one: this proves the package was not changed after it was signed by whoever holds that key.`,
      'NOT AUTHENTICATED: to prove it comes from your Rampart, run again with --key <the fingerprint the installation shows> or --instance <its URL>.',
    );
  }
  return lines;
}
