import type { FixtureCtx } from './route-fixtures.js';

/** Valid bodies of the built-in measure routes, for the catalog-wide tests (test/helpers/routes.ts). */
export const MEASURE_BUILTIN_BODIES: Record<
  string,
  (ctx: FixtureCtx, made: Record<string, string>) => Promise<Record<string, unknown>>
> = {
  // switching on twice answers the measure already there (200), so every permitted role succeeds
  'POST /api/v1/orgs/:org/measures/built-in': async () => ({ key: 'overdue_actions' }),
};
