// The management review's inputs b–g compiled for the large organization the other modules seeded (5,000 risks,
// 2,000 actions, nonconformities, audits, measures): the compiler is what the review's inputs route and the minutes'
// draft run, so it is measured directly, over the whole history (the first review) and over the last year.
import { SYSTEM_ACTOR } from '../../src/core/context.js';
import { REGISTERS } from '../../src/core/modules.js';
import { compileRecordInputs } from '../../src/core/management-review/review-inputs.service.js';
import type { BenchModule } from './types.js';

const today = () => new Date().toISOString().slice(0, 10);
const yearAgo = () => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d.toISOString().slice(0, 10);
};

export const reviewInputsBench: BenchModule = {
  name: 'review-inputs',
  seed: () => Promise.resolve('nothing of its own (reads what the other modules seeded)'),
  cases({ handle, org }) {
    const ctx = {
      db: handle.db,
      org: { ...org, name: 'Bench Org' },
      role: 'admin' as const,
      actor: SYSTEM_ACTOR,
      registers: REGISTERS,
    };
    const run = (since: string | null) => async () => {
      const sections = await compileRecordInputs(ctx, handle.db, { asOf: today(), since });
      return { statusCode: sections.length === 6 ? 200 : 500 };
    };
    return [
      { name: 'review inputs b–g, first review (everything)', targetMs: 1500, runs: 5, run: run(null) },
      { name: 'review inputs b–g, since a year ago', targetMs: 1500, runs: 5, run: run(yearAgo()) },
    ];
  },
};
