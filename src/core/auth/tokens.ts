import type { Db } from '../../db/connect.js';
import { can } from '../../schema/auth/permissions.js';
import type { PageQuery } from '../../schema/common/primitives.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { newId, nowIso, randomSecret, sha256Hex } from '../util/ids.js';
import { inOrgTransaction } from '../transaction.js';
import { orgLookupFrom, type OrgLookup } from '../orgs/org-lookup.js';

export const TOKEN_PREFIX = 'rpt_';

export interface ResolvedToken {
  tokenId: string;
  orgId: string;
  prefix: string;
  user: { id: string; email: string; name: string; isSuperadmin: boolean };
  /** the organization the request names and the caller's role there, when `resolveToken` was given its slug */
  orgLookup?: OrgLookup | undefined;
}

/**
 * Creates a token for `ownerUserId` (by default the acting person). A token never mints tokens: it acts with its
 * owner's current role in the organization, and only a signed-in person or the CLI creates one.
 */
export async function createToken(
  ctx: OrgContext,
  input: { name: string; expiresAt?: string },
  ownerUserId = ctx.actor.userId,
) {
  if (ctx.actor.kind === 'token' || ctx.actor.kind === 'anonymous' || !ownerUserId)
    throw new ForbiddenError('API tokens can only be created by a signed-in person');
  return inOrgTransaction(ctx, async (trx) => {
    const issued = await insertToken(ctx, trx, input, ownerUserId);
    const { name, prefix, expiresAt } = issued;
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'api_token',
      entityId: issued.id,
      event: { type: 'token.created', payload: { name, prefix, expiresAt } },
    });
    return issued;
  });
}

/**
 * Stores a new token for `ownerUserId` in the caller's transaction (whose audit event says who issued it for whom)
 * and answers with its secret, which is shown this once: only its hash is kept.
 */
export async function insertToken(
  ctx: OrgContext,
  trx: Db,
  input: { name: string; expiresAt?: string | undefined },
  ownerUserId: string,
) {
  const expiresAt = input.expiresAt ? `${input.expiresAt}T23:59:59.999Z` : null;
  if (expiresAt && expiresAt <= nowIso())
    throw new ValidationError([{ field: 'body.expiresAt', message: 'Must be a future date' }]);
  const secret = randomSecret();
  const token = `${TOKEN_PREFIX}${secret}`;
  const row = {
    id: newId(),
    orgId: ctx.org.id,
    userId: ownerUserId,
    name: input.name,
    prefix: `${TOKEN_PREFIX}${secret.slice(0, 6)}`,
    tokenHash: sha256Hex(token),
    createdAt: nowIso(),
    expiresAt,
    lastUsedAt: null,
    revokedAt: null,
  };
  await trx.insertInto('apiTokens').values(row).execute();
  const { tokenHash: _omit, orgId: _org, ...meta } = row;
  return { token, ...meta };
}

export async function listTokens(ctx: OrgContext, { page, pageSize }: PageQuery) {
  let base = ctx.db
    .selectFrom('apiTokens')
    .innerJoin('users', 'users.id', 'apiTokens.userId')
    .where('apiTokens.orgId', '=', ctx.org.id);
  if (!can(ctx.role, 'tokens.manageAll')) base = base.where('apiTokens.userId', '=', ctx.actor.userId ?? '');
  const items = await base
    .select([
      'apiTokens.id',
      'apiTokens.name',
      'apiTokens.prefix',
      'apiTokens.userId',
      'users.name as userName',
      'users.kind as userKind',
      'apiTokens.createdAt',
      'apiTokens.expiresAt',
      'apiTokens.lastUsedAt',
      'apiTokens.revokedAt',
    ])
    .orderBy('apiTokens.createdAt', 'desc')
    .orderBy('apiTokens.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return {
    items: items.map((t) => ({
      ...t,
      userKind: t.userKind === 'automation' ? ('automation' as const) : ('person' as const),
    })),
    page,
    pageSize,
    total: Number(count.n),
  };
}

export async function revokeToken(ctx: OrgContext, tokenId: string): Promise<void> {
  await inOrgTransaction(ctx, async (trx) => {
    const row = await trx
      .selectFrom('apiTokens')
      .selectAll()
      .where('id', '=', tokenId)
      .where('orgId', '=', ctx.org.id)
      .executeTakeFirst();
    const mayRevoke = row && (row.userId === ctx.actor.userId || can(ctx.role, 'tokens.manageAll'));
    if (!row || !mayRevoke) throw new NotFoundError('The API token');
    if (row.revokedAt) return;
    await trx.updateTable('apiTokens').set({ revokedAt: nowIso() }).where('id', '=', row.id).execute();
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'api_token',
      entityId: row.id,
      event: { type: 'token.revoked', payload: { name: row.name, prefix: row.prefix } },
    });
  });
}

/** The live token behind a bearer secret: not revoked, not expired. */
export async function resolveToken(db: Db, token: string, orgSlug?: string): Promise<ResolvedToken | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const row = await db
    .selectFrom('apiTokens')
    .innerJoin('users', 'users.id', 'apiTokens.userId')
    // the organization the request names, and the caller's membership there, in the same statement
    .leftJoin('organizations', (j) => j.on('organizations.slug', '=', orgSlug ?? ''))
    .leftJoin('memberships', (j) =>
      j.onRef('memberships.orgId', '=', 'organizations.id').onRef('memberships.userId', '=', 'users.id'),
    )
    .select([
      'organizations.id as lookupOrgId',
      'organizations.slug as lookupOrgSlug',
      'organizations.name as lookupOrgName',
      'memberships.role as lookupRole',
      'apiTokens.id',
      'apiTokens.orgId',
      'apiTokens.prefix',
      'apiTokens.expiresAt',
      'apiTokens.revokedAt',
      'apiTokens.lastUsedAt',
      'users.id as userId',
      'users.email',
      'users.name',
      'users.isSuperadmin',
    ])
    .where('apiTokens.tokenHash', '=', sha256Hex(token))
    .executeTakeFirst();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= nowIso())) return null;
  // Record use at most once a minute per token.
  if (!row.lastUsedAt || Date.now() - Date.parse(row.lastUsedAt) > 60_000) {
    await db.updateTable('apiTokens').set({ lastUsedAt: nowIso() }).where('id', '=', row.id).execute();
  }
  return {
    tokenId: row.id,
    orgId: row.orgId,
    prefix: row.prefix,
    user: { id: row.userId, email: row.email, name: row.name, isSuperadmin: row.isSuperadmin === 1 },
    orgLookup: orgLookupFrom(orgSlug, row),
  };
}
