import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Db } from '../../db/connect.js';

/**
 * The one place the register machinery leaves the typed database: a register's table is named by its definition at
 * run time (`mod.def.table`), so queries over "any register" cannot be checked against `Database`. Every module's own
 * queries use the typed `Db`; the generic machinery uses these two names, never `any` spelt out.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one documented exit from the typed database
export type UntypedDb = Kysely<any>;
/**
 * A select over a register's table (or a table named at run time), as the generic list, count, export and scope
 * code builds it; the columns are the register's fields, known only at run time.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above: the table is named at run time
export type RegisterQuery = SelectQueryBuilder<any, any, any>;

export function untypedDb(db: Db): UntypedDb {
  return db as unknown as UntypedDb;
}
