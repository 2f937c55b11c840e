import type { Db } from '../../db/connect.js';
import { recordAudit } from '../audit/audit.service.js';
import { RateLimitedError, UnauthenticatedError } from '../errors.js';
import { burnPasswordCheck, verifyPassword } from './passwords.js';
import { createSession, type SessionUser } from './sessions.js';
import type { AuthSettings } from './settings.js';
import { clearPair, recordFailure, throttledFor } from './throttle.js';

export interface LoginResult {
  user: SessionUser;
  secret: string;
  csrfToken: string;
}

/**
 * Checks the password and opens a new session (a new id every time: the old one, if any, is revoked by the
 * caller). A throttled attempt is refused before any hashing and writes nothing; a failure is counted and written to
 * the instance audit chain, and the failure that starts throttling writes one "throttled" event for its window.
 */
export async function login(
  db: Db,
  input: { email: string; password: string },
  meta: { ip: string; userAgent?: string | null },
  settings: AuthSettings,
): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const anonymous = { kind: 'anonymous' as const, userId: null, label: email };
  const retryAfter = await throttledFor(db, email, meta.ip, settings);
  if (retryAfter > 0)
    throw new RateLimitedError('Too many failed sign-in attempts. Wait a few minutes and try again.', retryAfter);
  const user = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  // an automation account never signs in: refused as an unknown account is, after the same work
  const person = user && user.kind !== 'automation' ? user : undefined;
  const ok = person
    ? await verifyPassword(person.passwordHash, input.password)
    : (await burnPasswordCheck(input.password), false);
  if (!person || !ok) {
    await db.transaction().execute(async (trx) => {
      const reached = await recordFailure(trx, email, meta.ip, settings);
      await recordAudit(trx, {
        orgId: null,
        actor: anonymous,
        ip: meta.ip,
        event: { type: 'auth.login_failed', payload: { email, reason: 'bad_credentials' } },
      });
      for (const r of reached) {
        const scope = r.kind === 'pair' ? ('account_client' as const) : ('client' as const);
        await recordAudit(trx, {
          orgId: null,
          actor: anonymous,
          ip: meta.ip,
          event: {
            type: 'auth.login_throttled',
            payload: { email, scope, failures: r.failures, windowMinutes: settings.throttleWindowMinutes },
          },
        });
      }
    });
    throw new UnauthenticatedError('The email or password is not correct');
  }
  return db.transaction().execute(async (trx) => {
    await clearPair(trx, email, meta.ip);
    const { secret, csrfToken } = await createSession(trx, person.id, settings, meta);
    await recordAudit(trx, {
      orgId: null,
      actor: { kind: 'user', userId: person.id, label: person.email },
      ip: meta.ip,
      event: { type: 'auth.login_succeeded', payload: { email } },
    });
    return {
      user: { id: person.id, email: person.email, name: person.name, isSuperadmin: person.isSuperadmin === 1 },
      secret,
      csrfToken,
    };
  });
}
