import { reviewDecisionsSnapshotSchema } from '../../schema/management-review/management-review.register.js';
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

/**
 * Whether a draft's frozen decisions differ from the decisions as they stand (one recorded or removed since it was
 * saved): the server refuses to approve such a draft, so the page asks to save it again first.
 */
export function draftDecisionsStale(snapshot: unknown, live: readonly { ref: string }[]): boolean {
  const parsed = reviewDecisionsSnapshotSchema.safeParse(snapshot);
  const frozen = new Set(parsed.success ? parsed.data.decisions.map((d) => d.ref) : []);
  return frozen.size !== live.length || live.some((d) => !frozen.has(d.ref));
}
