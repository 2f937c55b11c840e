import type { SelectQueryBuilder } from 'kysely';
import type { RegisterDef } from '../../schema/register/define-register.js';
import type { Db } from '../../db/connect.js';
import type { OrgContext } from '../context.js';

export type Values = Record<string, unknown>;

/** Shared helpers handed to hooks (passed in rather than imported, so registers never import the registry). */
export interface WriteTools {
  /** throws a validation error on `field` unless a record of `type` with `id` exists in the organization */
  assertRecordExists(type: string, id: string, field: string): Promise<{ id: string; ref: string; title: string }>;
}

/**
 * A register plugs into the shared machinery with its definition (src/schema) and, where it has behaviour of its
 * own, these hooks. Everything else (storage, references, audit, list/filter/sort/paginate, CSV) is shared.
 */
export interface RegisterModule {
  def: RegisterDef;
  /**
   * Check and complete values before they are written (inside the write transaction). `changes` holds only what
   * the request sets; `existing` is the stored record on update. Return extra values to write (server-set fields).
   */
  beforeWrite?(ctx: OrgContext, trx: Db, changes: Values, existing: Values | undefined, tools: WriteTools): Promise<Values>;
  /** register-specific list filters from `def.extraQuery` */
  applyFilters?(ctx: OrgContext, qb: SelectQueryBuilder<any, any, any>, query: Values): SelectQueryBuilder<any, any, any>;
}
