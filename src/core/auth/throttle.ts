import type { Db } from '../../db/connect.js';
import { nowIso } from '../util/ids.js';
import type { AuthSettings } from './settings.js';

/**
 * Login throttling kept in the database, so every app instance sees the same counts.
 * An account is throttled after too many failures since its last success within the window; an IP address after
 * too many failures within the window, whatever the accounts tried.
 */
export async function isThrottled(db: Db, email: string, ip: string, s: AuthSettings): Promise<number> {
  const windowStart = new Date(Date.now() - s.throttleWindowMinutes * 60_000).toISOString();
  const lastSuccess = await db
    .selectFrom('loginAttempts')
    .select((eb) => eb.fn.max('createdAt').as('at'))
    .where('keyKind', '=', 'email')
    .where('keyValue', '=', email)
    .where('succeeded', '=', 1)
    .executeTakeFirst();
  const accountSince = lastSuccess?.at && lastSuccess.at > windowStart ? lastSuccess.at : windowStart;
  const failures = async (kind: string, value: string, since: string) => {
    const row = await db
      .selectFrom('loginAttempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('keyKind', '=', kind)
      .where('keyValue', '=', value)
      .where('succeeded', '=', 0)
      .where('createdAt', '>', since)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  };
  const throttled =
    (await failures('email', email, accountSince)) >= s.maxFailuresPerAccount ||
    (await failures('ip', ip, windowStart)) >= s.maxFailuresPerIp;
  return throttled ? s.throttleWindowMinutes * 60 : 0;
}

export async function recordAttempt(db: Db, email: string, ip: string, succeeded: boolean): Promise<void> {
  const createdAt = nowIso();
  await db
    .insertInto('loginAttempts')
    .values([
      { keyKind: 'email', keyValue: email, succeeded: succeeded ? 1 : 0, createdAt },
      { keyKind: 'ip', keyValue: ip, succeeded: succeeded ? 1 : 0, createdAt },
    ])
    .execute();
}
