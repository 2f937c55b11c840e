import type { Kysely } from 'kysely';
import type { Db } from '../../db/connect.js';

/**
 * The one place the register machinery leaves the typed database: a register's table is named by its definition at
 * run time (`mod.def.table`), so queries over "any register" cannot be checked against `Database`. Every other
 * query uses the typed `Db`. (Issue 13 replaces this with registers typed from their definitions.)
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one documented exit from the typed database
export function untypedDb(db: Db): Kysely<any> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  return db as unknown as Kysely<any>;
}
