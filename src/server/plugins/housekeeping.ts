import { pruneAllAuthRows } from '../../core/auth/prune.js';
import type { App } from '../types.js';

const PRUNE_EVERY_MS = 10 * 60_000;

/** Prunes expired throttle counters and dead sessions at start and every ten minutes, off the request path. */
export function registerHousekeeping(app: App): void {
  const { handle, auth } = app.deps;
  let running: Promise<void> | undefined;
  const prune = () => {
    running ??= pruneAllAuthRows(handle.db, auth)
      .catch((err: unknown) => app.log.warn({ err }, 'pruning sign-in rows failed'))
      .finally(() => (running = undefined));
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
  });
}
