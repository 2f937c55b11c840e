import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The instance signing key (Ed25519). It signs evidence-package manifests and audit checkpoints. It lives in a
 * file, never in the database: someone who can rewrite the database cannot forge what it signs. Several instances
 * on one PostgreSQL database share the same file.
 */
export interface PublicKeyInfo {
  algorithm: 'Ed25519';
  /** SPKI PEM */
  publicKey: string;
  /** SHA-256 of the raw 32-byte public key, hex, in groups of four */
  fingerprint: string;
}

export interface InstanceKey extends PublicKeyInfo {
  /** base64 Ed25519 signature of the bytes */
  sign(data: Buffer | string): string;
}

export const KEY_FILE_NAME = 'signing-key.pem';

const rawPublicKey = (key: crypto.KeyObject): Buffer => Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url');

/** `ab12:cd34:…`: sixteen groups of four hex digits, easy to read aloud and to compare. */
export function formatFingerprint(hex: string): string {
  return hex.match(/.{1,4}/g)!.join(':');
}

/** Accepts a fingerprint as typed (any case, with or without separators); null when it is not one. */
export function normalizeFingerprint(text: string): string | null {
  const hex = text.toLowerCase().replace(/[^0-9a-f]/g, '');
  return hex.length === 64 ? formatFingerprint(hex) : null;
}

function publicInfo(publicKey: crypto.KeyObject): PublicKeyInfo {
  if (publicKey.asymmetricKeyType !== 'ed25519')
    throw new Error(`The signing key must be Ed25519 (got ${publicKey.asymmetricKeyType ?? 'unknown'})`);
  const digest = crypto.createHash('sha256').update(rawPublicKey(publicKey)).digest('hex');
  return {
    algorithm: 'Ed25519',
    publicKey: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    fingerprint: formatFingerprint(digest),
  };
}

/** The public half of a PEM (public or private key); throws on anything else. */
export function publicKeyFromPem(pem: string): PublicKeyInfo {
  return publicInfo(crypto.createPublicKey(pem));
}

function fromPrivate(privateKey: crypto.KeyObject): InstanceKey {
  return {
    ...publicInfo(crypto.createPublicKey(privateKey)),
    sign: (data) => crypto.sign(null, Buffer.from(data), privateKey).toString('base64'),
  };
}

/** A key held only in memory (tests, and servers built without a key file). */
export function generateInstanceKey(): InstanceKey {
  return fromPrivate(crypto.generateKeyPairSync('ed25519').privateKey);
}

/**
 * Reads the key file, or creates it (mode 0600) when absent. Creation uses an exclusive open, so two instances
 * starting at once end up with the one key the first wrote.
 */
export function loadOrCreateInstanceKey(file: string): InstanceKey {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const pem = crypto.generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    try {
      fs.writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  let key: crypto.KeyObject;
  try {
    key = crypto.createPrivateKey(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(
      `The signing key file ${file} is not a PEM private key (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  return fromPrivate(key);
}

/** Checks a base64 signature of `data` by a public key given as PEM. False for anything malformed. */
export function verifySignature(publicKeyPem: string, data: Buffer | string, signature: string): boolean {
  try {
    const sig = Buffer.from(signature.trim(), 'base64');
    if (sig.length !== 64) return false;
    return crypto.verify(null, Buffer.from(data), crypto.createPublicKey(publicKeyPem), sig);
  } catch {
    return false;
  }
}
