import { z } from 'zod';
import { FREQUENCIES, TARGET_DIRECTIONS } from './measure-target.js';

/**
 * The measures Rampart can take by itself (core/measurement/builtin lists how each is computed). The keys live here
 * so that the switch-on body is checked by its schema (an unknown key: 400 naming `body.key`) and the web can name
 * them; each built-in's text and defaults come with the catalog.
 */
export const BUILT_IN_MEASURE_KEYS = [
  'risks_beyond_acceptance_accepted',
  'overdue_actions',
  'policy_acknowledgement_rate',
  'overdue_nonconformities',
  'applicable_controls_with_evidence',
] as const;
export type BuiltInMeasureKey = (typeof BUILT_IN_MEASURE_KEYS)[number];

export const builtInMeasureSchema = z.object({
  key: z.enum(BUILT_IN_MEASURE_KEYS),
  title: z.string(),
  informationNeed: z.string(),
  kind: z.enum(['performance', 'effectiveness']),
  method: z.string(),
  baseMeasures: z.string(),
  unit: z.string(),
  targetDirection: z.enum(TARGET_DIRECTIONS),
  targetValue: z.number(),
  amberThreshold: z.number().nullable(),
  frequency: z.enum(FREQUENCIES),
  /** switched on: the organization's measure for it (archived ones are not counted) */
  measure: z.object({ id: z.uuid(), ref: z.string(), status: z.string() }).nullable(),
});
export type BuiltInMeasureInfo = z.infer<typeof builtInMeasureSchema>;

export const builtInCatalogSchema = z.object({ builtIns: z.array(builtInMeasureSchema) });

export const builtInSwitchOnBodySchema = z.strictObject({ key: z.enum(BUILT_IN_MEASURE_KEYS) });
export type BuiltInSwitchOnBody = z.infer<typeof builtInSwitchOnBodySchema>;
