import { EVIDENCE_LINK_KIND } from '../../schema/evidence/evidence.register.js';
import type {
  EvidenceUploadFields,
  EvidenceUploadOutcome,
  EvidenceUploadResult,
} from '../../schema/evidence/evidence.schema.js';
import { extensionOf } from '../../schema/evidence/evidence-types.js';
import type { Db } from '../../db/connect.js';
import type { OrgContext } from '../context.js';
import { ConflictError, ValidationError } from '../errors.js';
import { assertRecordExists } from '../links/record-types.js';
import { insertLink } from '../links/links.service.js';
import { applyUpdate, insertRecord } from '../register/register.service.js';
import { readableEvidence } from './evidence-access.js';
import { detectFileType } from './evidence-file-type.js';
import { evidenceModule } from './evidence.module.js';
import { putBlob } from './file-blobs.js';
import { sanitizeFileName } from './file-name.js';
import { inOrgTransaction } from '../transaction.js';

/** A file as received: its bytes, their SHA-256 (computed while they streamed in) and the name the client gave. */
export interface ReceivedFile {
  content: Buffer;
  sha256: string;
  fileName: string;
}

type Attached = EvidenceUploadOutcome['attachedTo'][number];

/**
 * Files a piece of evidence: the content (stored once per organization), the evidence record, its attachment to a
 * record and, when it replaces older evidence, the older record marked as superseded and its attachments carried
 * over — all in one transaction with their audit events, or nothing at all.
 */
export async function uploadEvidence(
  ctx: OrgContext,
  fields: EvidenceUploadFields,
  file: ReceivedFile,
): Promise<EvidenceUploadResult> {
  if (file.content.length === 0) throw new ValidationError([{ field: 'body.file', message: 'The file is empty' }]);
  if (!!fields.attachToType !== !!fields.attachToId) {
    const missing = fields.attachToType ? 'attachToId' : 'attachToType';
    throw new ValidationError([
      { field: `body.${missing}`, message: 'Give both attachToType and attachToId, or neither' },
    ]);
  }
  // Type detection reads the content (and the inside of ZIP-based documents): done before the write transaction.
  const cleanName = sanitizeFileName(file.fileName);
  const detected = await detectFileType(file.content, cleanName);
  const fileName = !cleanName
    ? `evidence.${detected.extension}`
    : extensionOf(cleanName)
      ? cleanName
      : `${cleanName}.${detected.extension}`;

  return inOrgTransaction(ctx, async (trx) => {
    const older = fields.supersedes ? await supersedable(ctx, trx, fields.supersedes) : null;
    const { reused } = await putBlob(ctx, trx, file);
    const record = await insertRecord(ctx, trx, evidenceModule, {
      title: fields.title,
      description: fields.description ?? null,
      collectedOn: fields.collectedOn ?? null,
      validFrom: fields.validFrom ?? null,
      validUntil: fields.validUntil ?? null,
      ownerId: fields.ownerId ?? null,
      fileName,
      fileType: detected.fileType,
      mediaType: detected.mediaType,
      size: file.content.length,
      sha256: file.sha256,
      supersedesId: older?.id ?? null,
    });
    const id = record.id;
    const attachedTo: Attached[] = [];
    const attach = async (type: string, targetId: string) => {
      if (attachedTo.some((a) => a.type === type && a.id === targetId)) return;
      const link = await insertLink(ctx, trx, {
        fromType: 'evidence',
        fromId: id,
        toType: type,
        toId: targetId,
        kind: EVIDENCE_LINK_KIND,
      });
      attachedTo.push({ type, id: targetId, ref: link.toRef, title: link.toTitle, linkId: link.id });
    };
    if (fields.attachToType && fields.attachToId) {
      await assertRecordExists(ctx, trx, fields.attachToType, fields.attachToId, 'body.attachToId');
      await attach(fields.attachToType, fields.attachToId);
    }
    if (older) {
      await applyUpdate(ctx, trx, evidenceModule, older.id, { supersededById: id });
      for (const target of await attachmentsOf(ctx, trx, older.id))
        if (target.id !== id) await attach(target.type, target.id);
    }
    // only evidence the uploader may read: the same file attached to a hidden record is not revealed
    const sameContent = await readableEvidence(
      ctx,
      trx
        .selectFrom('evidence')
        .select(['id', 'ref', 'title'])
        .where('orgId', '=', ctx.org.id)
        .where('sha256', '=', file.sha256)
        .where('id', '!=', id)
        .where('archivedAt', 'is', null),
    )
      .orderBy('createdAt')
      .limit(20)
      .execute();
    return { ...record, upload: { blobReused: reused, sameContent, attachedTo } };
  });
}

/** The evidence a new file replaces: of this organization, readable by the caller, current, and not replaced already. */
async function supersedable(ctx: OrgContext, trx: Db, id: string) {
  const row = await readableEvidence(
    ctx,
    trx
      .selectFrom('evidence')
      .select(['id', 'ref', 'archivedAt', 'supersededById'])
      .where('id', '=', id)
      .where('orgId', '=', ctx.org.id),
  ).executeTakeFirst();
  if (!row)
    throw new ValidationError([{ field: 'body.supersedes', message: 'No evidence with this id in this organization' }]);
  if (row.archivedAt)
    throw new ConflictError(`${row.ref} is archived and cannot be superseded`, [
      { field: 'body.supersedes', message: 'Archived' },
    ]);
  if (row.supersededById)
    throw new ConflictError(`${row.ref} has already been superseded; supersede the newest evidence instead`, [
      { field: 'body.supersedes', message: 'Already superseded' },
    ]);
  return row;
}

/** The records an evidence is attached to (links of kind `evidence`, either way round). */
export async function attachmentsOf(
  ctx: OrgContext,
  db: Db,
  evidenceId: string,
): Promise<{ type: string; id: string }[]> {
  const rows = await db
    .selectFrom('links')
    .select(['fromType', 'fromId', 'toType', 'toId'])
    .where('orgId', '=', ctx.org.id)
    .where('kind', '=', EVIDENCE_LINK_KIND)
    .where((eb) =>
      eb.or([
        eb.and([eb('fromType', '=', 'evidence'), eb('fromId', '=', evidenceId)]),
        eb.and([eb('toType', '=', 'evidence'), eb('toId', '=', evidenceId)]),
      ]),
    )
    .orderBy('createdAt')
    .execute();
  return rows.map((r) =>
    r.fromType === 'evidence' && r.fromId === evidenceId
      ? { type: r.toType, id: r.toId }
      : { type: r.fromType, id: r.fromId },
  );
}
