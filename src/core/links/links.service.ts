import type { Db } from '../../db/connect.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { newId, nowIso } from '../util/ids.js';
import { assertRecordExists, summarize, type RecordSummary } from './record-types.js';
import { inOrgTransaction } from '../transaction.js';

/** Links between records of any registers, walkable both ways (traceability from context to improvement). */
export async function createLink(ctx: OrgContext, input: LinkInput) {
  refuseOwnedKind(ctx, input, 'created');
  return inOrgTransaction(ctx, (trx) => insertLink(ctx, trx, input));
}

/**
 * A kind of link that a register writes only through its own route (`ownedLinkKinds`: an internal audit's scope,
 * whose route checks the auditors' independence) is refused on the generic routes, naming the route to use.
 */
function refuseOwnedKind(ctx: OrgContext, link: Omit<LinkInput, 'fromId' | 'toId'>, what: 'created' | 'removed') {
  for (const type of [link.fromType, link.toType]) {
    const route = ctx.registers.byEntity(type)?.ownedLinkKinds?.[link.kind];
    if (route) {
      const message = `A ${link.kind} link of ${type} is ${what} through ${route}, which checks it`;
      throw new ConflictError(message, [{ field: 'body.kind', message }]);
    }
  }
}

export interface LinkInput {
  fromType: string;
  fromId: string;
  toType: string;
  toId: string;
  kind: string;
}

/** Links two records of the organization, with its audit event, inside the caller's transaction. */
export async function insertLink(ctx: OrgContext, trx: Db, input: LinkInput) {
  const from = await assertRecordExists(ctx, trx, input.fromType, input.fromId, 'body.fromId');
  const to = await assertRecordExists(ctx, trx, input.toType, input.toId, 'body.toId');
  if (from.id === to.id)
    throw new ConflictError('A record cannot be linked to itself', [{ field: 'body.toId', message: 'Same as fromId' }]);
  const row = { id: newId(), orgId: ctx.org.id, ...input, createdAt: nowIso(), createdBy: ctx.actor.userId };
  const dup = await trx
    .selectFrom('links')
    .select('id')
    .where('orgId', '=', ctx.org.id)
    .where('fromType', '=', input.fromType)
    .where('fromId', '=', input.fromId)
    .where('toType', '=', input.toType)
    .where('toId', '=', input.toId)
    .where('kind', '=', input.kind)
    .executeTakeFirst();
  if (dup) throw new ConflictError(`${from.ref} is already linked to ${to.ref}`);
  try {
    await trx.insertInto('links').values(row).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError(`${from.ref} is already linked to ${to.ref}`);
    throw err;
  }
  await recordAudit(trx, {
    orgId: ctx.org.id,
    actor: ctx.actor,
    ip: ctx.ip,
    entityType: 'link',
    entityId: row.id,
    event: { type: 'link.created', payload: { fromRef: from.ref, toRef: to.ref, kind: input.kind } },
  });
  const { orgId: _o, ...link } = row;
  return { ...link, fromRef: from.ref, toRef: to.ref, fromTitle: from.title, toTitle: to.title };
}

export async function listLinks(ctx: OrgContext, type: string, id: string) {
  const rows = await ctx.db
    .selectFrom('links')
    .select(['id', 'fromType', 'fromId', 'toType', 'toId', 'kind', 'createdAt', 'createdBy'])
    .where('orgId', '=', ctx.org.id)
    .where((eb) =>
      eb.or([
        eb.and([eb('fromType', '=', type), eb('fromId', '=', id)]),
        eb.and([eb('toType', '=', type), eb('toId', '=', id)]),
      ]),
    )
    .orderBy('createdAt')
    .limit(1000)
    .execute();
  const summaries = await summarize(
    ctx,
    rows.flatMap((r) => [
      { type: r.fromType, id: r.fromId },
      { type: r.toType, id: r.toId },
    ]),
  );
  return {
    items: rows
      .filter((r) => !hiddenEnd(ctx, summaries, r.fromType, r.fromId) && !hiddenEnd(ctx, summaries, r.toType, r.toId))
      .map((r) => {
        const from = summaries.get(`${r.fromType}:${r.fromId}`);
        const to = summaries.get(`${r.toType}:${r.toId}`);
        return {
          ...r,
          fromRef: from?.ref ?? null,
          fromTitle: from?.title ?? null,
          toRef: to?.ref ?? null,
          toTitle: to?.title ?? null,
        };
      }),
  };
}

export async function deleteLink(ctx: OrgContext, linkId: string): Promise<void> {
  await inOrgTransaction(ctx, async (trx) => {
    const row = await trx
      .selectFrom('links')
      .selectAll()
      .where('id', '=', linkId)
      .where('orgId', '=', ctx.org.id)
      .executeTakeFirst();
    if (!row) throw new NotFoundError('The link');
    const s = await summarize({ ...ctx, db: trx }, [
      { type: row.fromType, id: row.fromId },
      { type: row.toType, id: row.toId },
    ]);
    // a link to a record the caller may not read is not there for them (as in listLinks)
    if (hiddenEnd(ctx, s, row.fromType, row.fromId) || hiddenEnd(ctx, s, row.toType, row.toId))
      throw new NotFoundError('The link');
    refuseOwnedKind(ctx, row, 'removed');
    await trx.deleteFrom('links').where('id', '=', linkId).where('orgId', '=', ctx.org.id).execute();
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'link',
      entityId: linkId,
      event: {
        type: 'link.deleted',
        payload: {
          fromRef: s.get(`${row.fromType}:${row.fromId}`)?.ref ?? row.fromId,
          toRef: s.get(`${row.toType}:${row.toId}`)?.ref ?? row.toId,
          kind: row.kind,
        },
      },
    });
  });
}

/** A link end the caller may not read: a record of a register with a read scope that `summarize` left out. */
function hiddenEnd(ctx: OrgContext, summaries: Map<string, RecordSummary>, type: string, id: string): boolean {
  return !!ctx.registers.byEntity(type)?.readScope && !summaries.has(`${type}:${id}`);
}
