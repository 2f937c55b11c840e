import type { Db } from '../../db/connect.js';
import type { ReviewInputSection } from '../../schema/management-review/review-inputs.schema.js';
import type { OrgContext } from '../context.js';
import { contextChanges } from './inputs/context-changes.js';
import { improvement } from './inputs/improvement.js';
import { inputWindow } from './inputs/input-window.js';
import { partyChanges } from './inputs/party-changes.js';
import { partyFeedback } from './inputs/party-feedback.js';
import { performance } from './inputs/performance.js';
import { riskResults } from './inputs/risk-results.js';

/**
 * The inputs b–g of a management review (27001:2022 9.3.2), compiled from the records as of `asOf`, changes counted
 * since the previous held review (`since`; null: everything). Input a (actions from previous reviews) is compiled
 * by the review module itself, which owns the decisions.
 *
 * Every query reads `db` (the caller's transaction when the minutes' draft is prepared), never ctx.db, and filters
 * on the organization. Changes are counted in the window (since, asOf] from the records' dates and the audit trail;
 * standings (open nonconformities, a measure's latest RAG, an objective's progress, the risk register) are the
 * records' current values, read when the inputs are compiled — the minutes' version freezes them.
 * Sections run one after another: on SQLite a transaction has one connection anyway, and on PostgreSQL one
 * compilation should not take several pooled connections from the other requests.
 */
export async function compileRecordInputs(
  ctx: OrgContext,
  db: Db,
  range: { asOf: string; since: string | null },
): Promise<ReviewInputSection[]> {
  const w = inputWindow(ctx, db, range);
  return [
    await contextChanges(w),
    await partyChanges(w),
    await performance(w),
    await partyFeedback(w),
    await riskResults(w),
    await improvement(w),
  ];
}
