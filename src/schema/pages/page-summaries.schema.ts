import { z } from 'zod';
import { actionRegister } from '../actions/action.register.js';
import { paginated } from '../common/primitives.js';
import { APPLICABILITY, IMPLEMENTATION_STATUSES, controlRegister } from '../controls/control.register.js';
import { controlDriversSchema, controlSettingsSchema, treatmentSchema } from '../controls/treatment.schema.js';
import { documentRegister } from '../documents/document.register.js';
import { toReadListSchema } from '../documents/documents.schema.js';
import { evidenceRegister } from '../evidence/evidence.register.js';
import { myInvitationListSchema } from '../orgs/invitation.schema.js';
import { linkListSchema } from '../orgs/org.schema.js';
import { historySchema, relatedSchema } from '../register/register-responses.js';
import { riskRegister } from '../risks/risk.register.js';
import { currentMethodologySchema } from '../risks/risks.responses.js';

/**
 * Page summaries (issue 15): what a web page needs for its first view in one request, each part exactly what its
 * own route answers (the routes stay, for API users). A part the caller may not read is null.
 */

const pageOf = <T extends z.ZodType>(record: T) => paginated(record).extend({ related: relatedSchema });

/** GET …/risks/{id}/page: the risk, its evaluation's methodology, treatment, planned actions, links, evidence, history. */
export const riskPageSchema = z.object({
  risk: riskRegister.recordSchema.extend({ related: relatedSchema }),
  methodology: currentMethodologySchema,
  /** an open reassessment trigger names the risk and it was not evaluated since (the list's reassessmentDue filter) */
  reassessmentDue: z.boolean(),
  treatment: treatmentSchema.nullable(),
  controlSettings: controlSettingsSchema.nullable(),
  /** the actions planned from the risk, by due date (the first 100) */
  actions: pageOf(actionRegister.recordSchema).nullable(),
  links: linkListSchema.nullable(),
  /** the evidence attached to the risk that the caller may read, newest first (the first 200) */
  evidence: pageOf(evidenceRegister.recordSchema).nullable(),
  history: historySchema,
});
export type RiskPage = z.infer<typeof riskPageSchema>;

/** GET …/controls/{id}/page: the control, what needs it, links, evidence and history. */
export const controlPageSchema = z.object({
  control: controlRegister.recordSchema.extend({ related: relatedSchema }),
  drivers: controlDriversSchema,
  methodology: currentMethodologySchema.nullable(),
  links: linkListSchema.nullable(),
  evidence: pageOf(evidenceRegister.recordSchema).nullable(),
  history: historySchema,
});
export type ControlPage = z.infer<typeof controlPageSchema>;

/** GET …/home: the caller's action counts, what they must read and review, and their invitations. */
export const homePageSchema = z.object({
  actionCounts: z
    .object({
      /** open or in progress, owned by the caller */
      mine: z.number().int(),
      /** overdue, owned by the caller */
      mineOverdue: z.number().int(),
      /** overdue, anyone's */
      overdue: z.number().int(),
    })
    .nullable(),
  toRead: toReadListSchema.nullable(),
  /** the caller's documents whose review is due (the first 10); null for a role that does not review documents */
  reviewsDue: pageOf(documentRegister.recordSchema).nullable(),
  /** invitations waiting for the signed-in user (none for an API token) */
  invitations: myInvitationListSchema,
});
export type HomePage = z.infer<typeof homePageSchema>;

/**
 * The counts the Controls page shows above its list, by name: the list query each counts (a click on a count
 * applies that query to the list, so the two always agree). GET …/controls/counts answers all of them at once.
 */
export const CONTROL_COUNT_QUERIES: Record<string, Record<string, string>> = {
  ...Object.fromEntries(APPLICABILITY.map((a) => [a, { applicability: a }])),
  ...Object.fromEntries(
    IMPLEMENTATION_STATUSES.map((s) => [`impl-${s}`, { applicability: 'applicable', implementationStatus: s }]),
  ),
  unjustified: { unjustified: 'true' },
  untouched: { untouched: 'true' },
};
export const controlCountsSchema = z.object({ counts: z.record(z.string(), z.number().int()) });
