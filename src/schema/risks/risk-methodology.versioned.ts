import { defineVersioned } from '../versioning/versioned.js';
import { methodologySchema } from './methodology.schema.js';
import { STARTING_METHODOLOGIES } from './starting-methodologies.js';

/**
 * The methodology as a controlled document: a short text on how and when it is applied, and the structured
 * method itself (scales, rule for the level of risk, levels, acceptance criteria). A new methodology starts from
 * the 5 × 5 starting methodology; the editor offers the others.
 */
export const riskMethodologyVersioned = defineVersioned({
  entity: 'risk_methodology',
  documentTitle: 'Information security risk assessment methodology',
  approvalMeaning: 'Approved by top management as the risk assessment methodology and risk acceptance criteria',
  sections: [
    { kind: 'text', key: 'summary', label: 'riskMethodology.section.summary', help: 'riskMethodology.help.summary' },
    {
      kind: 'data',
      key: 'methodology',
      label: 'riskMethodology.section.methodology',
      help: 'riskMethodology.help.methodology',
      schema: methodologySchema,
      initial: STARTING_METHODOLOGIES[0]!.methodology,
    },
  ],
});
