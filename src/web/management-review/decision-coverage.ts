import { REVIEW_INPUT_KEYS, type ReviewInputKey } from '../../schema/management-review/review-inputs.schema.js';

/**
 * The inputs a–g no decision answers yet (a "No action needed" decision answers one): the minutes cannot be
 * approved until every input has at least one (the server refuses with 409 listing them; this says it beforehand).
 */
export function unansweredInputs(
  decisions: readonly { input: string | null; archivedAt?: string | null }[],
): ReviewInputKey[] {
  const answered = new Set(decisions.filter((d) => !d.archivedAt).map((d) => d.input));
  return REVIEW_INPUT_KEYS.filter((k) => !answered.has(k));
}
