import { z } from 'zod';
import { intInput, intParam } from '../common/primitives.js';
import { fieldValueSchema, type FieldDef, type FieldMap } from './fields.js';
import type { BodyShapeOf, CreateBodyOf, RecordShapeOf, UpdateBodyOf } from './register-types.js';

/** No derived values (the default for a register). */
export type NoDerived = Record<never, never>;

export interface RegisterConfig<F extends FieldMap, D extends z.ZodRawShape = NoDerived> {
  /** permission entity and audit entity type, singular: `action` */
  entity: string;
  /** URL segment, plural kebab-case: `actions`, `interested-parties` */
  collection: string;
  /** table name (default: the collection in snake_case) */
  table?: string;
  /** human reference prefix: `ACT` → ACT-001 */
  refPrefix: string;
  /** message-catalog key of the register's name */
  title: string;
  fields: F;
  /** the field shown as the record's name in links and lists */
  titleField: keyof F & string;
  /** register-specific list filters (beyond the generic ones derived from fields) */
  extraQuery?: Record<string, z.ZodType>;
  defaultSort?: { field: string; order: 'asc' | 'desc' };
  /** tie-breakers after whichever sort the list uses (e.g. risks of the same priority by score, highest first) */
  thenBy?: { field: string; order: 'asc' | 'desc' }[];
  /**
   * How an import row without a Reference finds the record it describes: the current record whose fields all equal
   * the row's (text compared case-insensitively). None found: the row creates one; more than one: an error on that
   * line. Lets a list kept in another tool (which knows nothing of Rampart's references) be imported again and again
   * without duplicates.
   */
  importMatch?: readonly (keyof F & string)[];
  /**
   * Read-only values the server derives for every record it answers (list, detail, create and update answers,
   * export), e.g. a risk's `levelLabel`. Declared here so the record's schema and type carry them; computed by the
   * register's module (`RegisterModule.derive`), a whole page at a time.
   */
  derived?: D;
}

export const BASE_SORT_FIELDS = ['ref', 'createdAt', 'updatedAt'] as const;
const MAX_PAGE_SIZE = 200;

/** Query-string booleans arrive as text. */
export const queryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');

function commaList(options: readonly string[]) {
  return z
    .string()
    .max(2000)
    .transform((s) =>
      s
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(options as [string, ...string[]])).max(50));
}

/**
 * `?ref=8.1` or `?ref=A.5.1,A.5.2`: exact references (case-insensitive), up to 50. Unlike `q`, `8.1` never finds
 * 8.10–8.19, so a client holding references (an import, an integration) can look records up without a search.
 */
const MAX_REFS = 50;
export const refList = z
  .string()
  .max(2000)
  .transform((s) =>
    s
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.string().max(100))
      .min(1, 'Give one or more references, separated by commas')
      .max(MAX_REFS, `At most ${MAX_REFS} references`),
  );

/**
 * A register from its definition: the zod schemas of its record, bodies and list query, built at run time from the
 * fields, and typed from the same fields (`const F` keeps enum options and flags literal) so records and bodies are
 * checked at compile time too.
 */
export function defineRegister<const F extends FieldMap, D extends z.ZodRawShape = NoDerived>(
  config: RegisterConfig<F, D>,
): RegisterDef<F, D> {
  const writable = Object.entries(config.fields).filter(([, def]) => !def.readOnly);

  const createShape: Record<string, z.ZodType> = {};
  const updateShape: Record<string, z.ZodType> = {};
  for (const [name, def] of writable) {
    const value = fieldValueSchema(def);
    createShape[name] =
      def.default !== undefined
        ? value.default(def.default as never)
        : def.required
          ? value
          : value.nullable().optional();
    // A field with a default always has a value (the column is NOT NULL): it can be changed, never cleared.
    updateShape[name] = def.required || def.default !== undefined ? value.optional() : value.nullable().optional();
  }
  updateShape.expectedVersion = intInput(1).optional();

  const recordShape: Record<string, z.ZodType> = {
    id: z.uuid(),
    ref: z.string(),
    version: z.number().int(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
    archivedAt: z.string().nullable(),
  };
  for (const [name, def] of Object.entries(config.fields)) {
    recordShape[name] = fieldValueSchema(def).nullable();
  }
  Object.assign(recordShape, config.derived);

  const sortable = [
    ...BASE_SORT_FIELDS,
    ...Object.entries(config.fields)
      .filter(([, d]) => d.sortable)
      .map(([n]) => n),
  ] as [string, ...string[]];

  const queryShape: Record<string, z.ZodType> = {
    page: intParam(1, 1_000_000).default(1),
    pageSize: intParam(1, MAX_PAGE_SIZE).default(25),
    sort: z.enum(sortable).optional(),
    order: z.enum(['asc', 'desc']).optional(),
    q: z.string().trim().max(200).optional(),
    ref: refList.optional(),
    archived: queryBoolean.optional(),
    ...config.extraQuery,
  };
  for (const [name, def] of Object.entries(config.fields)) {
    if (!def.filterable) continue;
    if (def.kind === 'enum') queryShape[name] = commaList(def.options ?? []).optional();
    else if (def.kind === 'member') queryShape[name] = z.union([z.literal('me'), z.uuid()]).optional();
    else if (def.kind === 'record') queryShape[name] = z.uuid().optional();
    else if (def.kind === 'date') {
      queryShape[`${name}From`] = z.iso.date().optional();
      queryShape[`${name}To`] = z.iso.date().optional();
    } else if (def.kind === 'boolean') queryShape[name] = queryBoolean.optional();
    else queryShape[name] = z.string().max(200).optional();
  }

  return {
    ...config,
    table: config.table ?? config.collection.replace(/-/g, '_'),
    // The shapes are built from the fields at run time; their static types come from the same fields (one cast each).
    createSchema: z.strictObject(createShape) as unknown as StrictBody<CreateBodyOf<F>>,
    updateSchema: z.strictObject(updateShape) as unknown as StrictBody<UpdateBodyOf<F>>,
    recordSchema: z.object(recordShape) as unknown as z.ZodObject<RecordShapeOf<F> & D>,
    listQuerySchema: z.strictObject(queryShape),
    sortable,
    defaultSort: config.defaultSort ?? { field: 'ref', order: 'desc' },
  };
}

/**
 * A register's create body with more fields, for a route of the register's own that takes them (a risk created
 * with its assets). Strict like the body it extends.
 */
export function createSchemaWith<F extends FieldMap, D extends z.ZodRawShape, E extends z.ZodRawShape>(
  def: RegisterDef<F, D>,
  extra: E,
) {
  return def.createSchema.extend(extra);
}

/** A strict body schema whose shape is the body's keys, so `.extend` is typed. */
export type StrictBody<B> = z.ZodObject<BodyShapeOf<B>, z.core.$strict>;

/** What `defineRegister` returns; `RegisterDef<typeof fields>` for one register, `AnyRegisterDef` for the machinery. */
export interface RegisterDef<F extends FieldMap = FieldMap, D extends z.ZodRawShape = NoDerived> extends RegisterConfig<
  F,
  D
> {
  table: string;
  createSchema: StrictBody<CreateBodyOf<F>>;
  updateSchema: StrictBody<UpdateBodyOf<F>>;
  /** the record as the API answers it: base columns, every field, and the derived values */
  recordSchema: z.ZodObject<RecordShapeOf<F> & D>;
  listQuerySchema: z.ZodObject<Record<string, z.ZodType>, z.core.$strict>;
  sortable: [string, ...string[]];
  defaultSort: { field: string; order: 'asc' | 'desc' };
}
/** Any register, for code that works on every register alike (storage, routes, links, CSV, the generic pages). */
export type AnyRegisterDef = RegisterDef<FieldMap>;
export type { FieldDef, FieldMap };
export type { BaseRecord, CreateBodyOf, FieldsOf, FieldValue, RecordOf, UpdateBodyOf } from './register-types.js';
