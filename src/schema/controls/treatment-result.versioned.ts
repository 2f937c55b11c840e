import { z } from 'zod';
import { intInput } from '../common/primitives.js';
import { defineVersioned } from '../versioning/versioned.js';
import { planRowSchema } from './treatment-plan.schema.js';
import { TREATMENT_RESULT_ENTITY } from './treatment-result.register.js';

/** an integer the server fills: bounded like every integer a request body may carry (integer-bounds.test.ts) */
const int = intInput();

/**
 * The treatment plan's status at a date (27001 8.3): every treated risk as the plan rows show it (option, controls,
 * actions and their status, residual level against the acceptance criteria, the owner's acceptance), with counts.
 */
export const treatmentStatusSchema = z.object({
  /** the day the plan's status was read (the draft's save) */
  statusDate: z.string().nullable(),
  counts: z.object({
    risks: int,
    options: z.array(z.object({ option: z.string(), count: int })),
    actions: int,
    actionsDone: int,
    actionsOverdue: int,
    controls: int,
    controlsImplemented: int,
    residualAcceptable: int,
    residualBeyondAcceptance: int,
    residualBeyondAccepted: int,
    accepted: int,
    notAccepted: int,
  }),
  rows: z.array(planRowSchema).max(20_000),
});
export type TreatmentStatus = z.infer<typeof treatmentStatusSchema>;

export const emptyTreatmentStatus: TreatmentStatus = {
  statusDate: null,
  counts: {
    risks: 0,
    options: [],
    actions: 0,
    actionsDone: 0,
    actionsOverdue: 0,
    controls: 0,
    controlsImplemented: 0,
    residualAcceptable: 0,
    residualBeyondAcceptance: 0,
    residualBeyondAccepted: 0,
    accepted: 0,
    notAccepted: 0,
  },
  rows: [],
};

export const treatmentResultsVersioned = defineVersioned({
  entity: TREATMENT_RESULT_ENTITY,
  documentTitle: 'Information security risk treatment results',
  approvalMeaning: 'Approved as the results of the information security risk treatment',
  sections: [
    {
      kind: 'text',
      key: 'summary',
      label: 'treatment-results.section.summary',
      help: 'treatment-results.help.summary',
    },
    {
      kind: 'data',
      key: 'plan',
      label: 'treatment-results.section.plan',
      help: 'treatment-results.help.plan',
      schema: treatmentStatusSchema,
      initial: emptyTreatmentStatus,
      serverFilled: true,
    },
    {
      kind: 'text',
      key: 'conclusions',
      label: 'treatment-results.section.conclusions',
      help: 'treatment-results.help.conclusions',
    },
  ],
});
