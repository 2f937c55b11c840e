import { writeCheckpoints } from '../core/audit/audit-checkpoint.js';
import type { App } from './types.js';

/**
 * Signs every audit chain head that moved, on a timer in the server process. It never keeps the process alive
 * (unref) and skips a round while the previous one runs; with several instances, the one that signs a head first
 * wins and the others find nothing left to sign (checkpoints are keyed by chain and seq).
 */
export function startCheckpointTimer(app: App, everyMs: number): void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await writeCheckpoints(app.deps.handle.db, app.deps.signingKey, { logFile: app.deps.checkpointLog });
    } catch (err) {
      app.log.error({ err }, 'audit checkpoint failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  // one last checkpoint on the way down, so a clean stop leaves the newest events anchored
  app.addHook('onClose', async () => {
    clearInterval(timer);
    while (running) await new Promise((r) => setTimeout(r, 20));
    await tick();
  });
}
