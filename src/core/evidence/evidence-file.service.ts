import { servedContentType } from '../../schema/evidence/evidence-types.js';
import { recordAuditAlone } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { readableEvidence } from './evidence-access.js';
import { readBlob } from './file-blobs.js';

export interface EvidenceFile {
  fileName: string;
  /** the Content-Type to send: from the allow-list, never one a browser runs */
  contentType: string;
  sha256: string;
  content: Buffer;
}

/**
 * The file of an evidence record of this organization that the caller may read (archived evidence included: it still
 * proves what it proved), checked against its hash. Every download is an audit event: who took which file, when, from where.
 */
export async function downloadEvidenceFile(ctx: OrgContext, id: string): Promise<EvidenceFile> {
  const row = await readableEvidence(
    ctx,
    ctx.db
      .selectFrom('evidence')
      .select(['id', 'ref', 'fileName', 'fileType', 'size', 'sha256'])
      .where('id', '=', id)
      .where('orgId', '=', ctx.org.id),
  ).executeTakeFirst();
  if (!row) throw new NotFoundError('The evidence');
  const content = await readBlob(ctx, row.sha256);
  await recordAuditAlone(ctx.db, {
    orgId: ctx.org.id,
    actor: ctx.actor,
    ip: ctx.ip,
    entityType: 'evidence',
    entityId: row.id,
    event: {
      type: 'evidence.downloaded',
      payload: { ref: row.ref, fileName: row.fileName, sha256: row.sha256, size: row.size },
    },
  });
  return { fileName: row.fileName, contentType: servedContentType(row.fileType), sha256: row.sha256, content };
}
