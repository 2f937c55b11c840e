import type { Db } from '../../db/connect.js';
import { nowIso, randomSecret, sha256Hex } from '../util/ids.js';
import type { AuthSettings } from './settings.js';
import type { SessionUser } from '../../schema/orgs/session.schema.js';
import { orgLookupFrom, type OrgLookup } from '../orgs/org-lookup.js';

export type { SessionUser };

export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  user: SessionUser;
  /** the organization the request names and the caller's role there, when `resolveSession` was given its slug */
  orgLookup?: OrgLookup | undefined;
}

const minutes = (n: number) => n * 60_000;
// Touching last_seen on every request would write on every read; a minute's precision is enough for idle timeout.
const TOUCH_AFTER_MS = 60_000;

/** Creates a session; the secret goes in the cookie, only its hash is stored. */
export async function createSession(
  db: Db,
  userId: string,
  settings: AuthSettings,
  meta: { ip?: string | null; userAgent?: string | null },
): Promise<{ secret: string; csrfToken: string }> {
  const secret = randomSecret();
  const csrfToken = randomSecret();
  const now = Date.now();
  await db
    .insertInto('sessions')
    .values({
      id: sha256Hex(secret),
      userId,
      csrfToken,
      createdAt: new Date(now).toISOString(),
      lastSeenAt: new Date(now).toISOString(),
      expiresAt: new Date(now + settings.sessionMaxHours * 3_600_000).toISOString(),
      revokedAt: null,
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { secret, csrfToken };
}

/** The session behind a cookie secret, if it is live: not revoked, not past its absolute or idle limit. */
export async function resolveSession(
  db: Db,
  secret: string,
  settings: AuthSettings,
  orgSlug?: string,
): Promise<ResolvedSession | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
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
      'sessions.id as sessionId',
      'sessions.csrfToken',
      'sessions.lastSeenAt',
      'sessions.expiresAt',
      'sessions.revokedAt',
      'users.id as userId',
      'users.email',
      'users.name',
      'users.isSuperadmin',
    ])
    .where('sessions.id', '=', sha256Hex(secret))
    .executeTakeFirst();
  if (!row || row.revokedAt) return null;
  const now = Date.now();
  const lastSeen = Date.parse(row.lastSeenAt);
  if (now >= Date.parse(row.expiresAt) || now - lastSeen >= minutes(settings.sessionIdleMinutes)) return null;
  if (now - lastSeen > TOUCH_AFTER_MS) {
    await db.updateTable('sessions').set({ lastSeenAt: nowIso() }).where('id', '=', row.sessionId).execute();
  }
  return {
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    user: { id: row.userId, email: row.email, name: row.name, isSuperadmin: row.isSuperadmin === 1 },
    orgLookup: orgLookupFrom(orgSlug, row),
  };
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revokedAt: nowIso() })
    .where('id', '=', sessionId)
    .where('revokedAt', 'is', null)
    .execute();
}

export async function revokeSessionBySecret(db: Db, secret: string): Promise<void> {
  await revokeSession(db, sha256Hex(secret));
}

/** Every live session of a user (after a password change), except the one they made the change from. */
export async function revokeUserSessions(db: Db, userId: string, exceptSessionId?: string): Promise<void> {
  let q = db
    .updateTable('sessions')
    .set({ revokedAt: nowIso() })
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null);
  if (exceptSessionId) q = q.where('id', '!=', exceptSessionId);
  await q.execute();
}
