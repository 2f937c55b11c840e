import type { Db } from '../../db/connect.js';
import type { AuthSettings } from './settings.js';

export const PRUNE_BATCH = 500;

/**
 * Removes what sign-in no longer needs, a bounded batch at a time so no run holds the writer for long: throttle
 * counters whose window has passed, and sessions that can never be used again (past their absolute expiry, or
 * revoked: signing out and sign-ins are in the audit trail, the row adds nothing). Returns how many rows went.
 */
export async function pruneAuthRows(
  db: Db,
  s: AuthSettings,
  batch = PRUNE_BATCH,
): Promise<{ throttle: number; sessions: number }> {
  const now = Date.now();
  const windowStart = new Date(now - s.throttleWindowMinutes * 60_000).toISOString();
  const throttle = await db
    .deleteFrom('loginThrottle')
    .where((eb) =>
      eb(
        eb.refTuple('keyKind', 'keyValue'),
        'in',
        eb
          .selectFrom('loginThrottle')
          .select(['keyKind', 'keyValue'])
          .where('windowStartedAt', '<=', windowStart)
          .limit(batch)
          .$asTuple('keyKind', 'keyValue'),
      ),
    )
    .executeTakeFirst();
  const sessions = await db
    .deleteFrom('sessions')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('sessions')
        .select('id')
        .where((w) => w.or([w('expiresAt', '<=', new Date(now).toISOString()), w('revokedAt', 'is not', null)]))
        .limit(batch),
    )
    .executeTakeFirst();
  return { throttle: Number(throttle.numDeletedRows), sessions: Number(sessions.numDeletedRows) };
}

/** Prunes until a batch comes back short: a timer's run, between which other writers get their turn. */
export async function pruneAllAuthRows(db: Db, s: AuthSettings, batch = PRUNE_BATCH): Promise<void> {
  for (;;) {
    const done = await pruneAuthRows(db, s, batch);
    if (done.throttle < batch && done.sessions < batch) return;
    await new Promise((r) => setImmediate(r));
  }
}
