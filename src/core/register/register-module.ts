import type { SelectQueryBuilder } from 'kysely';
import type { RegisterDef } from '../../schema/register/define-register.js';
import type { Db } from '../../db/connect.js';
import type { OrgContext } from '../context.js';

export type Values = Record<string, unknown>;

/** Shared helpers handed to hooks (passed in rather than imported, so registers never import the registry). */
export interface WriteTools {
  /** throws a validation error on `field` unless a record of `type` with `id` exists in the organization */
  assertRecordExists(type: string, id: string, field: string): Promise<{ id: string; ref: string; title: string }>;
  /** tells the register of `type` that an action was planned from its record `id` (see `onActionPlanned`) */
  actionPlanned(type: string, id: string, action: Values): Promise<void>;
  /** updates a record of this organization with its checks and audit event, in the same transaction */
  updateRecord(mod: RegisterModule, id: string, changes: Values): Promise<Values>;
}

/**
 * A register plugs into the shared machinery with its definition (src/schema) and, where it has behaviour of its
 * own, these hooks. Everything else (storage, references, audit, list/filter/sort/paginate, CSV) is shared.
 */
export interface RegisterModule {
  def: RegisterDef;
  /**
   * Generic routes this register does without, because its records are made another way (evidence: only by
   * uploading a file, so neither a JSON create nor a CSV import could make a valid record).
   */
  omitRoutes?: readonly ('create' | 'import')[];
  /**
   * Check and complete values before they are written (inside the write transaction). `changes` holds only what
   * the request sets; `existing` is the stored record on update. Return extra values to write (server-set fields).
   */
  beforeWrite?(
    ctx: OrgContext,
    trx: Db,
    changes: Values,
    existing: Values | undefined,
    tools: WriteTools,
  ): Promise<Values>;
  /**
   * An action of the tracker now comes from record `id` of this register (created with it as its source, or moved
   * to it). Runs inside the action's transaction, so whatever the register does (a status change and its audit
   * event) happens with the action or not at all; throwing refuses the action (fields name the action's body).
   */
  onActionPlanned?(ctx: OrgContext, trx: Db, id: string, action: Values, tools: WriteTools): Promise<void>;
  /**
   * Adjust an import row's parsed values before they are compared with the stored record (`existing`, undefined
   * for a new one), so that a row meaning "no change" is counted unchanged: e.g. an empty cell for a value the
   * server derives means "keep deriving it", not "clear it".
   */
  normalizeImport?(values: Values, existing: Values | undefined): Values;
  /**
   * Refuse to archive a record (throw a DomainError), inside the archive's transaction: e.g. an Annex A control is
   * never archived (it is excluded instead), and a custom control still treating risks is not either.
   */
  beforeArchive?(ctx: OrgContext, trx: Db, existing: Values): Promise<void>;
  /**
   * Records this caller may not see at all (documents by classification): narrows every read of the register —
   * lists, counts, exports, single records, link ends, record pickers — so a hidden record answers 404 like a
   * record of another organization. The query selects from the register's table under its own name.
   */
  readScope?(ctx: OrgContext, qb: SelectQueryBuilder<any, any, any>): SelectQueryBuilder<any, any, any>;
  /** register-specific list filters from `def.extraQuery` */
  applyFilters?(
    ctx: OrgContext,
    qb: SelectQueryBuilder<any, any, any>,
    query: Values,
  ): SelectQueryBuilder<any, any, any>;
}
