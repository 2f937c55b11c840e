import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

/**
 * The register types are proved at compile time, not here: test/types/register-types.ts is type-checked by
 * `npm run typecheck` (tsconfig includes test/), and each `@ts-expect-error` line in it fails the typecheck when the
 * line stops being an error. This test only keeps that file from being emptied of its checks unnoticed.
 */
describe('register types (checked by tsc)', () => {
  it('keeps the compile-time checks of records and bodies', () => {
    const source = readFileSync(new URL('./register-types.ts', import.meta.url), 'utf8');
    expect(source.match(/@ts-expect-error/g)?.length ?? 0).toBeGreaterThanOrEqual(12);
    for (const probe of ['risk.likelyhood', 'bogus: 1', "status: 'finished'", "{ status: 'open' }"])
      expect(source).toContain(probe);
  });
});
