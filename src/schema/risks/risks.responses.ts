import { z } from 'zod';
import { paginated } from '../common/primitives.js';
import { methodologySchema } from './methodology.schema.js';
import { COMPARE_CHANGES, CROSSINGS } from './risks.schema.js';

/**
 * Answers of the risk assessment routes beyond the generic register ones (docs/API.md "Risk assessment"). The web
 * reads them through these same schemas. A level of risk answers as its key (`level`, stable, what filters take)
 * with its name beside it (`levelLabel`, from the methodology version the level was evaluated with).
 */

const int = z.number().int();
const levelLabel = z
  .string()
  .nullable()
  .meta({ description: "The level's name in the methodology version it was evaluated with (null when no level)" });

export const methodologyInForceSchema = z.object({
  recordId: z.string(),
  ref: z.string(),
  versionNo: int,
  approvedAt: z.string().nullable(),
  methodology: methodologySchema,
});
export type MethodologyInForce = z.infer<typeof methodologyInForceSchema>;

/** `GET /risk-methodologies/current`: null until a methodology is approved. */
export const currentMethodologySchema = z.object({ current: methodologyInForceSchema.nullable() });

export const startingMethodologySchema = z.object({
  key: z.string(),
  name: z.string(),
  methodology: methodologySchema,
});
export type StartingMethodology = z.infer<typeof startingMethodologySchema>;
export const startingSetSchema = z.object({ methodologies: z.array(startingMethodologySchema) });

/** A risk's evaluation before or after a re-scoring. */
export const rescoreStandingSchema = z.object({
  level: z.string().nullable(),
  levelLabel,
  score: z.number().nullable(),
  acceptable: z.boolean().nullable(),
});
export type RescoreStanding = z.infer<typeof rescoreStandingSchema>;

export const riskMoveSchema = z.object({
  riskId: z.string(),
  ref: z.string(),
  title: z.string(),
  before: rescoreStandingSchema.nullable(),
  after: rescoreStandingSchema.nullable(),
  /** the risk crossed the acceptance line */
  crossed: z.boolean(),
  /** level numbers moved by relative position because a scale changed size */
  carried: z.array(z.object({ field: z.string(), from: int, to: int })),
});
export type RiskMove = z.infer<typeof riskMoveSchema>;

/** What approving a methodology version would do (preview), or did (a re-scoring). */
export const rescorePreviewSchema = z.object({
  fromVersion: int.nullable(),
  toVersion: int,
  total: int,
  changed: int,
  crossed: int,
  moves: z.array(riskMoveSchema),
});
export type RescorePreview = z.infer<typeof rescorePreviewSchema>;

export const rescoreSummarySchema = z.object({
  id: z.string(),
  fromVersion: int.nullable(),
  toVersion: int,
  total: int,
  changed: int,
  crossed: int,
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type RescoreSummary = z.infer<typeof rescoreSummarySchema>;
export const rescoreListSchema = paginated(rescoreSummarySchema);
export const rescoreSchema = rescoreSummarySchema.extend({ moves: z.array(riskMoveSchema) });
export type Rescore = z.infer<typeof rescoreSchema>;

export const heatMapLevelSchema = z.object({
  key: z.string(),
  label: z.string(),
  colour: z.string(),
  acceptable: z.boolean(),
});
export type HeatMapLevel = z.infer<typeof heatMapLevelSchema>;

export const heatMapSchema = z.object({
  methodology: z
    .object({
      recordId: z.string(),
      ref: z.string(),
      versionNo: int,
      likelihood: z.object({ name: z.string(), levels: z.array(z.string()) }),
      consequence: z.object({ name: z.string(), levels: z.array(z.string()) }),
      levels: z.array(heatMapLevelSchema),
    })
    .nullable(),
  /** 1-based level numbers, as the register's `likelihood` and `consequenceLevel` filters take them */
  cells: z.array(
    z.object({ likelihood: int, consequence: int, level: z.string(), levelLabel: z.string(), count: int }),
  ),
  total: int,
  notEvaluated: int,
});
export type HeatMapData = z.infer<typeof heatMapSchema>;

export const closedAssessmentSchema = z.object({
  id: z.string(),
  ref: z.string(),
  closedAt: z.string(),
  riskCount: int,
  methodologyVersion: int.nullable(),
});

/** A risk as an assessment froze it, or as the register stands (compare). */
export const standingSchema = z.object({
  riskId: z.string(),
  ref: z.string(),
  title: z.string(),
  ownerLabel: z.string().nullable(),
  status: z.string(),
  likelihood: int.nullable(),
  /** the consequence level the risk was evaluated at (C, I, A combined where the methodology rates them apart) */
  consequence: int.nullable(),
  consequenceLevel: int
    .nullable()
    .meta({ deprecated: true, description: 'Deprecated: the same as `consequence`; removed in the next release.' }),
  score: z.number().nullable(),
  level: z.string().nullable(),
  levelLabel,
  levelRank: int.nullable(),
  acceptable: z.boolean().nullable(),
  priority: int.nullable(),
});
export type Standing = z.infer<typeof standingSchema>;
export const assessmentEntriesSchema = paginated(standingSchema);

export const compareHeadSchema = z.object({
  /** the assessment's id, or `current` */
  id: z.string(),
  ref: z.string().nullable(),
  title: z.string().nullable(),
  closedAt: z.string().nullable(),
  methodologyVersion: int.nullable(),
});
export type CompareHead = z.infer<typeof compareHeadSchema>;

export const compareRowSchema = z.object({
  riskId: z.string(),
  ref: z.string(),
  title: z.string(),
  change: z.enum(COMPARE_CHANGES),
  crossed: z.enum(CROSSINGS).nullable(),
  before: standingSchema.nullable(),
  after: standingSchema.nullable(),
});
export type CompareRow = z.infer<typeof compareRowSchema>;
export type CompareChange = CompareRow['change'];

export const comparisonSchema = z.object({
  from: compareHeadSchema,
  to: compareHeadSchema,
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
  rows: z.array(compareRowSchema),
});
export type Comparison = z.infer<typeof comparisonSchema>;
