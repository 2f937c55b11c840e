import { TARGET_DIRECTIONS, type TargetDirection } from '../../schema/measurement/measure-target.js';
import type { MeasurementMode, ProgressStatus } from '../../schema/objectives/objective.register.js';

/** The sign a target reads with: "≥ 95 %", "≤ 5 days", "→ 4" (reach a level). */
export const DIRECTION_SIGN: Record<TargetDirection, string> = { at_least: '≥', at_most: '≤', reach: '→' };

/**
 * A symbol per progress status, so the status never reads by colour alone (the word is always shown beside it).
 */
export const STATUS_SYMBOL: Record<ProgressStatus, string> = {
  achieved: '✔',
  on_track: '●',
  at_risk: '▲',
  missed: '✖',
  not_measured: '○',
};

const isDirection = (v: unknown): v is TargetDirection => (TARGET_DIRECTIONS as readonly unknown[]).includes(v);

/**
 * A target in words and signs ("≥ 95 %"), or null when the objective has none (not practicable to measure, or not
 * set yet). `format` renders the number in the reader's locale.
 */
export function targetText(t: Readonly<Record<string, unknown>>, format: (n: number) => string): string | null {
  if (typeof t.targetValue !== 'number') return null;
  const sign = isDirection(t.targetDirection) ? DIRECTION_SIGN[t.targetDirection] : '';
  const unit = typeof t.targetUnit === 'string' && t.targetUnit.trim() ? ` ${t.targetUnit.trim()}` : '';
  return `${sign ? `${sign} ` : ''}${format(t.targetValue)}${unit}`;
}

/** The fields the create/edit form shows for a measurement mode: a target when measured, a reason when not. */
const TARGET_FIELDS = ['targetValue', 'targetUnit', 'targetDirection', 'baselineValue'];
const JUDGEMENT_FIELDS = ['notMeasurableReason', 'judgementMethod'];

export function formShowsField(name: string, values: { measurementMode?: unknown; level?: unknown }): boolean {
  const mode = values.measurementMode as MeasurementMode | '' | undefined;
  if (TARGET_FIELDS.includes(name)) return mode !== 'not_practicable';
  if (JUDGEMENT_FIELDS.includes(name)) return mode === 'not_practicable';
  if (name === 'processId') return values.level === 'process';
  if (name === 'functionName') return values.level === 'function';
  return true;
}
