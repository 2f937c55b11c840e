import type { z } from 'zod';
import type {
  AnyRegisterDef,
  FieldsOf,
  NoDerived,
  RecordOf,
  RegisterDef,
} from '../../schema/register/define-register.js';
import type { FieldMap } from '../../schema/register/fields.js';
import type { ActionRecord } from '../../schema/actions/action.register.js';
import type { Db } from '../../db/connect.js';
import type { OrgContext } from '../context.js';
import type { RegisterQuery } from './untyped-db.js';

/** The values a register derives for one record, by the schemas of `def.derived`. */
export type DerivedOf<D extends z.ZodRawShape> = { [K in keyof D]: z.output<D[K]> };

/** Values of no one register in particular (generic machinery, import rows, list queries). */
export type Values = Record<string, unknown>;
/** What a write sets on a register's record: any of its fields (values the request gives or the server derives). */
export type ChangesOf<F extends FieldMap> = Partial<FieldsOf<F>>;

/** Shared helpers handed to hooks (passed in rather than imported, so registers never import the registry). */
export interface WriteTools {
  /** throws a validation error on `field` unless a record of `type` with `id` exists in the organization */
  assertRecordExists(type: string, id: string, field: string): Promise<{ id: string; ref: string; title: string }>;
  /** tells the register of `type` that an action was planned from its record `id` (see `onActionPlanned`) */
  actionPlanned(type: string, id: string, action: Partial<ActionRecord>): Promise<void>;
  /** updates a record of this organization with its checks and audit event, in the same transaction */
  updateRecord<G extends FieldMap>(mod: RegisterModule<G>, id: string, changes: ChangesOf<G>): Promise<RecordOf<G>>;
}

/**
 * A register plugs into the shared machinery with its definition (src/schema) and, where it has behaviour of its
 * own, these hooks, typed by the definition's record. Everything else (storage, references, audit,
 * list/filter/sort/paginate, CSV) is shared. Hooks are methods (not function-valued properties) so that a list of
 * different registers' modules is a `readonly AnyRegisterModule[]`.
 */
export interface RegisterModule<F extends FieldMap = FieldMap, D extends z.ZodRawShape = NoDerived> {
  def: RegisterDef<F, D>;
  /**
   * Generic routes this register does without, because its records are made another way (evidence: only by
   * uploading a file, so neither a JSON create nor a CSV import could make a valid record).
   */
  omitRoutes?: readonly ('create' | 'import')[];
  /**
   * Link kinds to or from this register's records that only its own routes write, because they carry checks and a
   * permission of their own (an internal audit's `scope`: independence): kind → the route to use. The generic
   * links routes refuse to create or delete them (409 on `body.kind`).
   */
  ownedLinkKinds?: Readonly<Record<string, string>>;
  /**
   * Check and complete values before they are written (inside the write transaction). `changes` holds only what
   * the request sets; `existing` is the stored record on update. Return extra values to write (server-set fields).
   */
  beforeWrite?(
    ctx: OrgContext,
    trx: Db,
    changes: ChangesOf<F>,
    existing: RecordOf<F> | undefined,
    tools: WriteTools,
  ): Promise<ChangesOf<F>>;
  /**
   * An action of the tracker now comes from record `id` of this register (created with it as its source, or moved
   * to it). Runs inside the action's transaction, so whatever the register does (a status change and its audit
   * event) happens with the action or not at all; throwing refuses the action (fields name the action's body).
   */
  onActionPlanned?(
    ctx: OrgContext,
    trx: Db,
    id: string,
    action: Partial<ActionRecord>,
    tools: WriteTools,
  ): Promise<void>;
  /**
   * Adjust an import row's parsed values before they are compared with the stored record (`existing`, undefined
   * for a new one), so that a row meaning "no change" is counted unchanged: e.g. an empty cell for a value the
   * server derives means "keep deriving it", not "clear it".
   */
  normalizeImport?(values: ChangesOf<F>, existing: RecordOf<F> | undefined): ChangesOf<F>;
  /**
   * Refuse to archive a record (throw a DomainError), inside the archive's transaction: e.g. an Annex A control is
   * never archived (it is excluded instead), and a custom control still treating risks is not either.
   */
  beforeArchive?(ctx: OrgContext, trx: Db, existing: RecordOf<F>): Promise<void>;
  /**
   * Records this caller may not see at all (documents by classification): narrows every read of the register —
   * lists, counts, exports, single records, link ends, record pickers — so a hidden record answers 404 like a
   * record of another organization. The query selects from the register's table under its own name.
   */
  readScope?(ctx: OrgContext, qb: RegisterQuery): RegisterQuery;
  /**
   * The values declared in `def.derived`, for every record the register answers (a list page, one record, a
   * create or update answer, an export), in the records' order. Called once per batch, so it must cost a bounded
   * number of queries whatever the number of records (no query per record).
   */
  derive?(ctx: OrgContext, db: Db, records: readonly RecordOf<F>[]): Promise<DerivedOf<D>[]>;
  /** register-specific list filters from `def.extraQuery` */
  applyFilters?(ctx: OrgContext, qb: RegisterQuery, query: Values): RegisterQuery;
}

/** Any register's module, for the generic machinery and the lists of modules. */
export type AnyRegisterModule = RegisterModule<FieldMap>;
export type { AnyRegisterDef };
