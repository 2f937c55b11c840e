import { pruneAllAuthRows } from '../../core/auth/prune.js';
import { refreshObjectiveStatuses } from '../../core/objectives/objective-status-refresh.js';
import type { App } from '../types.js';

const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * Prunes expired throttle counters and dead sessions at start and every ten minutes, off the request path; and
 * refreshes the objectives' stored progress status, which the calendar alone changes (a deadline passing).
 */
export function registerHousekeeping(app: App): void {
  const { handle, auth } = app.deps;
  let running: Promise<void> | undefined;
  let refreshing: Promise<void> | undefined;
  const prune = () => {
    running ??= pruneAllAuthRows(handle.db, auth)
      .catch((err: unknown) => app.log.warn({ err }, 'pruning sign-in rows failed'))
      .finally(() => (running = undefined));
    refreshing ??= refreshObjectiveStatuses(handle.db)
      .then(() => undefined)
      .catch((err: unknown) => app.log.warn({ err }, 'refreshing objective statuses failed'))
      .finally(() => (refreshing = undefined));
  };
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onListen', async () => {
    prune();
    timer = setInterval(prune, PRUNE_EVERY_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await running;
    await refreshing;
  });
}
