import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    // A safety net against a hang, not a speed target: the slowest test takes about 15 s on an idle machine, and a
    // loaded one (load average 10–18 was seen) may need several times that. Long sweeps are one test per route.
    testTimeout: 180_000,
    // expect.poll waits for the UI in browser journeys: give a loaded machine time (the default is one second).
    expect: { poll: { timeout: 30_000, interval: 100 } },
    hookTimeout: 240_000,
    // Integration files each open their own databases; a few at a time keeps PostgreSQL and argon2 within limits.
    maxWorkers: 2,
  },
});
