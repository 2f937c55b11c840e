import { REVIEW_INPUT_KEYS } from '../../src/schema/management-review/review-inputs.schema.js';
import type { TestOrg } from './factories.js';
import type { FixtureCtx } from './route-fixtures.js';
import { buildRegisterRecord, registerOf } from './route-fixtures.js';

/** Bodies for the management review routes in the catalog-wide tests (role matrix, isolation, bad input). */

type BodyMaker = (ctx: FixtureCtx, made: Record<string, string>) => Promise<Record<string, unknown>>;
const O = '/api/v1/orgs/:org';

async function ok(res: { statusCode: number; body: string; json: () => unknown }, what: string) {
  if (res.statusCode < 200 || res.statusCode > 299) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as Record<string, unknown>;
}

/** One "no action needed" decision per input a–g, so the minutes may be approved. */
export async function answerEveryInput(org: TestOrg, reviewId: string) {
  for (const input of REVIEW_INPUT_KEYS)
    await ok(
      await org.as.admin.post(`/api/v1/orgs/${org.slug}/management-review-decisions`, {
        reviewId,
        input,
        kind: 'no_action',
        statement: `No change needed on ${input}`,
      }),
      `decision on ${input}`,
    );
}

export const MANAGEMENT_REVIEW_BODIES: Record<string, BodyMaker> = {
  [`PUT ${O}/management-reviews/:id/attendance`]: async ({ org }) => ({
    members: [{ userId: org.users.approver.id, capacity: 'Chair', present: true }],
    others: [{ name: 'External consultant', capacity: 'Adviser', present: true }],
  }),
  // a decision that changes something opens a draft of a document
  [`POST ${O}/management-review-decisions/:id/open-draft`]: async ({ org }, made) => {
    await ok(
      await org.as.admin.patch(`/api/v1/orgs/${org.slug}/management-review-decisions/${made.id}`, {
        kind: 'policy_objectives',
      }),
      'decision kind',
    );
    return { entity: 'document', id: (await buildRegisterRecord(org.as.admin, org, registerOf('document'))).id };
  },
  // the chair signs: the calling role's user chairs the review when it may (top management); every input answered
  [`POST ${O}/management-reviews/:id/versions/:no/approve`]: async ({ org, role }, made) => {
    const review = `/api/v1/orgs/${org.slug}/management-reviews/${made.id}`;
    if (role === 'approver') await ok(await org.as.admin.patch(review, { chairId: org.users[role].id }), 'chair');
    await answerEveryInput(org, made.id!);
    const d = await ok(
      await org.as.admin.request('PUT', `${review}/draft`, { content: { conclusions: 'The ISMS is effective' } }),
      'save the draft again',
    );
    return { contentHash: d.contentHash };
  },
};
