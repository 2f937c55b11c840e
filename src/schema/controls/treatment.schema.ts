import { z } from 'zod';
import { intInput, versionNoInput } from '../common/primitives.js';
import { APPLICABILITY, CONTROL_SOURCES } from './control.register.js';

/** The five options of 27003 6.1.3: avoid, take or increase the risk to pursue an opportunity, modify, share, retain. */
export const TREATMENT_OPTIONS = ['avoid', 'pursue', 'modify', 'share', 'retain'] as const;
/** What a control determined for a risk changes. */
export const CONTROL_EFFECTS = ['likelihood', 'consequence', 'both'] as const;

const level = intInput(1, 10).nullable().optional();

export const treatmentOptionSchema = z.strictObject({
  option: z.enum(TREATMENT_OPTIONS),
  rationale: z.string().trim().min(1, 'Say why this option was chosen').max(4000),
});

export const treatmentControlSchema = z.strictObject({
  controlId: z.uuid(),
  effect: z.enum(CONTROL_EFFECTS),
  note: z.string().trim().max(2000).nullable().optional(),
});

/** Expected residual risk after treatment, on the methodology's scales (same fields as the analysis). */
export const residualAnalysisSchema = z.strictObject({
  likelihood: level,
  consequence: level,
  consequenceC: level,
  consequenceI: level,
  consequenceA: level,
  rationale: z.string().trim().max(8000).nullable().optional(),
});

/** The whole treatment of one risk, written at once (options, controls, expected residual risk). */
export const treatmentInputSchema = z
  .strictObject({
    options: z.array(treatmentOptionSchema).max(TREATMENT_OPTIONS.length),
    controls: z.array(treatmentControlSchema).max(200),
    residual: residualAnalysisSchema.nullable().optional(),
    /** the treatment version the editor read (0 before any treatment); a different one is a conflict */
    expectedVersion: intInput(0).optional(),
  })
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.options.forEach((o, i) => {
      if (seen.has(o.option))
        ctx.addIssue({ code: 'custom', path: ['options', i, 'option'], message: 'This option is listed twice' });
      seen.add(o.option);
    });
    const controls = new Set<string>();
    t.controls.forEach((c, i) => {
      if (controls.has(c.controlId))
        ctx.addIssue({ code: 'custom', path: ['controls', i, 'controlId'], message: 'This control is listed twice' });
      controls.add(c.controlId);
    });
  });
export type TreatmentInput = z.infer<typeof treatmentInputSchema>;

const residualEvaluationSchema = z.object({
  consequenceLevel: z.number().int().nullable(),
  score: z.number().nullable(),
  level: z.string().nullable(),
  /** the level's name in the methodology in force */
  levelLabel: z.string().nullable(),
  levelRank: z.number().int().nullable(),
  acceptable: z.boolean().nullable(),
  methodologyVersion: z.number().int().nullable(),
});

export const treatmentSchema = z.object({
  riskId: z.uuid(),
  riskRef: z.string(),
  /** 0 while the risk has no treatment yet */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  options: z.array(z.object({ option: z.enum(TREATMENT_OPTIONS), rationale: z.string() })),
  controls: z.array(
    z.object({
      controlId: z.string(),
      ref: z.string(),
      title: z.string(),
      source: z.enum(CONTROL_SOURCES),
      applicability: z.enum(APPLICABILITY),
      implementationStatus: z.string(),
      effect: z.enum(CONTROL_EFFECTS),
      note: z.string().nullable(),
    }),
  ),
  residual: z.object({
    likelihood: z.number().int().nullable(),
    consequence: z.number().int().nullable(),
    consequenceC: z.number().int().nullable(),
    consequenceI: z.number().int().nullable(),
    consequenceA: z.number().int().nullable(),
    rationale: z.string().nullable(),
  }),
  /** the residual risk evaluated with the methodology in force (null until likelihood and consequence are given) */
  residualEvaluation: residualEvaluationSchema.nullable(),
  /** the risk owner's latest acceptance of the residual risk and approval of this treatment */
  acceptance: z
    .object({
      kind: z.enum(['within_criteria', 'concession']),
      justification: z.string().nullable(),
      expiresOn: z.string().nullable(),
      acceptedBy: z.string(),
      acceptedByName: z.string(),
      acceptedAt: z.string(),
      treatmentVersion: z.number().int(),
      residualLevel: z.string().nullable(),
      /** valid; outdated (the treatment changed since); expired (past its date: up for review) */
      state: z.enum(['valid', 'outdated', 'expired']),
    })
    .nullable(),
  /** controls whose applicability this save turned from undecided to applicable (the risk is their reason) */
  proposedApplicableControlIds: z.array(z.string()).optional(),
  proposedApplicable: z.array(z.string()).optional().meta({
    deprecated: true,
    description: 'Deprecated: the same controls by reference; use proposedApplicableControlIds.',
  }),
});
export type Treatment = z.infer<typeof treatmentSchema>;

/** Why a control is in the SoA and what needs it: the two-way tie of 27003 6.1.3 b. */
export const controlDriversSchema = z.object({
  risks: z.array(
    z.object({
      id: z.string(),
      ref: z.string(),
      title: z.string(),
      effect: z.enum(CONTROL_EFFECTS),
      level: z.string().nullable(),
      /** the level's name in the methodology the risk was evaluated with */
      levelLabel: z.string().nullable(),
      acceptable: z.boolean().nullable(),
      status: z.string(),
    }),
  ),
  requirements: z.array(z.object({ id: z.string(), ref: z.string(), title: z.string() })),
});
export type ControlDrivers = z.infer<typeof controlDriversSchema>;

export const CONTROL_EDITIONS = ['iso27001-2022', 'iso27001-2013'] as const;
export const controlSettingsSchema = z.object({
  edition: z.enum(CONTROL_EDITIONS).nullable(),
  chosenAt: z.string().nullable(),
  counts: z.object({ catalog: z.number().int(), custom: z.number().int() }),
});
export type ControlSettings = z.infer<typeof controlSettingsSchema>;
export const chooseEditionSchema = z.strictObject({ edition: z.enum(CONTROL_EDITIONS) });

/** What moving the SoA from 2013 to 2022 does (or did): decisions carried over, and controls needing a decision. */
export const editionMigrationSchema = z.object({
  applied: z.boolean(),
  carried: z.array(
    z.object({ ref: z.string(), title: z.string(), from: z.string(), applicability: z.enum(APPLICABILITY) }),
  ),
  needsDecision: z.array(
    z.object({
      ref: z.string(),
      title: z.string(),
      /** new in 2022; merged from several 2013 controls; or one of several a 2013 control was split into */
      why: z.enum(['new', 'merged', 'split']),
      from: z.array(z.object({ ref: z.string(), applicability: z.enum(APPLICABILITY) })),
    }),
  ),
});
export type EditionMigration = z.infer<typeof editionMigrationSchema>;
export const migrateEditionSchema = z.strictObject({ apply: z.boolean() });

/** Within the criteria (the residual level is acceptable), or a concession: a justified deviation from them. */
export const ACCEPTANCE_KINDS = ['within_criteria', 'concession'] as const;
export const acceptanceInputSchema = z.strictObject({
  kind: z.enum(ACCEPTANCE_KINDS),
  justification: z.string().trim().max(4000).nullable().optional(),
  /** when the acceptance comes up for review */
  expiresOn: z.iso.date().nullable().optional(),
  /** the treatment version the owner read; a newer one is a conflict */
  treatmentVersion: versionNoInput(),
});
export type AcceptanceInput = z.infer<typeof acceptanceInputSchema>;
