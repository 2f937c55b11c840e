import type { Db } from '../../../db/connect.js';
import type { BuiltInMeasureKey } from '../../../schema/measurement/measure-builtin.schema.js';
import type { Frequency, TargetDirection } from '../../../schema/measurement/measure-target.js';

/** What a built-in measure found: the value (null when there is nothing to measure yet, said in `note`). */
export interface BuiltInValue {
  value: number | null;
  /** the base measures the value is derived from (`{ overdue: 3, open: 12 }`), stored with the result */
  base: Record<string, number>;
  /** why there is no value, or what the value stands on */
  note?: string;
}

/**
 * A measure Rampart can take by itself from its own records (9.1: the organization decides what to monitor;
 * these are offered, switched on one by one). Each module contributes its own from its own folder, next to the
 * tables it reads; `builtin-measures.ts` lists them. `compute` is one or two aggregate queries of one
 * organization as of a day; the defaults become the measure's fields when switched on, editable later.
 */
export interface BuiltInMeasure {
  /** stable: stored in `measures.built_in_key` */
  key: BuiltInMeasureKey;
  title: string;
  informationNeed: string;
  kind: 'performance' | 'effectiveness';
  method: string;
  /** the base measures `compute` returns, as the measure declares them: one `key: name [unit]` a line */
  baseMeasures: string;
  /** a share's formula over the base measures: with nothing to share (a zero divisor) the result has no value */
  formula?: string;
  unit: string;
  direction: TargetDirection;
  defaultTarget: number;
  /** the value at which amber turns red */
  defaultAmber: number | null;
  frequency: Frequency;
  /** `asOf`: the day (YYYY-MM-DD) the records are read as of (due dates, expiry) */
  compute(db: Db, orgId: string, asOf: string): Promise<BuiltInValue>;
}

/** A count from an aggregate (PostgreSQL answers bigint counts as strings, SQLite as numbers; a SUM of none is null). */
export const asCount = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** A share in percent, rounded to one decimal; null (with the caller's note) when there is nothing to share. */
export const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
