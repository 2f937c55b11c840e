// The management review on the large organization every module before has seeded (5,000 risks, 20,000 actions,
// documents, nonconformities, audits, 200 measures), over HTTP as the web asks: compiling a review's inputs a–g from
// the records since the previous review, and saving the minutes' draft (the inputs compiled again, frozen into the
// version and hashed, in one transaction).
import { ok } from '../http-caller.js';
import type { BenchModule } from './types.js';

let reviewId = '';

const today = () => new Date().toISOString().slice(0, 10);

export const managementReviewBench: BenchModule = {
  name: 'management review',
  async seed({ org, c }) {
    const o = `/api/v1/orgs/${org.slug}`;
    const held = await ok(
      await c.post(`${o}/management-reviews`, {
        title: 'Management review 2025',
        plannedDate: '2025-11-20',
        heldOn: '2025-11-20',
      }),
      'previous review',
    );
    const next = await ok(
      await c.post(`${o}/management-reviews`, { title: 'Management review 2026', plannedDate: today() }),
      'review',
    );
    reviewId = next.id as string;
    return `2 management reviews (${held.ref as string} held, ${next.ref as string} planned)`;
  },
  cases({ org, c }) {
    const o = `/api/v1/orgs/${org.slug}`;
    return [
      {
        name: 'management review: compile the inputs a–g',
        targetMs: 1000,
        run: () => c.get(`${o}/management-reviews/${reviewId}/inputs`),
      },
      {
        name: "management review: save the minutes' draft (inputs compiled, frozen and hashed)",
        targetMs: 1500,
        run: () => c.request('PUT', `${o}/management-reviews/${reviewId}/draft`, { content: {} }),
      },
    ];
  },
};
