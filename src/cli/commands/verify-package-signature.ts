import { normalizeFingerprint, publicKeyFromPem, verifySignature } from '../../core/signing/instance-key.js';

/**
 * The signature part of verifying an evidence package. Hashes alone prove consistency: whoever changes a file can
 * re-hash the manifest. The signature over manifest.json's exact bytes proves the manifest is the one the key's
 * holder signed; comparing that key with one the reader trusts (a fingerprint, a key file, the live instance)
 * proves who that holder is.
 */
export interface TrustedKey {
  fingerprint: string;
  /** where the reader got it, for the report ("--key", "https://rampart.example.com (current key)") */
  source: string;
  /** named in the report when it signed the package, but not trusted (an instance's former keys) */
  notTrusted?: boolean;
}

export interface SignatureOutcome {
  ok: boolean;
  summary: string;
  problems: string[];
  /** the fingerprint the valid signature was made with, or null */
  signedBy: string | null;
  /** how the signing key was matched: by a trusted key (with its source), not checked, or refused */
  trust: { status: 'trusted'; source: string } | { status: 'unchecked' } | { status: 'untrusted' };
}

export function checkSignature(
  manifestBytes: Buffer,
  sigText: string | null,
  signedBy: { publicKey: string; fingerprint: string } | undefined,
  trusted: TrustedKey[] | undefined,
): SignatureOutcome {
  const refused = (problem: string): SignatureOutcome => ({
    ok: false,
    summary: '',
    problems: [problem],
    signedBy: null,
    trust: { status: 'untrusted' },
  });
  if (!signedBy)
    return refused(
      'the manifest names no signing key: the package is unsigned (made before signing existed, or stripped)',
    );
  if (sigText === null)
    return refused('manifest.sig is missing: nothing proves the manifest is the one that was signed');
  let fingerprint: string;
  try {
    fingerprint = publicKeyFromPem(signedBy.publicKey).fingerprint;
  } catch {
    return refused('the public key in the manifest is not an Ed25519 key');
  }
  if (fingerprint !== normalizeFingerprint(signedBy.fingerprint))
    return refused(`the manifest's fingerprint ${signedBy.fingerprint} is not that of its public key (${fingerprint})`);
  if (!verifySignature(signedBy.publicKey, manifestBytes, sigText)) {
    return refused(
      `manifest.sig is not a valid signature of manifest.json by key ${fingerprint}: the manifest was changed after it was signed`,
    );
  }
  if (!trusted)
    return {
      ok: true,
      summary: `manifest.json is signed by key ${fingerprint}`,
      problems: [],
      signedBy: fingerprint,
      trust: { status: 'unchecked' },
    };
  const match = trusted.find((k) => normalizeFingerprint(k.fingerprint) === fingerprint);
  if (!match || match.notTrusted) {
    const wanted =
      trusted
        .filter((k) => !k.notTrusted)
        .map((k) => `${k.fingerprint} (${k.source})`)
        .join(', ') || 'none';
    const known = match ? `; it is ${match.source}` : '';
    return {
      ok: false,
      summary: '',
      problems: [`signed by key ${fingerprint}, which is not the trusted key: ${wanted}${known}`],
      signedBy: fingerprint,
      trust: { status: 'untrusted' },
    };
  }
  return {
    ok: true,
    summary: `manifest.json is signed by key ${fingerprint}, the trusted key (${match.source})`,
    problems: [],
    signedBy: fingerprint,
    trust: { status: 'trusted', source: match.source },
  };
}
