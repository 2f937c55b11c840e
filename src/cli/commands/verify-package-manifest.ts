import { z } from 'zod';

/**
 * The manifests `rampart verify-package` reads: the evidence package (documents and their versions) and the
 * certification pack (items, each with the version in force). Both list their files and are signed alike
 * (core/signing/signed-package.ts).
 */

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const common = {
  organization: z.object({ slug: z.string(), name: z.string() }),
  generatedAt: z.string(),
  generatedBy: z.string(),
  auditHead: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  files: z.array(z.object({ path: z.string(), sha256: hex64, size: z.number().int().nonnegative() })),
  // optional here so that an unsigned package is reported as such by the signature check, not as unreadable
  signedBy: z.object({ algorithm: z.literal('Ed25519'), publicKey: z.string(), fingerprint: z.string() }).optional(),
};

const evidenceManifest = z.object({
  format: z.literal('rampart-evidence-package/1'),
  ...common,
  documents: z.array(
    z.object({
      ref: z.string(),
      title: z.string(),
      versions: z.array(
        z.object({ versionNo: z.number().int(), state: z.string(), contentHash: hex64, approvals: z.number().int() }),
      ),
    }),
  ),
});

const packManifest = z.object({
  format: z.literal('rampart-certification-pack/1'),
  ...common,
  asOf: z.string(),
  items: z.array(
    z.object({
      key: z.string(),
      clause: z.string(),
      status: z.string(),
      ref: z.string().nullable(),
      dir: z.string().nullable(),
      versionNo: z.number().int().nullable(),
      contentHash: hex64.nullable(),
      approvals: z.number().int().nullable(),
    }),
  ),
});

export const manifestSchema = z.discriminatedUnion('format', [evidenceManifest, packManifest]);
export type PackageManifest = z.infer<typeof manifestSchema>;
export const PACKAGE_FORMATS = ['rampart-evidence-package/1', 'rampart-certification-pack/1'] as const;

/** A version the package holds: its folder (content.json, approvals.json), its content hash, its approvals. */
export interface PackagedVersion {
  dir: string;
  contentHash: string;
  approvals: number;
}

export function packagedVersions(m: PackageManifest): PackagedVersion[] {
  if (m.format === 'rampart-evidence-package/1')
    return m.documents.flatMap((doc) =>
      doc.versions.map((v) => ({
        dir: `${doc.ref.replace(/[^A-Za-z0-9._-]/g, '_')}/v${v.versionNo}`,
        contentHash: v.contentHash,
        approvals: v.approvals,
      })),
    );
  // an item that says it is included must name its version: otherwise it escapes the content check
  return m.items.flatMap((i) =>
    i.status === 'included' || i.contentHash !== null
      ? [{ dir: i.dir ?? `${i.key}: no folder`, contentHash: i.contentHash ?? '', approvals: i.approvals ?? -1 }]
      : [],
  );
}
