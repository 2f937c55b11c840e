// The certification pack over the large organization every other module seeded (documents with published versions,
// nonconformities, measures and results): the index (a bounded number of queries per requirement) and the ZIP (one
// PDF per record in force, at most 500 per requirement, laid out one at a time in the worker pool).
import type { BenchModule } from './types.js';

export const certificationBench: BenchModule = {
  name: 'certification',
  seed() {
    return Promise.resolve('nothing of its own: the pack reads what the other modules seeded');
  },
  cases({ org, c }) {
    const path = `/api/v1/orgs/${org.slug}/certification-pack`;
    return [
      { name: 'certification: pack index of the large organization', targetMs: 500, run: () => c.get(path) },
      {
        name: 'certification: pack ZIP of the large organization (up to 500 document PDFs)',
        targetMs: 120_000,
        runs: 1,
        run: () => c.post(path, {}),
      },
    ];
  },
};
