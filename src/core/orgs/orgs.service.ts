import type { Db } from '../../db/connect.js';
import { isUniqueViolation } from '../../db/dialect.js';
import type { Role } from '../../schema/auth/roles.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Actor, OrgRef } from '../context.js';
import { ConflictError } from '../errors.js';
import { newId, nowIso } from '../util/ids.js';
import { inInstanceTransaction } from '../transaction.js';

export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug.length >= 2 ? slug : `org-${slug || 'x'}`;
}

/** Creates an organization with its first admin, inside the caller's transaction. */
export async function insertOrg(
  trx: Db,
  input: { name: string; slug?: string },
  adminUserId: string | null,
  actor: Actor,
  ip?: string | null,
): Promise<OrgRef> {
  const slug = input.slug ?? slugify(input.name);
  const taken = await trx.selectFrom('organizations').select('id').where('slug', '=', slug).executeTakeFirst();
  if (taken)
    throw new ConflictError(`The slug "${slug}" is already used by another organization`, [
      { field: 'body.slug', message: 'Already in use' },
    ]);
  const org = { id: newId(), slug, name: input.name.trim(), createdAt: nowIso() };
  try {
    await trx.insertInto('organizations').values(org).execute();
  } catch (err) {
    if (isUniqueViolation(err))
      throw new ConflictError(`The slug "${slug}" is already in use`, [
        { field: 'body.slug', message: 'Already in use' },
      ]);
    throw err;
  }
  await recordAudit(trx, {
    orgId: org.id,
    actor,
    ip,
    entityType: 'organization',
    entityId: org.id,
    event: { type: 'org.created', payload: { slug, name: org.name } },
  });
  if (adminUserId) {
    const user = await trx
      .selectFrom('users')
      .select(['email'])
      .where('id', '=', adminUserId)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('memberships')
      .values({ orgId: org.id, userId: adminUserId, role: 'admin', createdAt: nowIso() })
      .execute();
    await recordAudit(trx, {
      orgId: org.id,
      actor,
      ip,
      entityType: 'user',
      entityId: adminUserId,
      event: { type: 'member.added', payload: { email: user.email, role: 'admin' } },
    });
  }
  return { id: org.id, slug: org.slug, name: org.name };
}

export async function createOrg(
  db: Db,
  input: { name: string; slug?: string },
  adminUserId: string | null,
  actor: Actor,
  ip?: string | null,
) {
  return inInstanceTransaction(db, (trx) => insertOrg(trx, input, adminUserId, actor, ip));
}

export async function findOrgBySlug(db: Db, slug: string): Promise<OrgRef | undefined> {
  return db.selectFrom('organizations').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst();
}

/**
 * The organization named by `slug` and the user's role in it (null when not a member), in one query: every
 * organization request asks this before anything else.
 */
export async function findOrgWithRole(
  db: Db,
  slug: string,
  userId: string,
): Promise<{ org: OrgRef; role: Role | null } | undefined> {
  const row = await db
    .selectFrom('organizations')
    .leftJoin('memberships', (j) =>
      j.onRef('memberships.orgId', '=', 'organizations.id').on('memberships.userId', '=', userId),
    )
    .select(['organizations.id', 'organizations.slug', 'organizations.name', 'memberships.role'])
    .where('organizations.slug', '=', slug)
    .executeTakeFirst();
  if (!row) return undefined;
  const { role, ...org } = row;
  return { org, role: (role as Role | null) ?? null };
}

export async function membershipRole(db: Db, orgId: string, userId: string): Promise<Role | null> {
  const row = await db
    .selectFrom('memberships')
    .select('role')
    .where('orgId', '=', orgId)
    .where('userId', '=', userId)
    .executeTakeFirst();
  return (row?.role as Role | undefined) ?? null;
}

export async function listUserOrgs(db: Db, userId: string, onlyOrgId?: string) {
  let q = db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.orgId')
    .select(['organizations.id', 'organizations.slug', 'organizations.name', 'memberships.role'])
    .where('memberships.userId', '=', userId);
  if (onlyOrgId) q = q.where('organizations.id', '=', onlyOrgId);
  const rows = await q.orderBy('organizations.name').execute();
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}
