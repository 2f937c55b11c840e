import crypto from 'node:crypto';
import os from 'node:os';
import { releaseLease } from '../../core/jobs/lease.js';
import { runSamplingJob, SAMPLING_JOB } from '../../core/measurement/builtin/sampling-job.js';
import type { App } from '../types.js';

/**
 * Samples the built-in measures that are due (core/measurement/builtin) when the server starts listening and every
 * `everyMs` after, off the request path, like housekeeping.ts: the timer is unref'd (it never keeps the process
 * alive), a tick never overlaps the previous one, and closing waits for a running tick and gives the lease back.
 * `rampart start` turns it on (RAMPART_SAMPLING_INTERVAL_MS, default 15 minutes); an app built for tests or the
 * OpenAPI document never listens, so it never samples unless a test asks.
 */
export function registerMeasureSampling(app: App, everyMs: number): void {
  const { handle } = app.deps;
  const holder = `${os.hostname()}:${process.pid}:${crypto.randomUUID()}`;
  let running: Promise<void> | undefined;
  const tick = () => {
    running ??= runSamplingJob(handle.db, holder, everyMs)
      .then((outcome) => {
        if (!outcome) return;
        for (const f of outcome.failed) app.log.warn({ err: f.error, orgId: f.orgId }, 'sampling measures failed');
        if (outcome.stored > 0) app.log.info({ stored: outcome.stored }, 'built-in measures sampled');
      })
      .catch((err: unknown) => app.log.warn({ err }, 'sampling measures failed'))
      .finally(() => (running = undefined));
  };
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onListen', async () => {
    tick();
    timer = setInterval(tick, everyMs);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await running;
    await releaseLease(handle.db, SAMPLING_JOB, holder).catch((err: unknown) =>
      app.log.warn({ err }, 'giving the sampling lease back failed'),
    );
  });
}
