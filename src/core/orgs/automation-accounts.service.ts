import type { Db } from '../../db/connect.js';
import type { PageQuery } from '../../schema/common/primitives.js';
import type { AutomationAccount, AutomationAccountCreate } from '../../schema/orgs/automation.schema.js';
import { roleSchema } from '../../schema/auth/roles.js';
import { recordAudit } from '../audit/audit.service.js';
import { insertToken } from '../auth/tokens.js';
import type { OrgContext } from '../context.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import { inOrgTransaction } from '../transaction.js';
import { newId, nowIso, randomSecret } from '../util/ids.js';

export const AUTOMATION = 'automation' as const;
/**
 * Stored in place of a password hash: not an argon2 hash, so no password ever verifies against it (and the sign-in
 * refuses automation accounts before comparing anyway).
 */
const NO_PASSWORD = '!automation-account';

/**
 * Creates an automation account in the organization with a role: a user of kind `automation` (no password; its
 * address is made up under the reserved `.invalid` domain, so nobody can receive mail or an invitation for it) and
 * its membership, audited in the organization by the admin who made it.
 */
export async function createAutomationAccount(
  ctx: OrgContext,
  input: AutomationAccountCreate,
): Promise<AutomationAccount> {
  return inOrgTransaction(ctx, async (trx) => {
    const now = nowIso();
    const id = newId();
    const name = input.name.trim();
    await trx
      .insertInto('users')
      .values({
        id,
        email: `automation-${randomSecret(9).toLowerCase()}@${ctx.org.slug}.automation.invalid`,
        name,
        passwordHash: NO_PASSWORD,
        isSuperadmin: 0,
        kind: AUTOMATION,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await trx
      .insertInto('memberships')
      .values({ orgId: ctx.org.id, userId: id, role: input.role, createdAt: now })
      .execute();
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'user',
      entityId: id,
      event: { type: 'automation_account.created', payload: { name, role: input.role } },
    });
    return { userId: id, name, role: input.role, kind: AUTOMATION, createdAt: now, activeTokens: 0 };
  });
}

/** The organization's automation accounts by name, each with how many of its tokens are live. */
export async function listAutomationAccounts(ctx: OrgContext, { page, pageSize }: PageQuery) {
  const base = ctx.db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .where('memberships.orgId', '=', ctx.org.id)
    .where('users.kind', '=', AUTOMATION);
  const now = nowIso();
  const rows = await base
    .select((eb) => [
      'users.id as userId',
      'users.name',
      'memberships.role',
      'memberships.createdAt',
      eb
        .selectFrom('apiTokens')
        .select((t) => t.fn.countAll<number>().as('n'))
        .whereRef('apiTokens.userId', '=', 'users.id')
        .where('apiTokens.orgId', '=', ctx.org.id)
        .where('apiTokens.revokedAt', 'is', null)
        .where((t) => t.or([t('apiTokens.expiresAt', 'is', null), t('apiTokens.expiresAt', '>', now)]))
        .as('activeTokens'),
    ])
    .orderBy('users.name')
    .orderBy('users.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const items = rows.map((r) => ({
    userId: r.userId,
    name: r.name,
    role: roleSchema.parse(r.role),
    kind: AUTOMATION,
    createdAt: r.createdAt,
    activeTokens: Number(r.activeTokens ?? 0),
  }));
  return { items, page, pageSize, total: Number(count.n) };
}

/** The automation account `userId` of this organization (another organization's, or a person, is not found). */
async function loadAccount(ctx: OrgContext, trx: Db, userId: string) {
  const account = await trx
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select(['users.id', 'users.name'])
    .where('memberships.orgId', '=', ctx.org.id)
    .where('memberships.userId', '=', userId)
    .where('users.kind', '=', AUTOMATION)
    .executeTakeFirst();
  if (!account) throw new NotFoundError('The automation account');
  return account;
}

/**
 * An admin issues an API token for an automation account of the organization. The token acts with the account's
 * role; the audit event is the admin's and names the account. Only a signed-in person issues one (a token never
 * mints tokens).
 */
export async function issueAutomationToken(
  ctx: OrgContext,
  userId: string,
  input: { name: string; expiresAt?: string | undefined },
) {
  if (ctx.actor.kind !== 'user' && ctx.actor.kind !== 'system')
    throw new ForbiddenError('API tokens can only be issued by a signed-in person');
  return inOrgTransaction(ctx, async (trx) => {
    const account = await loadAccount(ctx, trx, userId);
    const issued = await insertToken(ctx, trx, input, account.id);
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'api_token',
      entityId: issued.id,
      event: {
        type: 'token.issued_for_account',
        payload: {
          name: issued.name,
          prefix: issued.prefix,
          expiresAt: issued.expiresAt,
          account: account.name,
          accountUserId: account.id,
        },
      },
    });
    return issued;
  });
}
