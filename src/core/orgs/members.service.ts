import type { Role } from '../../schema/auth/roles.js';
import type { PageQuery } from '../../schema/common/primitives.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { insertUser } from '../users/users.service.js';
import { nowIso } from '../util/ids.js';
import { inOrgTransaction } from '../transaction.js';

export async function listMembers(ctx: OrgContext, { page, pageSize }: PageQuery) {
  const base = ctx.db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .where('memberships.orgId', '=', ctx.org.id);
  const rows = await base
    .select(['users.id as userId', 'users.email', 'users.name', 'memberships.role', 'memberships.createdAt'])
    .orderBy('users.name')
    .orderBy('users.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { items: rows.map((r) => ({ ...r, role: r.role as Role })), page, pageSize, total: Number(count.n) };
}

/** Adds an existing user, or creates the user first when name and password are given. */
export async function addMember(
  ctx: OrgContext,
  input: { email: string; role: Role; name?: string; password?: string },
) {
  return inOrgTransaction(ctx, async (trx) => {
    const found = await trx
      .selectFrom('users')
      .select(['id', 'email', 'name', 'kind'])
      .where('email', '=', input.email)
      .executeTakeFirst();
    // an automation account belongs to the organization that made it
    if (found?.kind === 'automation')
      throw new ValidationError([{ field: 'body.email', message: 'An automation account cannot be added elsewhere' }]);
    let user: { id: string; email: string; name: string } | undefined = found;
    if (!user) {
      const missing = [
        ...(input.name ? [] : [{ field: 'body.name', message: 'Required for a new user' }]),
        ...(input.password ? [] : [{ field: 'body.password', message: 'Required for a new user' }]),
      ];
      if (missing.length)
        throw new ValidationError(
          missing,
          `No user has the email ${input.email}: give a name and an initial password to create one`,
        );
      user = await insertUser(
        trx,
        { email: input.email, name: input.name!, password: input.password! },
        ctx.actor,
        ctx.org.id,
        ctx.ip,
      );
    }
    const existing = await trx
      .selectFrom('memberships')
      .select('role')
      .where('orgId', '=', ctx.org.id)
      .where('userId', '=', user.id)
      .executeTakeFirst();
    if (existing)
      throw new ConflictError(`${user.email} is already a member`, [
        { field: 'body.email', message: 'Already a member' },
      ]);
    const createdAt = nowIso();
    await trx
      .insertInto('memberships')
      .values({ orgId: ctx.org.id, userId: user.id, role: input.role, createdAt })
      .execute();
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'user',
      entityId: user.id,
      event: { type: 'member.added', payload: { email: user.email, role: input.role } },
    });
    return { userId: user.id, email: user.email, name: user.name, role: input.role, createdAt };
  });
}

async function loadMember(ctx: OrgContext, trx: OrgContext['db'], userId: string) {
  const row = await trx
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select([
      'users.id as userId',
      'users.email',
      'users.name',
      'users.kind',
      'memberships.role',
      'memberships.createdAt',
    ])
    .where('memberships.orgId', '=', ctx.org.id)
    .where('memberships.userId', '=', userId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('The member');
  const { kind, ...member } = row;
  return { member: { ...member, role: row.role as Role }, kind };
}

async function assertNotLastAdmin(ctx: OrgContext, trx: OrgContext['db'], role: Role) {
  if (role !== 'admin') return;
  const admins = await trx
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('orgId', '=', ctx.org.id)
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  if (Number(admins.n) <= 1)
    throw new ConflictError('An organization needs at least one admin: make someone else admin first');
}

export async function changeMemberRole(ctx: OrgContext, userId: string, role: Role) {
  return inOrgTransaction(ctx, async (trx) => {
    const { member, kind } = await loadMember(ctx, trx, userId);
    if (member.role === role) return member;
    // A user's kind never changes, so this check under the organization's lock holds with any number of writers.
    if (kind === 'automation' && role === 'admin')
      throw new ValidationError([
        { field: 'body.role', message: 'An automation account cannot be an admin; choose another role' },
      ]);
    await assertNotLastAdmin(ctx, trx, member.role);
    await trx
      .updateTable('memberships')
      .set({ role })
      .where('orgId', '=', ctx.org.id)
      .where('userId', '=', userId)
      .execute();
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'user',
      entityId: userId,
      event: { type: 'member.role_changed', payload: { email: member.email, from: member.role, to: role } },
    });
    return { ...member, role };
  });
}

export async function removeMember(ctx: OrgContext, userId: string): Promise<void> {
  await inOrgTransaction(ctx, async (trx) => {
    const { member } = await loadMember(ctx, trx, userId);
    await assertNotLastAdmin(ctx, trx, member.role);
    await trx.deleteFrom('memberships').where('orgId', '=', ctx.org.id).where('userId', '=', userId).execute();
    // A removed member's tokens stop working with the membership; revoke them so the list says so too.
    await trx
      .updateTable('apiTokens')
      .set({ revokedAt: nowIso() })
      .where('orgId', '=', ctx.org.id)
      .where('userId', '=', userId)
      .where('revokedAt', 'is', null)
      .execute();
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'user',
      entityId: userId,
      event: { type: 'member.removed', payload: { email: member.email, role: member.role } },
    });
  });
}
