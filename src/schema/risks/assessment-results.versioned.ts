import { z } from 'zod';
import { intInput } from '../common/primitives.js';
import { defineVersioned } from '../versioning/versioned.js';
import { COMPARE_CHANGES, CROSSINGS } from './risks.schema.js';

/** The results of a risk assessment (27001 8.2) are versions of the `risk_assessment` record. */
export const ASSESSMENT_RESULTS_ENTITY = 'risk_assessment';

/** an integer the server fills: bounded like every integer a request body may carry (integer-bounds.test.ts) */
const int = intInput();

/** One risk as the closed assessment froze it: its analysis (6.1.2 d) and evaluation (6.1.2 e). */
export const resultRiskSchema = z.object({
  /** place in the priority order (1 = treat first); null for a risk without an evaluation */
  rank: int.nullable(),
  ref: z.string(),
  title: z.string(),
  owner: z.string().nullable(),
  status: z.string(),
  /** what could happen and why (the risk's analysis as recorded when the assessment closed) */
  event: z.string().nullable(),
  cause: z.string().nullable(),
  consequenceDescription: z.string().nullable(),
  existingControls: z.string().nullable(),
  likelihood: int.nullable(),
  consequence: int.nullable(),
  score: z.number().nullable(),
  level: z.string().nullable(),
  levelLabel: z.string().nullable(),
  acceptable: z.boolean().nullable(),
  priority: int.nullable(),
});
export type ResultRisk = z.infer<typeof resultRiskSchema>;

const standing = z.object({ levelLabel: z.string().nullable(), score: z.number().nullable() }).nullable();

/** What changed since the previous closed assessment (the assessment comparison, changed rows only). */
export const resultChangesSchema = z.object({
  previous: z.object({ ref: z.string(), title: z.string(), closedAt: z.string().nullable() }),
  methodologyChanged: z.boolean(),
  summary: z.object({
    added: int,
    removed: int,
    rose: int,
    fell: int,
    toUnacceptable: int,
    toAcceptable: int,
    unchanged: int,
  }),
  rows: z
    .array(
      z.object({
        ref: z.string(),
        title: z.string(),
        change: z.enum(COMPARE_CHANGES),
        crossed: z.enum(CROSSINGS).nullable(),
        before: standing,
        after: standing,
      }),
    )
    .max(50_000),
});

export const assessmentResultsSchema = z.object({
  assessment: z.object({
    ref: z.string(),
    title: z.string(),
    startedOn: z.string().nullable(),
    closedAt: z.string().nullable(),
    closedBy: z.string().nullable(),
    scopeDescription: z.string().nullable(),
  }),
  /** the scope statement in force when the assessment closed (4.3) */
  scope: z.object({ ref: z.string(), title: z.string(), versionNo: int, statement: z.string() }).nullable(),
  /** the methodology version the assessment ran on (6.1.2) */
  methodology: z.object({ ref: z.string(), versionNo: int }).nullable(),
  counts: z.object({
    total: int,
    acceptable: int,
    notAcceptable: int,
    notEvaluated: int,
    byLevel: z.array(z.object({ level: z.string(), levelLabel: z.string().nullable(), count: int })),
  }),
  /** every risk, in priority order */
  risks: z.array(resultRiskSchema).max(50_000),
  /** null for the organization's first closed assessment */
  changes: resultChangesSchema.nullable(),
});
export type AssessmentResults = z.infer<typeof assessmentResultsSchema>;

export const emptyAssessmentResults: AssessmentResults = {
  assessment: { ref: '', title: '', startedOn: null, closedAt: null, closedBy: null, scopeDescription: null },
  scope: null,
  methodology: null,
  counts: { total: 0, acceptable: 0, notAcceptable: 0, notEvaluated: 0, byLevel: [] },
  risks: [],
  changes: null,
};

export const assessmentResultsVersioned = defineVersioned({
  entity: ASSESSMENT_RESULTS_ENTITY,
  documentTitle: 'Information security risk assessment results',
  approvalMeaning: 'Approved as the results of the information security risk assessment',
  sections: [
    {
      kind: 'text',
      key: 'summary',
      label: 'riskAssessments.section.summary',
      help: 'riskAssessments.help.summary',
    },
    {
      kind: 'data',
      key: 'results',
      label: 'riskAssessments.section.results',
      help: 'riskAssessments.help.results',
      schema: assessmentResultsSchema,
      initial: emptyAssessmentResults,
      serverFilled: true,
    },
    {
      kind: 'text',
      key: 'conclusions',
      label: 'riskAssessments.section.conclusions',
      help: 'riskAssessments.help.conclusions',
    },
  ],
});
