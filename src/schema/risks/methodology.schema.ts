import { z } from 'zod';
import { intInput } from '../common/primitives.js';

/**
 * A risk methodology (27001 6.1.2 a–b): the scales on which likelihood and consequence are assessed, the rule that
 * turns them into a level of risk, the named levels, and the acceptance criteria. Scales have 3–10 levels; the
 * rule is a matrix (every likelihood × consequence cell names a level) or a formula with score thresholds.
 */
export const APPROACHES = ['qualitative', 'quantitative', 'semi_quantitative'] as const;
export const CIA_COMBINATIONS = ['highest', 'average', 'sum'] as const;

const key = z.string().regex(/^[a-z][a-z0-9_]{0,30}$/, 'Lowercase letters, digits and _ (a short key)');
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A colour like #C0392B');

export const scaleLevelSchema = z.strictObject({
  value: intInput(0, 1_000_000_000),
  label: z.string().trim().min(1).max(60),
  description: z.string().trim().max(1000).default(''),
  /** quantitative meaning of the level, e.g. frequency per year or monetary loss */
  from: z.number().min(0).nullable().default(null),
  to: z.number().min(0).nullable().default(null),
});

export const scaleSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(60),
    unit: z.string().trim().max(30).default(''),
    levels: z.array(scaleLevelSchema).min(3, 'At least 3 levels').max(10, 'At most 10 levels'),
  })
  .superRefine((scale, ctx) => {
    scale.levels.forEach((level, i) => {
      if (i > 0 && level.value <= scale.levels[i - 1]!.value) {
        ctx.addIssue({
          code: 'custom',
          path: ['levels', i, 'value'],
          message: 'Values must increase from one level to the next',
        });
      }
    });
  });

export const riskLevelSchema = z.strictObject({
  key,
  label: z.string().trim().min(1).max(40),
  colour,
  description: z.string().trim().max(1000).default(''),
});

export const matrixRuleSchema = z.strictObject({
  kind: z.literal('matrix'),
  /** cells[likelihoodIndex][consequenceIndex] = risk level key; indexes follow the scales' level order */
  cells: z.array(z.array(key)),
});

export const formulaRuleSchema = z.strictObject({
  kind: z.literal('formula'),
  formula: z.enum(['product', 'sum']),
  /** ascending: a score at or above `min` gets `level`, the highest threshold reached wins */
  thresholds: z.array(z.strictObject({ min: z.number(), level: key })).min(1),
});

export const acceptanceSchema = z.strictObject({
  /** levels that are acceptable without treatment */
  acceptableLevels: z.array(key),
  /** who may accept a residual risk at each level */
  acceptors: z.array(z.strictObject({ level: key, who: z.string().trim().min(1).max(200) })).default([]),
  /** other criteria: cost-benefit, consequence types that are never acceptable… */
  otherCriteria: z.string().trim().max(4000).default(''),
});

export const methodologySchema = z
  .strictObject({
    approach: z.enum(APPROACHES),
    likelihood: scaleSchema,
    consequence: scaleSchema,
    /** assess consequence separately for confidentiality, integrity and availability */
    consequencePerCia: z.boolean().default(false),
    ciaCombination: z.enum(CIA_COMBINATIONS).default('highest'),
    levels: z.array(riskLevelSchema).min(2).max(8),
    rule: z.discriminatedUnion('kind', [matrixRuleSchema, formulaRuleSchema]),
    acceptance: acceptanceSchema,
  })
  .superRefine((m, ctx) => {
    const known = new Set(m.levels.map((l) => l.key));
    if (known.size !== m.levels.length)
      ctx.addIssue({ code: 'custom', path: ['levels'], message: 'Each level needs its own key' });
    const unknown = (k: string, path: (string | number)[]) => {
      if (!known.has(k)) ctx.addIssue({ code: 'custom', path, message: `"${k}" is not one of the risk levels` });
    };
    if (m.rule.kind === 'matrix') {
      if (m.rule.cells.length !== m.likelihood.levels.length)
        ctx.addIssue({
          code: 'custom',
          path: ['rule', 'cells'],
          message: `Needs one row per likelihood level (${m.likelihood.levels.length})`,
        });
      m.rule.cells.forEach((row, i) => {
        if (row.length !== m.consequence.levels.length)
          ctx.addIssue({
            code: 'custom',
            path: ['rule', 'cells', i],
            message: `Needs one cell per consequence level (${m.consequence.levels.length})`,
          });
        row.forEach((k, j) => unknown(k, ['rule', 'cells', i, j]));
      });
    } else {
      const thresholds = m.rule.thresholds;
      thresholds.forEach((t, i) => {
        unknown(t.level, ['rule', 'thresholds', i, 'level']);
        if (i > 0 && t.min <= thresholds[i - 1]!.min)
          ctx.addIssue({ code: 'custom', path: ['rule', 'thresholds', i, 'min'], message: 'Thresholds must increase' });
      });
    }
    m.acceptance.acceptableLevels.forEach((k, i) => unknown(k, ['acceptance', 'acceptableLevels', i]));
    m.acceptance.acceptors.forEach((a, i) => unknown(a.level, ['acceptance', 'acceptors', i, 'level']));
  });

export type Methodology = z.infer<typeof methodologySchema>;
export type MethodologyInput = z.input<typeof methodologySchema>;
