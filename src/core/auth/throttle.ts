import { isIPv6 } from 'node:net';
import type { Db } from '../../db/connect.js';
import type { AuthSettings } from './settings.js';

/**
 * Sign-in throttling kept in the database, so every app instance sees the same counts. Two keys per attempt:
 * - `pair`: one account from one client. After `maxFailuresPerAccount` failures the account is refused *to that
 *   client only*, so an attacker guessing from their address cannot lock the real person out from theirs.
 * - `client`: one client, whatever the accounts tried (`maxFailuresPerIp`), against spraying many accounts.
 * There is no per-account ceiling across clients: it would hand anyone with a few dozen addresses a way to lock an
 * account out, while guessing is already bounded per client and new passwords must resist offline guessing (zxcvbn
 * score 3). A key counts failures in a fixed window that starts at its first failure.
 */
export type ThrottleKind = 'pair' | 'client';

/** IPv6 clients are keyed by their /64: one host usually holds a whole /64 and could rotate through it. */
export function clientKey(ip: string): string {
  const v4mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (v4mapped) return v4mapped[1]!;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

const keysOf = (email: string, ip: string) => {
  const client = clientKey(ip);
  return { pair: `${email} ${client}`, client };
};

const windowStart = (s: AuthSettings, now = Date.now()) =>
  new Date(now - s.throttleWindowMinutes * 60_000).toISOString();

/** Seconds until this account may be tried from this client again (0: not throttled). Reads only. */
export async function throttledFor(db: Db, email: string, ip: string, s: AuthSettings): Promise<number> {
  const keys = keysOf(email, ip);
  const now = Date.now();
  const rows = await db
    .selectFrom('loginThrottle')
    .select(['keyKind', 'failures', 'windowStartedAt'])
    .where((eb) =>
      eb.or([
        eb.and([eb('keyKind', '=', 'pair'), eb('keyValue', '=', keys.pair)]),
        eb.and([eb('keyKind', '=', 'client'), eb('keyValue', '=', keys.client)]),
      ]),
    )
    .where('windowStartedAt', '>', windowStart(s, now))
    .execute();
  let wait = 0;
  for (const r of rows) {
    const max = r.keyKind === 'pair' ? s.maxFailuresPerAccount : s.maxFailuresPerIp;
    if (r.failures < max) continue;
    const until = Date.parse(r.windowStartedAt) + s.throttleWindowMinutes * 60_000;
    wait = Math.max(wait, Math.ceil((until - now) / 1000));
  }
  return wait;
}

/**
 * Counts a failure on both keys (an atomic upsert: parallel failures all count) and returns the keys this failure
 * brought to their limit, so the caller writes one "throttled" event per key and window, not one per request.
 */
export async function recordFailure(
  db: Db,
  email: string,
  ip: string,
  s: AuthSettings,
): Promise<Array<{ kind: ThrottleKind; failures: number }>> {
  const keys = keysOf(email, ip);
  const now = new Date().toISOString();
  const expired = windowStart(s);
  const reached: Array<{ kind: ThrottleKind; failures: number }> = [];
  for (const kind of ['pair', 'client'] as const) {
    const row = await db
      .insertInto('loginThrottle')
      .values({ keyKind: kind, keyValue: keys[kind], failures: 1, windowStartedAt: now })
      .onConflict((oc) =>
        oc.columns(['keyKind', 'keyValue']).doUpdateSet((eb) => {
          const stale = eb('loginThrottle.windowStartedAt', '<=', expired);
          return {
            failures: eb
              .case()
              .when(stale)
              .then(1)
              .else(eb('loginThrottle.failures', '+', 1))
              .end(),
            windowStartedAt: eb.case().when(stale).then(now).else(eb.ref('loginThrottle.windowStartedAt')).end(),
          };
        }),
      )
      .returning('failures')
      .executeTakeFirstOrThrow();
    const max = kind === 'pair' ? s.maxFailuresPerAccount : s.maxFailuresPerIp;
    if (Number(row.failures) === max) reached.push({ kind, failures: max });
  }
  return reached;
}

/** A successful sign-in clears its account-and-client counter (never the client's: one good account must not
 * reset an address that sprays others). */
export async function clearPair(db: Db, email: string, ip: string): Promise<void> {
  await db
    .deleteFrom('loginThrottle')
    .where('keyKind', '=', 'pair')
    .where('keyValue', '=', keysOf(email, ip).pair)
    .execute();
}
