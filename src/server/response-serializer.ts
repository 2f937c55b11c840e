import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * Response serialization without re-validating every row on the way out.
 *
 * A route's response schema does two jobs: it is the contract (types, OpenAPI), and it is an allow-list: only the
 * fields it declares leave the server, so a row read with `selectAll()` never leaks a column the API does not
 * show. Validating a page of 200 risks with Zod costs ~20 µs a row, five times the JSON itself (issue 15). The
 * types are already checked when the handler compiles (the type provider types its reply by the schema), so at
 * run time it is enough to keep the allow-list: a projection compiled once per route copies the declared keys,
 * recursively, and JSON.stringify writes it.
 *
 * With `check` (tests, and RAMPART_CHECK_RESPONSES=1), every answer is also encoded by Zod as before: an answer
 * that breaks its schema fails as it always did, and one whose projection differs from Zod's output fails too,
 * so the whole test suite proves the fast path writes what Zod would.
 */
export type Projection = (value: unknown) => unknown;

type Schema = z.core.$ZodType;

const compiled = new WeakMap<Schema, Projection>();

/** Zod's own encoding, for the shapes the projection does not model (unions without a discriminator, pipes…). */
const byZod =
  (schema: Schema): Projection =>
  (value) =>
    z.encode(schema, value);

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** Values written as they are: JSON writes them as Zod's encode would. */
const PLAIN = new Set(['string', 'number', 'boolean', 'enum', 'literal', 'null', 'unknown', 'any']);

/** Projections that give back the value they get (a string, a nullable number…): an object of only such fields needs
 * no copy when it already holds exactly its declared keys. */
const identities = new WeakSet<Projection>();
const identity: Projection = (v) => v;
identities.add(identity);

/** The projection of a schema: what `z.encode(schema, value)` gives for a valid value, without the checks. */
export function compileProjection(schema: Schema): Projection {
  const known = compiled.get(schema);
  if (known) return known;
  // a recursive schema reaches itself through a lazy: the entry is set before the parts are compiled
  let self: Projection = byZod(schema);
  compiled.set(schema, (v) => self(v));
  self = build(schema);
  compiled.set(schema, self);
  return self;
}

function build(schema: Schema): Projection {
  if (PLAIN.has(schema._zod.def.type)) return identity;
  if (schema instanceof z.ZodNullable) {
    const inner = compileProjection(schema.unwrap());
    if (identities.has(inner)) return identity;
    return (v) => (v === null ? null : inner(v));
  }
  if (schema instanceof z.ZodOptional) {
    const inner = compileProjection(schema.unwrap());
    if (identities.has(inner)) return identity;
    return (v) => (v === undefined ? undefined : inner(v));
  }
  if (schema instanceof z.ZodReadonly) return compileProjection(schema.unwrap());
  if (schema instanceof z.ZodArray) {
    const element = compileProjection(schema.element);
    return (v) => (Array.isArray(v) ? v.map(element) : byZod(schema)(v));
  }
  if (schema instanceof z.ZodRecord) {
    const value = compileProjection(schema.valueType);
    return (v) => {
      if (!isPlainObject(v)) return byZod(schema)(v);
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v)) out[k] = value(v[k]);
      return out;
    };
  }
  if (schema instanceof z.ZodObject) return objectProjection(schema);
  if (schema instanceof z.ZodDiscriminatedUnion) return unionProjection(schema, schema._zod.def.discriminator);
  // defaults, pipes, transforms, lazies, tuples, intersections, plain unions: rare in answers, left to Zod
  return byZod(schema);
}

function objectProjection(schema: z.ZodObject): Projection {
  const fields = Object.entries(schema.shape).map(([key, s]) => [key, compileProjection(s)] as const);
  const catchall = schema._zod.def.catchall;
  // a loose object (or one with a catch-all) lets undeclared keys through, as Zod does
  if (catchall && catchall._zod.def.type !== 'never') return byZod(schema);
  const keys = fields.map(([key]) => key);
  // A row whose every field is written as it is, holding exactly the declared keys in their declared order (a
  // register record built from its row), is its own projection: no copy of 200 records of forty keys per page.
  const asIs = fields.every(([, project]) => identities.has(project));
  const exact = (v: Record<string, unknown>) => {
    const own = Object.keys(v);
    if (own.length !== keys.length) return false;
    for (let i = 0; i < own.length; i++) if (own[i] !== keys[i] || v[own[i]!] === undefined) return false;
    return true;
  };
  return (v) => {
    if (!isPlainObject(v)) return byZod(schema)(v);
    if (asIs && exact(v)) return v;
    const out: Record<string, unknown> = {};
    for (const [key, project] of fields) {
      const value = v[key];
      // an absent (or undefined) optional key writes nothing in JSON either way
      if (value !== undefined) out[key] = project(value);
    }
    return out;
  };
}

function unionProjection(schema: z.ZodDiscriminatedUnion, discriminator: string): Projection {
  const options = new Map<unknown, Projection>();
  for (const option of schema.options) {
    if (!(option instanceof z.ZodObject)) return byZod(schema);
    const tag = option.shape[discriminator];
    if (!(tag instanceof z.ZodLiteral)) return byZod(schema);
    for (const value of tag.values) options.set(value, compileProjection(option));
  }
  return (v) => {
    const project = isPlainObject(v) ? options.get(v[discriminator]) : undefined;
    return project ? project(v) : byZod(schema)(v);
  };
}

/**
 * One register record as a line of JSON, for reads of a whole register (issue 15). A record built from its row
 * (`compileRowBuilder`) holds exactly the record schema's columns, all scalars; the register's `derive` adds the
 * derived keys. When the record has exactly the schema's keys, only the derived values need projecting and the
 * record is written as it is, which halves the cost of a line; any other record goes through the full projection.
 */
export function compileRecordLineWriter(schema: z.ZodObject, derivedKeys: readonly string[]): (r: object) => string {
  const project = compileProjection(schema);
  const keys = Object.keys(schema.shape);
  const derived = derivedKeys.map((k) => [k, compileProjection(schema.shape[k]!)] as const);
  // the same number of keys, and every declared one present: the record's keys are exactly the declared ones
  const exact = (r: Record<string, unknown>) => Object.keys(r).length === keys.length && keys.every((k) => k in r);
  return (record) => {
    if (!isPlainObject(record) || !exact(record)) return JSON.stringify(project(record));
    for (const [key, projectValue] of derived) record[key] = projectValue(record[key]);
    return JSON.stringify(record);
  };
}

/** A route's response schema: a Zod schema, or one wrapped as `{ properties }` (as the type provider accepts). */
function resolveSchema(schema: unknown): z.ZodType {
  if (schema instanceof z.ZodType) return schema;
  if (typeof schema === 'object' && schema !== null && 'properties' in schema && schema.properties instanceof z.ZodType)
    return schema.properties;
  throw new Error(`Not a Zod response schema: ${JSON.stringify(schema)}`);
}

/**
 * Fastify's serializer compiler for Zod response schemas: the projection, then JSON. With `check`, Zod encodes
 * every answer too, and an answer that breaks its schema or differs from the projection is an error.
 */
export const createResponseSerializer =
  ({ check }: { check: boolean }) =>
  ({ schema, method, url }: { schema: unknown; method: string; url: string }) => {
    const zodSchema = resolveSchema(schema);
    const project = compileProjection(zodSchema);
    return (data: unknown): string => {
      let json: string;
      try {
        json = JSON.stringify(project(data));
      } catch (cause) {
        if (cause instanceof z.ZodError) throw new ResponseSerializationError(method, url, { cause });
        throw cause;
      }
      if (!check) return json;
      const encoded = z.safeEncode(zodSchema, data);
      if (encoded.error) throw new ResponseSerializationError(method, url, { cause: encoded.error });
      const expected = JSON.stringify(encoded.data);
      if (expected !== json) {
        throw new Error(`The response projection of ${method} ${url} differs from Zod's: ${json} against ${expected}`);
      }
      return json;
    };
  };
