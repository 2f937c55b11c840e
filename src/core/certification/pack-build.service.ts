import { recordAuditAlone } from '../audit/audit.service.js';
import { canonicalJson } from '../audit/canonical-json.js';
import type { OrgContext } from '../context.js';
import { DomainError } from '../errors.js';
import { approvalsOf } from '../documents/evidence-package.service.js';
import type { ExportTable } from '../register/register-export.js';
import type { InstanceKey } from '../signing/instance-key.js';
import { PackageFiles, packageJson, signedPackage, type SignedManifest } from '../signing/signed-package.js';
import { nowIso } from '../util/ids.js';
import type { VersionedModule } from '../versioning/versioned-module.js';
import type { PackIndex } from '../../schema/certification/certification-pack.schema.js';
import { endOfDay, GENERATED_FILES, resolvePack, type ResolvedPackItem } from './pack-index.service.js';
import { resultsExportTable } from '../measurement/measure-results-export.js';
import { reportRange } from '../measurement/report-range.js';
import { nonconformitiesTable } from './pack-tables.js';
import { packReadme } from './pack-readme.js';

export const CERTIFICATION_PACK_FORMAT = 'rampart-certification-pack/1';

/** What the manifest says of each index item; `dir` holds content.json and approvals.json of an included version. */
export interface PackManifestItem {
  key: string;
  clause: string;
  status: string;
  ref: string | null;
  dir: string | null;
  versionNo: number | null;
  contentHash: string | null;
  approvals: number | null;
}

export type CertificationPackManifest = SignedManifest<
  typeof CERTIFICATION_PACK_FORMAT,
  { asOf: string; items: PackManifestItem[] }
>;

/** Core does not render files (reports depend on core): the caller hands in the renderers and the key. */
export interface PackRenderers {
  versionPdf(ctx: OrgContext, vm: VersionedModule, recordId: string, versionNo: number): Promise<Buffer>;
  /** the 9.1 measurement report as a PDF over [from, to] */
  measurementPdf(ctx: OrgContext, from: string, to: string): Promise<Buffer>;
  xlsx(ctx: OrgContext, table: ExportTable): Promise<Buffer>;
  indexPdf(index: PackIndex): Promise<Buffer>;
  signer: InstanceKey;
}

/**
 * A rendered file of one item, or, when its document is too large to lay out here (the worker's memory or time ran
 * out), nothing: the pack is still built, the item keeps its other files, and its index entry says what is missing
 * and where to get it. Any other failure fails the pack.
 */
async function rendered(r: ResolvedPackItem, file: string, render: () => Promise<Buffer>, files: PackageFiles) {
  try {
    files.add(file, await render());
  } catch (err) {
    if (!(err instanceof DomainError && err.problem === 'too-large-to-render')) throw err;
    r.item.files = r.item.files.filter((f) => f !== file);
    const missing = `${file.slice(file.lastIndexOf('/') + 1)} is not in the pack: it was too large to lay out here (export it from its page as DOCX or XLSX, which hold the same content)`;
    r.item.note = r.item.note ? `${r.item.note}. ${missing}` : missing;
  }
}

async function addVersioned(ctx: OrgContext, r: ResolvedPackItem, files: PackageFiles, deps: PackRenderers) {
  const v = r.versioned!;
  const row = await ctx.db
    .selectFrom('recordVersions')
    .select(['content'])
    .where('orgId', '=', ctx.org.id)
    .where('id', '=', v.versionId)
    .executeTakeFirstOrThrow();
  const approvals = await approvalsOf(ctx, v.versionId);
  // One PDF at a time: each is laid out in the worker pool, whose limits bound its memory and time.
  await rendered(r, `${r.dir}/document.pdf`, () => deps.versionPdf(ctx, v.vm, v.recordId, v.versionNo), files);
  // what was hashed and signed, byte for byte
  files.add(`${r.dir}/content.json`, canonicalJson(JSON.parse(row.content) as unknown));
  files.add(`${r.dir}/approvals.json`, packageJson(approvals));
  return approvals.length;
}

async function addGenerated(
  ctx: OrgContext,
  r: ResolvedPackItem,
  date: string,
  files: PackageFiles,
  deps: PackRenderers,
) {
  const at = (name: string) => `${r.dir}/${name}`;
  if (r.generator === 'nonconformities') {
    files.add(
      at(GENERATED_FILES.nonconformities[0]),
      await deps.xlsx(ctx, await nonconformitiesTable(ctx, endOfDay(date))),
    );
    return;
  }
  const { from } = reportRange({ to: date }, date);
  await rendered(r, at(GENERATED_FILES.measurement[0]), () => deps.measurementPdf(ctx, from, date), files);
  files.add(
    at(GENERATED_FILES.measurement[1]),
    await deps.xlsx(ctx, await resultsExportTable(ctx, { from, to: date })),
  );
}

/**
 * The certification pack as of `date`: per included item the version in force (PDF, canonical content, approvals),
 * the generated registers and reports, index.json and index.pdf, README.txt, the signed manifest. Audited with the
 * ZIP's hash. Bounded: one version per record, at most MAX_RECORDS_PER_ITEM records per requirement, PDFs rendered
 * one after the other in the worker pool.
 */
export async function buildCertificationPack(
  ctx: OrgContext,
  modules: readonly VersionedModule[],
  date: string,
  deps: PackRenderers,
): Promise<{ zip: Buffer; sha256: string; filename: string; manifest: CertificationPackManifest }> {
  const { index, items } = await resolvePack(ctx, modules, date);
  const files = new PackageFiles();
  const manifestItems: PackManifestItem[] = [];
  for (const r of items) {
    let approvals: number | null = null;
    if (r.versioned) approvals = await addVersioned(ctx, r, files, deps);
    else if (r.generator) await addGenerated(ctx, r, date, files, deps);
    manifestItems.push({
      key: r.item.key,
      clause: r.item.clause,
      status: r.item.status,
      ref: r.item.record?.ref ?? null,
      dir: r.versioned ? r.dir : null,
      versionNo: r.item.version?.versionNo ?? null,
      contentHash: r.item.version?.contentHash ?? null,
      approvals,
    });
  }
  files.add('index.json', packageJson(index));
  files.add('index.pdf', await deps.indexPdf(index));
  const generatedAt = nowIso();
  files.add('README.txt', packReadme(ctx.org.name, date, generatedAt));
  const { zip, sha256, manifest } = await signedPackage(ctx, {
    format: CERTIFICATION_PACK_FORMAT,
    generatedAt,
    body: { asOf: date, items: manifestItems },
    files,
    signer: deps.signer,
  });
  await recordAuditAlone(ctx.db, {
    orgId: ctx.org.id,
    actor: ctx.actor,
    ip: ctx.ip,
    event: {
      type: 'certification.pack_built',
      payload: {
        asOf: date,
        sha256,
        auditHead: manifest.auditHead?.hash ?? null,
        items: manifestItems.flatMap((i) => (i.versionNo ? [`${i.key} ${i.ref ?? ''} v${i.versionNo}`] : [])),
      },
    },
  });
  return { zip, sha256, filename: `${ctx.org.slug}-certification-pack-${date}.zip`, manifest };
}
