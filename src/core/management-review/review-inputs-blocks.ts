import type { ReviewInputs } from '../../schema/management-review/review-inputs.schema.js';
import type { DocumentBlock } from '../versioning/versioned-module.js';

/**
 * The compiled inputs as document blocks (the minutes' DOCX/PDF): per input a heading, its facts, tables and charts.
 *
 * SCAFFOLD (issue 17, session 6): the helper i17-inputs replaces this body; nothing may ship with it.
 */
export function reviewInputsBlocks(inputs: ReviewInputs): DocumentBlock[] {
  return inputs.sections.map((s) => ({ kind: 'text', heading: s.key, paragraphs: [] }));
}
