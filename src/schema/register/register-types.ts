import type { z } from 'zod';
import type { FieldDef, FieldMap } from './fields.js';

/**
 * The static types a register definition yields: its record, create body and update body, mapped over the field
 * definitions so a misspelt field or a wrong enum value fails to compile (test/types/register-types.ts proves it).
 * They mirror the zod schemas `defineRegister` builds at run time from the same definitions.
 */

/**
 * The value of one field: an enum's option union, a number, a boolean, or text (ids and dates are text too). Spread
 * over the kind, so the value of "any field" (`FieldDef`, as the generic machinery sees it) is the union of them all.
 */
export type FieldValue<D extends FieldDef> = D['kind'] extends infer K
  ? K extends 'enum'
    ? D extends { options: readonly (infer O extends string)[] }
      ? O
      : string
    : K extends 'integer' | 'number'
      ? number
      : K extends 'boolean'
        ? boolean
        : string
  : never;

/** Columns every register record has, whatever its fields (a type, not an interface: it must fit an index signature). */
export type BaseRecord = {
  id: string;
  ref: string;
  version: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
  archivedAt: string | null;
};

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** Every field of a register with its value (null when unset). */
export type FieldsOf<F extends FieldMap> = { -readonly [K in keyof F]: FieldValue<F[K]> | null };
/** A stored record: the base columns and every field. */
export type RecordOf<F extends FieldMap> = BaseRecord & FieldsOf<F>;

/** Fields a request may set (the server sets the read-only ones). */
type WritableKey<F extends FieldMap> = { [K in keyof F]: F[K] extends { readOnly: true } ? never : K }[keyof F];
/** Fields that hold a value once written: required ones and those with a default (they can change, never clear). */
type KeptKey<F extends FieldMap> = {
  [K in WritableKey<F>]: F[K] extends { required: true } ? K : F[K] extends { default: unknown } ? K : never;
}[WritableKey<F>];
/** Fields a create body must carry: required and without a default. */
type RequiredKey<F extends FieldMap> = {
  [K in WritableKey<F>]: F[K] extends { required: true } ? (F[K] extends { default: unknown } ? never : K) : never;
}[WritableKey<F>];

/** A create body: required fields present, the others optional; a field that can be empty may be sent as null. */
export type CreateBodyOf<F extends FieldMap> = Simplify<
  { [K in RequiredKey<F>]: FieldValue<F[K]> } & {
    [K in Exclude<KeptKey<F>, RequiredKey<F>>]?: FieldValue<F[K]>;
  } & { [K in Exclude<WritableKey<F>, KeptKey<F>>]?: FieldValue<F[K]> | null }
>;

/** An update body: any writable field; `expectedVersion` guards against overwriting a change made meanwhile. */
export type UpdateBodyOf<F extends FieldMap> = Simplify<
  { [K in KeptKey<F>]?: FieldValue<F[K]> } & {
    [K in Exclude<WritableKey<F>, KeptKey<F>>]?: FieldValue<F[K]> | null;
  } & {
    expectedVersion?: number;
  }
>;

/** The zod shape of a record, so `recordSchema.extend(…)` keeps working and infers `RecordOf<F>`. */
export type RecordShapeOf<F extends FieldMap> = {
  [K in keyof RecordOf<F>]: z.ZodType<RecordOf<F>[K]>;
};

/**
 * The zod shape of a body type: each key's schema, wrapped in `ZodOptional` where the key is optional, so a
 * `ZodObject` of it infers the body and `.extend(…)` keeps it typed.
 */
export type BodyShapeOf<B> = string extends keyof B
  ? // any register's body (the generic machinery): any field, with any schema
    Record<string, z.ZodType<B[keyof B]>>
  : { [K in keyof B]-?: undefined extends B[K] ? z.ZodOptional<z.ZodType<Exclude<B[K], undefined>>> : z.ZodType<B[K]> };
