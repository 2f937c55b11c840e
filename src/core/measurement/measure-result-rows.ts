import type { FieldError } from '../../schema/common/problem.js';
import { evaluateFormula, parseBaseMeasures, parseFormula } from '../../schema/measurement/measure-formula.js';
import type { ResultSource } from '../../schema/measurement/measure-results.schema.js';
import {
  isPeriodKey,
  periodKey,
  ragStatus,
  type Frequency,
  type Rag,
  type TargetDirection,
} from '../../schema/measurement/measure-target.js';

/** One result to store; `field` is the path errors name (`body`, `body.results.3`). */
export interface ResultInput {
  measureId: string;
  measuredOn: string;
  periodKey?: string | undefined;
  value?: number | null | undefined;
  base?: Record<string, number> | undefined;
  note?: string | null | undefined;
  evidenceIds?: readonly string[];
  source: ResultSource;
  field: string;
}

/** A measure as storing its results reads it. */
export type MeasureRow = {
  id: string;
  ref: string;
  status: string;
  frequency: Frequency;
  formula: string | null;
  baseMeasures: string | null;
  targetValue: number;
  targetDirection: TargetDirection;
  amberThreshold: number | null;
  latestPeriod: string | null;
};

export interface Prepared {
  row: ResultInput;
  m: MeasureRow;
  key: string;
  value: number | null;
  note: string | null;
  rag: Rag | null;
}

/** One row checked against its measure: its period, its value (given or derived) and RAG, or the first problem. */
export function prepare(m: MeasureRow | undefined, row: ResultInput, seen: Map<string, string>): Prepared | FieldError {
  if (!m)
    return { field: `${row.field}.measure`, message: 'No measure with this reference or id in this organization' };
  if (m.status !== 'active')
    return { field: `${row.field}.measure`, message: `${m.ref} is retired: it takes no results` };
  const key = row.periodKey ?? periodKey(m.frequency, row.measuredOn);
  if (!isPeriodKey(m.frequency, key))
    return {
      field: `${row.field}.periodKey`,
      message: `not a ${m.frequency} period of ${m.ref} (e.g. ${periodKey(m.frequency, row.measuredOn)})`,
    };
  const pair = `${m.id} ${key}`;
  const earlier = seen.get(pair);
  if (earlier) return { field: `${row.field}.periodKey`, message: `${m.ref} ${key} is also given at ${earlier}` };
  seen.set(pair, row.field);
  const computed = computeValue(m, row);
  if ('error' in computed) return { field: `${row.field}.${computed.error.field}`, message: computed.error.message };
  const target = { direction: m.targetDirection, target: m.targetValue, amberThreshold: m.amberThreshold };
  const rag = computed.value === null ? null : ragStatus(computed.value, target);
  const note = [row.note, computed.note].filter(Boolean).join(' — ') || null;
  return { row, m, key, value: computed.value, note, rag };
}

/** The value of a result: as given, or derived from the base values by the measure's formula. */
function computeValue(
  m: MeasureRow,
  row: ResultInput,
): { value: number | null; note?: string } | { error: FieldError } {
  const declared = safeBaseKeys(m.baseMeasures);
  const undeclared = Object.keys(row.base ?? {}).filter((k) => !declared.includes(k));
  if (undeclared.length > 0)
    return { error: { field: 'base', message: `${undeclared.join(', ')}: not a base measure of ${m.ref}` } };
  if (row.value !== undefined && row.value !== null) return { value: row.value };
  if (m.formula && row.base) {
    const r = evaluateFormula(parseFormula(m.formula), row.base);
    return r.value === null ? { value: null, note: r.note } : { value: r.value };
  }
  return {
    error: {
      field: 'value',
      message: m.formula ? 'Give the value, or the base values the formula needs' : `Required: ${m.ref} has no formula`,
    },
  };
}

function safeBaseKeys(text: string | null): string[] {
  try {
    return parseBaseMeasures(text).map((b) => b.key);
  } catch {
    return []; // checked when the measure was written; an unreadable text declares nothing
  }
}
