/** Tasks for the worker pool's tests (test/integration/zip-limits.test.ts). */
export function double(n: number): number {
  return n * 2;
}

export function exhaustMemory(): never {
  const hold: number[][] = [];
  for (;;) hold.push(new Array<number>(4_000_000).fill(Math.random()));
}

export function spinForever(): never {
  for (;;);
}
