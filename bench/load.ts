import { performance } from 'node:perf_hooks';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { BenchCaller, BenchResponse } from './http-caller.js';

const run = promisify(execFile);

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! : 0;

/** Latency figures of many timed requests, in milliseconds. */
export function latencyFigures(times: number[]): { p50: number; p99: number; max: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted.at(-1) ?? 0 };
}

async function timed(request: () => Promise<BenchResponse>, times: number[]): Promise<void> {
  const s = performance.now();
  const res = await request();
  times.push(performance.now() - s);
  if (res.statusCode >= 400) throw new Error(`HTTP ${res.statusCode}: ${res.body.slice(0, 300)}`);
}

/**
 * `users` people at once, each making `each` GET requests in turn (cycling through `paths`), as `caller`. The
 * clients run in a child process (load-client.mjs): in the server's own process they would share its event loop
 * and their own work would count as the server's latency.
 */
export async function concurrentUsers(
  caller: BenchCaller,
  users: number,
  each: number,
  paths: string[],
): Promise<Record<string, number>> {
  const client = fileURLToPath(new URL('./load-client.mjs', import.meta.url));
  const spec = { origin: caller.origin, headers: caller.headers, users, each, paths };
  const { stdout } = await run(process.execPath, [client, JSON.stringify(spec)], { maxBuffer: 64 * 2 ** 20 });
  const { times, seconds } = JSON.parse(stdout) as { times: number[]; seconds: number };
  return { ...latencyFigures(times), requestsPerSecond: times.length / seconds };
}

/** Runs `work`, and meanwhile one reader repeats `read` (one at a time, as a person clicks): the reader's waits. */
export async function readerDuring(
  work: () => Promise<BenchResponse>,
  read: () => Promise<BenchResponse>,
): Promise<Record<string, number>> {
  const times: number[] = [];
  let done = false;
  const t0 = performance.now();
  const working = work().then((res) => {
    done = true;
    if (res.statusCode >= 400) throw new Error(`HTTP ${res.statusCode}: ${res.body.slice(0, 300)}`);
    return performance.now() - t0;
  });
  const reading = (async () => {
    while (!done) {
      await timed(read, times);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const [workMs] = await Promise.all([working, reading]);
  const { p99, max } = latencyFigures(times);
  return { workMs, reads: times.length, readerP99: p99, readerMax: max };
}

/** The median duration of `runs` calls of `f`, after one call to warm up. */
export async function medianOf(runs: number, f: () => Promise<unknown>): Promise<number> {
  await f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await f();
    times.push(performance.now() - s);
  }
  return latencyFigures(times).p50;
}
