import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { normalizeFingerprint, publicKeyFromPem } from '../../core/signing/instance-key.js';
import { signingKeySchema } from '../../schema/audit/signing-key.js';
import { CliError } from '../io.js';
import { formatReport, verifyPackage } from './verify-package-check.js';
import type { TrustedKey } from './verify-package-signature.js';

/** verified: authentic (signed by a trusted key); unauthenticated: intact, but the key was not checked; failed. */
export type PackageVerdict = 'verified' | 'unauthenticated' | 'failed';
export const EXIT_CODES: Record<PackageVerdict, number> = { verified: 0, failed: 1, unauthenticated: 3 };

export interface TrustOptions {
  key?: string;
  keyFile?: string;
  instance?: string;
}

/** The keys the reader trusts, from a fingerprint, a PEM file, or the live instance's published key. */
export async function trustedKeys(opts: TrustOptions): Promise<TrustedKey[] | undefined> {
  const keys: TrustedKey[] = [];
  if (opts.key !== undefined) {
    const fp = normalizeFingerprint(opts.key);
    if (!fp)
      throw new CliError(`--key must be a key fingerprint (64 hex digits, separators allowed), got "${opts.key}"`);
    keys.push({ fingerprint: fp, source: 'the fingerprint given with --key' });
  }
  if (opts.keyFile !== undefined) {
    let pem: string;
    try {
      pem = await fs.readFile(opts.keyFile, 'utf8');
      keys.push({ fingerprint: publicKeyFromPem(pem).fingerprint, source: `the key in ${opts.keyFile}` });
    } catch (err) {
      throw new CliError(
        `--key-file ${opts.keyFile}: not a readable Ed25519 PEM key (${err instanceof Error ? err.message : String(err)})`,
      );
    }
  }
  if (opts.instance !== undefined) keys.push(...(await instanceKeys(opts.instance)));
  return keys.length ? keys : undefined;
}

async function instanceKeys(base: string): Promise<TrustedKey[]> {
  let url: URL;
  try {
    url = new URL('/api/v1/instance/signing-key', base);
  } catch {
    throw new CliError(`--instance must be the installation's URL (https://…), got "${base}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new CliError(`--instance must be an http(s) URL, got "${base}"`);
  let body: unknown;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(60_000), headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    body = await res.json();
  } catch (err) {
    throw new CliError(
      `Cannot read the signing key of ${url.origin}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const parsed = signingKeySchema.safeParse(body);
  if (!parsed.success) throw new CliError(`${url.href} did not answer with a Rampart signing key`);
  const where = url.origin;
  return [
    { fingerprint: parsed.data.fingerprint, source: `the current key of ${where}` },
    // Former keys come from the instance's database, which is what a forger might control: they are named in the
    // report, never trusted. A package signed before a key change verifies with --key <the former fingerprint>.
    ...parsed.data.formerKeys.map((k) => ({
      fingerprint: k.fingerprint,
      source: `a former key of ${where} (first used ${k.firstUsedAt}; listed by its database, so not trusted: compare it with your records and use --key)`,
      notTrusted: true,
    })),
  ];
}

/** Checks a package file and prints the report. No database is opened. */
export async function runVerifyPackage(
  file: string,
  print: (line: string) => void = console.log,
  trust: TrustOptions = {},
): Promise<PackageVerdict> {
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch (err) {
    throw new CliError(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const report = await verifyPackage(data, await trustedKeys(trust));
  for (const line of formatReport(file, report)) print(line);
  if (!report.ok) return 'failed';
  return report.signature?.trust.status === 'trusted' ? 'verified' : 'unauthenticated';
}

export function verifyPackageCommand(program: Command) {
  program
    .command('verify-package')
    .argument(
      '<zip>',
      'an evidence package (Documents → Evidence package) or a certification pack exported from Rampart',
    )
    .option(
      '--key <fingerprint>',
      "the fingerprint of the installation's signing key you trust (shown by `rampart key show` and the Audit trail page)",
    )
    .option('--key-file <pem>', 'a PEM file with the public signing key you trust')
    .option('--instance <url>', "fetch the live installation's public key from this URL and compare")
    .description(
      'Verify an evidence package or a certification pack: the signature of its manifest, file hashes and sizes, no file missing or added, content and approval hashes. ' +
        'Exit 0: VERIFIED (authentic, signed by the trusted key); 3: intact and validly signed, but the key was not checked (no --key, --key-file or --instance); 1: NOT VERIFIED',
    )
    .action(async (file: string, opts: TrustOptions) => {
      process.exitCode = EXIT_CODES[await runVerifyPackage(file, console.log, opts)];
    });
}
