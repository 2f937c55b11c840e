import type { Db } from '../../db/connect.js';
import type { ReviewInputSection } from '../../schema/management-review/review-inputs.schema.js';
import type { OrgContext } from '../context.js';

/**
 * The inputs b–g of a management review (27001:2022 9.3.2), compiled from the records as of `asOf`, changes counted
 * since the previous held review (`since`; null: everything). Input a (actions from previous reviews) is compiled
 * by the review module itself, which owns the decisions.
 *
 * SCAFFOLD (issue 17, session 6): the helper i17-inputs replaces this body; nothing may ship with it.
 */
export async function compileRecordInputs(
  _ctx: OrgContext,
  _db: Db,
  _range: { asOf: string; since: string | null },
): Promise<ReviewInputSection[]> {
  const keys = [
    'contextChanges',
    'partyChanges',
    'performance',
    'partyFeedback',
    'riskResults',
    'improvement',
  ] as const;
  return Promise.resolve(keys.map((key) => ({ key, facts: [], tables: [], charts: [], notBuilt: [] })));
}
