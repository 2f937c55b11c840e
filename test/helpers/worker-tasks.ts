/** Tasks for the worker pool's tests (test/integration/zip-limits.test.ts). */
export function double(n: number): number {
  return n * 2;
}

export function exhaustMemory(): never {
  const hold: string[][] = [];
  for (;;) hold.push(Array.from({ length: 100_000 }, (_, i) => `${i}-${Math.random()}`));
}

export function spinForever(): never {
  for (;;);
}
