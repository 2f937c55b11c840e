import { z } from 'zod';
import { intInput, intParam } from '../common/primitives.js';
import { defineRegister } from '../register/define-register.js';
import { defineVersioned, VERSION_STATES } from '../versioning/versioned.js';

/** One treated risk in the risk treatment plan (27001 6.1.3 e, 8.3): everything that shows where it stands. */
export const planRowSchema = z.object({
  riskId: z.string(),
  ref: z.string(),
  title: z.string(),
  owner: z.string().nullable(),
  ownerId: z.string().nullable(),
  level: z.string().nullable(),
  /** the level's name in the methodology in force when the row was read */
  levelLabel: z.string().nullable(),
  acceptable: z.boolean().nullable(),
  status: z.string(),
  options: z.array(z.object({ option: z.string(), rationale: z.string() })),
  controls: z.array(
    z.object({
      id: z.string(),
      ref: z.string(),
      title: z.string(),
      effect: z.string(),
      applicability: z.string(),
      implementationStatus: z.string(),
    }),
  ),
  actions: z.array(
    z.object({
      id: z.string(),
      ref: z.string(),
      title: z.string(),
      owner: z.string().nullable(),
      dueDate: z.string().nullable(),
      status: z.string(),
      overdue: z.boolean(),
    }),
  ),
  residualLevel: z.string().nullable(),
  residualLevelLabel: z.string().nullable(),
  residualAcceptable: z.boolean().nullable(),
  acceptance: z
    .object({
      kind: z.string(),
      by: z.string(),
      at: z.string(),
      expiresOn: z.string().nullable(),
      justification: z.string().nullable(),
      state: z.enum(['valid', 'outdated', 'expired']),
    })
    .nullable(),
  /** the risk was evaluated again after its treatment was last saved (8.2 → revisit the treatment) */
  needsRevisit: z.boolean(),
  /** actions done / all, controls implemented / all */
  progress: z.object({
    actionsDone: intInput(0),
    actions: intInput(0),
    controlsImplemented: intInput(0),
    controls: intInput(0),
  }),
});
export type PlanRow = z.infer<typeof planRowSchema>;

export const planQuerySchema = z.strictObject({
  page: intParam(1, 1_000_000).default(1),
  pageSize: intParam(1, 200).default(50),
  /** only risks the plan needs attention for: no valid acceptance, revisit, overdue action */
  attention: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export const planPageSchema = z.object({
  items: z.array(planRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** The plan as a controlled document approved by management: one record per organization. */
export const treatmentPlanRegister = defineRegister({
  entity: 'risk_treatment_plan',
  collection: 'risk-treatment-plans',
  refPrefix: 'RTP',
  title: 'treatmentPlan.title',
  titleField: 'title',
  defaultSort: { field: 'ref', order: 'asc' },
  fields: {
    title: {
      kind: 'text',
      label: 'treatmentPlan.field.title',
      required: true,
      inList: true,
      sortable: true,
      searchable: true,
    },
    ownerId: { kind: 'member', label: 'treatmentPlan.field.owner', inList: true, filterable: true },
    nextReviewDate: {
      kind: 'date',
      label: 'treatmentPlan.field.nextReviewDate',
      inList: true,
      sortable: true,
      filterable: true,
    },
    latestVersion: { kind: 'integer', label: 'versions.field.latestVersion', readOnly: true, inList: true },
    latestState: {
      kind: 'enum',
      label: 'versions.field.latestState',
      options: VERSION_STATES,
      readOnly: true,
      inList: true,
      filterable: true,
    },
    approvedVersion: { kind: 'integer', label: 'versions.field.approvedVersion', readOnly: true, inList: true },
  },
});

export const planContentSchema = z.object({ rows: z.array(planRowSchema).max(20_000) });

export const treatmentPlanVersioned = defineVersioned({
  entity: 'risk_treatment_plan',
  documentTitle: 'Information security risk treatment plan',
  approvalMeaning: 'Approved by management as the risk treatment plan',
  sections: [
    { kind: 'text', key: 'summary', label: 'treatmentPlan.section.summary', help: 'treatmentPlan.help.summary' },
    {
      kind: 'data',
      key: 'plan',
      label: 'treatmentPlan.section.plan',
      help: 'treatmentPlan.help.plan',
      schema: planContentSchema,
      initial: { rows: [] },
      serverFilled: true,
    },
  ],
});
