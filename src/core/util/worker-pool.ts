import { Piscina } from 'piscina';

/**
 * Work that could take the whole process down if a request made it unbounded (reading an uploaded workbook)
 * runs in worker threads with a heap limit and a deadline. A worker that runs out of memory or time is ended and
 * replaced; the request gets a WorkerLimitError; the main thread, which answers every other tenant, never held
 * the data. Two threads at most, and a short queue: a burst of bombs waits its turn or is refused, it cannot
 * multiply the memory.
 */

export const WORKER_HEAP_MB = 512;
export const WORKER_TIMEOUT_MS = 120_000;

export class WorkerLimitError extends Error {
  constructor(readonly reason: 'memory' | 'time' | 'busy') {
    super(`worker ${reason} limit`);
  }
}

let pool: Piscina | undefined;

function shared(): Piscina {
  pool ??= new Piscina({
    filename: new URL('./worker-entry.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: 2,
    maxQueue: 16,
    idleTimeout: 30_000,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 64 },
  });
  return pool;
}

/**
 * The module beside `callerUrl` named `name`, with the caller's extension: .ts under tsx, .mjs in the CLI bundle
 * (bin/compile-cli.mjs makes each worker module an entry of its own beside the others).
 */
export function siblingModule(callerUrl: string, name: string): string {
  const ext = /\.(ts|mjs|js)$/.exec(new URL(callerUrl).pathname)?.[0] ?? '.js';
  return new URL(`./${name}${ext}`, callerUrl).href;
}

/** How many tasks the pool's threads have finished in this process (0 before the first): lets a test see work went there. */
export function workerTasksCompleted(): number {
  return pool?.completed ?? 0;
}

/** Runs the exported function `fn` of `module` in a worker thread with `input` (structured-cloned both ways). */
export async function runInWorker<T>(
  module: string,
  fn: string,
  input: unknown,
  timeoutMs = WORKER_TIMEOUT_MS,
): Promise<T> {
  const p = shared();
  if (p.queueSize >= p.options.maxQueue) throw new WorkerLimitError('busy');
  try {
    return (await p.run({ module, fn, input }, { signal: AbortSignal.timeout(timeoutMs) })) as T;
  } catch (err) {
    const e = err as { code?: string; name?: string; message?: string };
    if (e.code === 'ERR_WORKER_OUT_OF_MEMORY' || /memory limit/i.test(e.message ?? ''))
      throw new WorkerLimitError('memory');
    if (e.name === 'AbortError' || e.name === 'TimeoutError') throw new WorkerLimitError('time');
    if (/queue is at limit/i.test(e.message ?? '')) throw new WorkerLimitError('busy');
    throw err;
  }
}
