import crypto from 'node:crypto';
import type { Db } from '../../db/connect.js';
import type { OrgContext } from '../context.js';
import { DomainError, NotFoundError } from '../errors.js';
import { nowIso } from '../util/ids.js';

export const sha256Of = (content: Buffer): string => crypto.createHash('sha256').update(content).digest('hex');

/**
 * Stores a file's content for the organization unless the same content (same SHA-256) is already there: one row per
 * (organization, hash), whoever uploads it and however often. Inside the caller's transaction. `reused` tells
 * whether the content was already stored.
 */
export async function putBlob(
  ctx: OrgContext,
  trx: Db,
  file: { content: Buffer; sha256: string },
): Promise<{ reused: boolean }> {
  const found = await trx
    .selectFrom('fileBlobs')
    .select('sha256')
    .where('orgId', '=', ctx.org.id)
    .where('sha256', '=', file.sha256)
    .executeTakeFirst();
  if (found) return { reused: true };
  // Two uploads of the same new file at once: the second one's insert does nothing, and both records share the row.
  const result = await trx
    .insertInto('fileBlobs')
    .values({
      orgId: ctx.org.id,
      sha256: file.sha256,
      size: file.content.length,
      content: file.content,
      createdAt: nowIso(),
      createdBy: ctx.actor.userId,
    })
    .onConflict((oc) => oc.columns(['orgId', 'sha256']).doNothing())
    .executeTakeFirst();
  return { reused: Number(result.numInsertedOrUpdatedRows ?? 0n) === 0 };
}

/**
 * A stored file of the organization, checked against its hash before it is handed out: content that does not
 * match (a damaged disk, a hand-edited database) is refused rather than served as evidence.
 */
export async function readBlob(ctx: OrgContext, sha256: string): Promise<Buffer> {
  const row = await ctx.db
    .selectFrom('fileBlobs')
    .select('content')
    .where('orgId', '=', ctx.org.id)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('The file');
  const content = Buffer.isBuffer(row.content) ? row.content : Buffer.from(row.content);
  if (sha256Of(content) !== sha256)
    throw new DomainError(
      'integrity',
      500,
      'The stored file no longer matches its SHA-256 and is not served; restore it from a backup',
    );
  return content;
}
