import { z } from 'zod';
import { chartSpecSchema } from '../common/chart-spec.js';

/**
 * The inputs of a management review (ISO/IEC 27001:2022 9.3.2 a–g), compiled by Rampart from its records as of a
 * date. Each input is a generic section of facts, tables and charts, so the web, the minutes' DOCX/PDF and the
 * frozen snapshot in an approved version all read one shape; what Rampart does not hold yet is said in `notBuilt`.
 */
export const REVIEW_INPUT_KEYS = [
  'previousActions', // a) status of actions from previous management reviews
  'contextChanges', // b) changes in external and internal issues (4.1)
  'partyChanges', // c) changes in needs and expectations of interested parties (4.2)
  'performance', // d) feedback on information security performance, with trends
  'partyFeedback', // e) feedback from interested parties
  'riskResults', // f) results of risk assessment and status of the risk treatment plan
  'improvement', // g) opportunities for continual improvement
] as const;
export type ReviewInputKey = (typeof REVIEW_INPUT_KEYS)[number];

export const REVIEW_INPUT_LETTERS: Record<ReviewInputKey, string> = {
  previousActions: 'a',
  contextChanges: 'b',
  partyChanges: 'c',
  performance: 'd',
  partyFeedback: 'e',
  riskResults: 'f',
  improvement: 'g',
};

const cell = z.string().max(4000);

export const reviewInputTableSchema = z.object({
  title: z.string().max(200),
  columns: z.array(z.string().max(120)).max(20),
  rows: z.array(z.array(cell).max(20)).max(5000),
  /** said when there are no rows ("No issue was added, changed or removed since MR-002") */
  emptyText: z.string().max(400),
  /** relative column widths in documents (one per column); without them the columns share the width */
  widths: z.array(z.number().positive().max(100)).max(20).optional(),
});

export const reviewInputSectionSchema = z.object({
  key: z.enum(REVIEW_INPUT_KEYS),
  /** the headline figures: [label, value] ("Open nonconformities", "4") */
  facts: z.array(z.tuple([z.string().max(200), z.string().max(400)])).max(40),
  tables: z.array(reviewInputTableSchema).max(20),
  charts: z.array(z.object({ title: z.string().max(200), chart: chartSpecSchema })).max(10),
  /** what Rampart cannot compile because its module is not built yet, said plainly */
  notBuilt: z.array(z.string().max(400)).max(10),
});
export type ReviewInputSection = z.infer<typeof reviewInputSectionSchema>;

export const reviewInputsSchema = z.object({
  /** when the inputs were compiled (ISO timestamp) */
  compiledAt: z.string(),
  /** the date the inputs describe the ISMS as of (the review's date, or today before it) */
  asOf: z.string(),
  /** the previous held review the changes are counted from (null: the first review, everything counts) */
  since: z.object({ ref: z.string(), heldOn: z.string() }).nullable(),
  /** a–g in order once compiled; empty in a version saved before anything was compiled */
  sections: z.array(reviewInputSectionSchema).max(REVIEW_INPUT_KEYS.length),
});
export type ReviewInputs = z.infer<typeof reviewInputsSchema>;
