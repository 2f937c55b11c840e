import { recordAuditAlone } from '../audit/audit.service.js';
import { canonicalJson } from '../audit/canonical-json.js';
import type { OrgContext } from '../context.js';
import { ValidationError } from '../errors.js';
import type { InstanceKey } from '../signing/instance-key.js';
import { PackageFiles, signedPackage, type SignedManifest } from '../signing/signed-package.js';
import { nowIso } from '../util/ids.js';
import { readableDocuments } from './document-access.js';
import {
  EVIDENCE_PACKAGE_FORMAT,
  acknowledgementsOf,
  contentMarkdown,
  json,
  publicationsOf,
  readme,
  type PackagedDocument,
} from './evidence-package-files.js';
import { documentVersions } from './document-queries.js';

/** Rendering a PDF per version is the cost; beyond this many documents the caller names a subset. */
export const MAX_PACKAGE_DOCUMENTS = 500;

export type PackageManifest = SignedManifest<
  typeof EVIDENCE_PACKAGE_FORMAT,
  {
    documents: {
      ref: string;
      title: string;
      versions: { versionNo: number; state: string; contentHash: string; approvals: number }[];
    }[];
  }
>;

/** Core does not render files (reports depend on core); the caller hands in the PDF of a version, and the key. */
export interface PackageRenderers {
  versionPdf(ctx: OrgContext, documentId: string, versionNo: number): Promise<Buffer>;
  signer: InstanceKey;
}

const safeName = (ref: string) => ref.replace(/[^A-Za-z0-9._-]/g, '_');

/** The documents the caller may read: the ones named (archived too, when named), or every current one. */
async function selectDocuments(ctx: OrgContext, documentIds: string[] | undefined): Promise<PackagedDocument[]> {
  let q = readableDocuments(
    ctx,
    ctx.db
      .selectFrom('documents')
      .select(['id', 'ref', 'title', 'type', 'isSecurityPolicy'])
      .where('orgId', '=', ctx.org.id),
  );
  const ids = documentIds ? [...new Set(documentIds)] : undefined;
  q = ids ? q.where('id', 'in', ids.length ? ids : ['']) : q.where('archivedAt', 'is', null);
  const rows = await q.limit(MAX_PACKAGE_DOCUMENTS + 1).execute();
  if (rows.length > MAX_PACKAGE_DOCUMENTS) {
    throw new ValidationError([
      {
        field: 'body.documentIds',
        message: `The register holds more than ${MAX_PACKAGE_DOCUMENTS} documents; name at most ${MAX_PACKAGE_DOCUMENTS} per package`,
      },
    ]);
  }
  if (ids) {
    // An unreadable document is answered like a missing one, so the package discloses nothing about it.
    const found = new Set(rows.map((r) => r.id));
    const errors = (documentIds ?? []).flatMap((id, i) =>
      found.has(id) ? [] : [{ field: `body.documentIds.${i}`, message: 'No document you may read has this id' }],
    );
    if (errors.length) throw new ValidationError(errors);
  }
  const docs = rows.map((r) => ({
    id: r.id,
    ref: r.ref,
    title: r.title,
    type: r.type,
    isSecurityPolicy: r.isSecurityPolicy === 1,
  }));
  return docs.sort((a, b) => a.ref.length - b.ref.length || a.ref.localeCompare(b.ref));
}

/** Approved and superseded versions only: drafts are not evidence, disposed ones have no text left. */
async function versionsOf(ctx: OrgContext, documentId: string) {
  return documentVersions(ctx, ctx.db, documentId)
    .select(['id', 'versionNo', 'state', 'content', 'contentHash'])
    .where('state', 'in', ['approved', 'superseded'])
    .orderBy('versionNo')
    .execute();
}

/** Each approval of a version, as approvals.json holds it (also the certification pack's). */
export async function approvalsOf(ctx: OrgContext, versionId: string) {
  const rows = await ctx.db
    .selectFrom('approvals')
    .select(['signerName', 'signerEmail', 'signerRole', 'meaning', 'comment', 'signedAt', 'contentHash'])
    .where('orgId', '=', ctx.org.id)
    .where('versionId', '=', versionId)
    .orderBy('signedAt')
    .execute();
  return rows.map((a) => ({
    signer: a.signerName,
    email: a.signerEmail,
    role: a.signerRole,
    meaning: a.meaning,
    comment: a.comment,
    signedAt: a.signedAt,
    contentHash: a.contentHash,
  }));
}

/**
 * An evidence package (27001 7.5.3; issue "integrity an auditor can verify"): a ZIP with each approved version of
 * the chosen documents as PDF and as its hashed source, its approvals, publications and acknowledgements, a
 * manifest of SHA-256 hashes and the audit trail's head. Audited with the ZIP's own hash.
 */
export async function buildEvidencePackage(
  ctx: OrgContext,
  input: { documentIds?: string[] },
  deps: PackageRenderers,
): Promise<{ zip: Buffer; sha256: string; filename: string; manifest: PackageManifest }> {
  const docs = await selectDocuments(ctx, input.documentIds);
  const generatedAt = nowIso();
  const files = new PackageFiles();
  const add = (path: string, data: Buffer | string) => files.add(path, data);
  const documents: PackageManifest['documents'] = [];

  for (const doc of docs) {
    const dir = safeName(doc.ref);
    const versions: PackageManifest['documents'][number]['versions'] = [];
    for (const v of await versionsOf(ctx, doc.id)) {
      const content =
        typeof v.content === 'string'
          ? (JSON.parse(v.content) as Record<string, unknown>)
          : (v.content as Record<string, unknown>);
      const approvals = await approvalsOf(ctx, v.id);
      const base = `${dir}/v${v.versionNo}`;
      add(`${base}/document.pdf`, await deps.versionPdf(ctx, doc.id, v.versionNo));
      add(`${base}/content.json`, canonicalJson(content)); // what was hashed and signed, byte for byte
      add(`${base}/content.md`, contentMarkdown(doc, v, content));
      add(`${base}/approvals.json`, json(approvals));
      versions.push({
        versionNo: v.versionNo,
        state: v.state,
        contentHash: v.contentHash,
        approvals: approvals.length,
      });
    }
    const publications = await publicationsOf(ctx, doc.id);
    if (publications.length) add(`${dir}/publications.json`, json(publications));
    const acknowledgements = await acknowledgementsOf(ctx, doc.id);
    if (acknowledgements.length) add(`${dir}/acknowledgements.json`, json(acknowledgements));
    documents.push({ ref: doc.ref, title: doc.title, versions });
  }
  files.add('README.txt', readme(ctx.org.name, generatedAt));

  const {
    zip,
    sha256: digest,
    manifest,
  } = await signedPackage(ctx, {
    format: EVIDENCE_PACKAGE_FORMAT,
    generatedAt,
    body: { documents },
    files,
    signer: deps.signer,
  });
  await recordAuditAlone(ctx.db, {
    orgId: ctx.org.id,
    actor: ctx.actor,
    ip: ctx.ip,
    // about many documents, none in particular (the refs are in the payload): listed like an organization event
    event: {
      type: 'document.evidence_package',
      payload: { documents: docs.map((d) => d.ref), sha256: digest, auditHead: manifest.auditHead?.hash ?? null },
    },
  });
  const stamp = generatedAt.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return { zip, sha256: digest, filename: `${ctx.org.slug}-evidence-package-${stamp}.zip`, manifest };
}
