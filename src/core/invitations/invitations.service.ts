import type { Db } from '../../db/connect.js';
import { isUniqueViolation } from '../../db/dialect.js';
import type { Role } from '../../schema/auth/roles.js';
import type { Invitation, InvitationCreated, MyInvitation } from '../../schema/orgs/invitation.schema.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Actor, OrgContext } from '../context.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { insertUser } from '../users/users.service.js';
import { newId, nowIso, randomSecret, sha256Hex } from '../util/ids.js';
import { inInstanceTransaction, inOrgTransaction } from '../transaction.js';

/** An invitation link works for a week; then the admin invites again. */
export const INVITATION_DAYS = 7;

const baseQuery = (db: Db) =>
  db
    .selectFrom('invitations')
    .leftJoin('users as inviter', 'inviter.id', 'invitations.invitedBy')
    .select([
      'invitations.id',
      'invitations.email',
      'invitations.role',
      'invitations.createdAt',
      'invitations.expiresAt',
      'inviter.name as invitedBy',
    ]);

const asInvitation = <T extends { role: string }>(r: T) => ({ ...r, role: r.role as Role });

/**
 * Offers a role in the organization to an e-mail address. The answer is the same whether or not the address has an
 * account (nothing is looked up beyond this organization's own members), and nobody becomes a member until they
 * accept. The link's secret is returned once; only its hash is stored.
 */
export async function createInvitation(
  ctx: OrgContext,
  input: { email: string; role: Role },
): Promise<InvitationCreated> {
  const email = input.email.trim().toLowerCase();
  const token = randomSecret();
  const now = new Date();
  const row = {
    id: newId(),
    orgId: ctx.org.id,
    email,
    role: input.role,
    tokenHash: sha256Hex(token),
    status: 'pending' as const,
    invitedBy: ctx.actor.userId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
    decidedAt: null,
    userId: null,
  };
  try {
    await inOrgTransaction(ctx, async (trx) => {
      const member = await trx
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.userId')
        .select('users.id')
        .where('memberships.orgId', '=', ctx.org.id)
        .where('users.email', '=', email)
        .executeTakeFirst();
      if (member)
        throw new ConflictError(`${email} is already a member`, [{ field: 'body.email', message: 'Already a member' }]);
      // an expired invitation no longer blocks a new one
      await trx
        .updateTable('invitations')
        .set({ status: 'expired' })
        .where('orgId', '=', ctx.org.id)
        .where('email', '=', email)
        .where('status', '=', 'pending')
        .where('expiresAt', '<=', row.createdAt)
        .execute();
      await trx.insertInto('invitations').values(row).execute();
      await recordAudit(trx, {
        orgId: ctx.org.id,
        actor: ctx.actor,
        ip: ctx.ip,
        entityType: 'invitation',
        entityId: row.id,
        event: { type: 'invitation.created', payload: { email, role: input.role, expiresAt: row.expiresAt } },
      });
    });
  } catch (err) {
    // the partial unique index: one pending invitation per person and organization, even with admins racing
    if (isUniqueViolation(err))
      throw new ConflictError(`${email} already has a pending invitation: revoke it to invite again`, [
        { field: 'body.email', message: 'Already invited' },
      ]);
    throw err;
  }
  const invitedBy = ctx.actor.userId
    ? ((await ctx.db.selectFrom('users').select('name').where('id', '=', ctx.actor.userId).executeTakeFirst())?.name ??
      null)
    : null;
  return { id: row.id, email, role: input.role, createdAt: row.createdAt, expiresAt: row.expiresAt, invitedBy, token };
}

/** The organization's invitations still waiting for an answer. */
export async function listInvitations(ctx: OrgContext): Promise<{ items: Invitation[] }> {
  const rows = await baseQuery(ctx.db)
    .where('invitations.orgId', '=', ctx.org.id)
    .where('invitations.status', '=', 'pending')
    .where('invitations.expiresAt', '>', nowIso())
    .orderBy('invitations.createdAt', 'desc')
    .execute();
  return { items: rows.map(asInvitation) };
}

export async function revokeInvitation(ctx: OrgContext, id: string): Promise<void> {
  await inOrgTransaction(ctx, async (trx) => {
    const inv = await trx
      .selectFrom('invitations')
      .select(['email', 'role'])
      .where('id', '=', id)
      .where('orgId', '=', ctx.org.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    const done = await trx
      .updateTable('invitations')
      .set({ status: 'revoked', decidedAt: nowIso() })
      .where('id', '=', id)
      .where('orgId', '=', ctx.org.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (!inv || Number(done.numUpdatedRows) !== 1) throw new NotFoundError('The invitation');
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'invitation',
      entityId: id,
      event: { type: 'invitation.revoked', payload: { email: inv.email, role: inv.role as Role } },
    });
  });
}

/** Invitations waiting for this person (matched on their account's e-mail). */
export async function listMyInvitations(db: Db, user: { email: string }): Promise<{ items: MyInvitation[] }> {
  const rows = await baseQuery(db)
    .innerJoin('organizations', 'organizations.id', 'invitations.orgId')
    .select(['organizations.name as orgName', 'organizations.slug as orgSlug'])
    .where('invitations.email', '=', user.email)
    .where('invitations.status', '=', 'pending')
    .where('invitations.expiresAt', '>', nowIso())
    .orderBy('invitations.createdAt', 'desc')
    .execute();
  return { items: rows.map(asInvitation) };
}

type Decision = 'accepted' | 'declined';

/**
 * Closes a pending, unexpired invitation (one UPDATE guarded by its status: a second answer, a second use of the
 * link or an expired one finds nothing) and, when accepted, makes the person a member.
 */
async function settle(
  trx: Db,
  where: { id: string; email: string } | { tokenHash: string },
  user: { id: string; email: string },
  decision: Decision,
  actor: Actor,
  ip: string | null | undefined,
  newAccount = false,
) {
  let q = trx
    .updateTable('invitations')
    .set({ status: decision, decidedAt: nowIso(), userId: user.id })
    .where('status', '=', 'pending')
    .where('expiresAt', '>', nowIso());
  q =
    'tokenHash' in where
      ? q.where('tokenHash', '=', where.tokenHash)
      : q.where('id', '=', where.id).where('email', '=', where.email);
  const inv = await q.returning(['id', 'orgId', 'email', 'role']).executeTakeFirst();
  if (!inv) throw new NotFoundError('The invitation');
  const role = inv.role as Role;
  if (decision === 'accepted') {
    const member = await trx
      .selectFrom('memberships')
      .select('role')
      .where('orgId', '=', inv.orgId)
      .where('userId', '=', user.id)
      .executeTakeFirst();
    if (!member)
      await trx
        .insertInto('memberships')
        .values({ orgId: inv.orgId, userId: user.id, role, createdAt: nowIso() })
        .execute();
  }
  await recordAudit(trx, {
    orgId: inv.orgId,
    actor,
    ip,
    entityType: 'invitation',
    entityId: inv.id,
    event:
      decision === 'accepted'
        ? { type: 'invitation.accepted', payload: { email: inv.email, role, newAccount } }
        : { type: 'invitation.declined', payload: { email: inv.email, role } },
  });
  const org = await trx
    .selectFrom('organizations')
    .select(['slug', 'name'])
    .where('id', '=', inv.orgId)
    .executeTakeFirstOrThrow();
  return { orgSlug: org.slug, orgName: org.name, role, status: decision };
}

/** A signed-in person answers an invitation sent to their own e-mail; anyone else's is "not found". */
export async function decideInvitation(
  db: Db,
  user: { id: string; email: string },
  id: string,
  decision: Decision,
  ip?: string | null,
) {
  const actor = { kind: 'user' as const, userId: user.id, label: user.email };
  return inInstanceTransaction(db, (trx) => settle(trx, { id, email: user.email }, user, decision, actor, ip));
}

/** What an invitation link offers, for the page that opens it (nothing about whether the e-mail has an account). */
export async function previewInvitation(db: Db, token: string) {
  const row = await db
    .selectFrom('invitations')
    .innerJoin('organizations', 'organizations.id', 'invitations.orgId')
    .select(['organizations.name as orgName', 'invitations.email', 'invitations.role', 'invitations.expiresAt'])
    .where('invitations.tokenHash', '=', sha256Hex(token))
    .where('invitations.status', '=', 'pending')
    .where('invitations.expiresAt', '>', nowIso())
    .executeTakeFirst();
  if (!row) throw new NotFoundError('The invitation');
  return asInvitation(row);
}

/**
 * A new person opens the link, chooses a name and a password, and joins: the account and the membership are made
 * together, and the link is used up. An e-mail that already has an account signs in and accepts from their home
 * page instead (whoever holds the link learns that the e-mail has an account: Rampart sends no e-mail, so the admin who
 * made the link holds it; the invitation answer and the members list tell them nothing).
 */
export async function redeemInvitation(
  db: Db,
  input: { token: string; name: string; password: string },
  ip?: string | null,
): Promise<{ email: string }> {
  const tokenHash = sha256Hex(input.token);
  try {
    return await inInstanceTransaction(db, async (trx) => {
      const inv = await trx
        .selectFrom('invitations')
        .select(['orgId', 'email'])
        .where('tokenHash', '=', tokenHash)
        .where('status', '=', 'pending')
        .where('expiresAt', '>', nowIso())
        .executeTakeFirst();
      if (!inv) throw new NotFoundError('The invitation');
      const existing = await trx.selectFrom('users').select('id').where('email', '=', inv.email).executeTakeFirst();
      if (existing)
        throw new ConflictError(
          'This e-mail already has an account: sign in with it and accept the invitation on your home page',
          [{ field: 'body.token', message: 'Sign in to accept' }],
        );
      const anonymous = { kind: 'anonymous' as const, userId: null, label: inv.email };
      const user = await insertUser(
        trx,
        { email: inv.email, name: input.name, password: input.password },
        anonymous,
        inv.orgId,
        ip,
      );
      await settle(
        trx,
        { tokenHash },
        user,
        'accepted',
        { kind: 'user', userId: user.id, label: user.email },
        ip,
        true,
      );
      return { email: user.email };
    });
  } catch (err) {
    // two uses of one link at once: the second finds the account (or the used link) made by the first
    if (isUniqueViolation(err)) throw new NotFoundError('The invitation');
    throw err;
  }
}
