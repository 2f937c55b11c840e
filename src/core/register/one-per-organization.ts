import { ConflictError } from '../errors.js';
import type { AnyRegisterModule } from './register-module.js';
import { untypedDb } from './untyped-db.js';

/**
 * `beforeWrite` for a register that holds one current record per organization (the SoA, the risk treatment plan):
 * a second is refused; the one there is revised with a new version instead.
 */
export function onePerOrganization(table: string, what: string): NonNullable<AnyRegisterModule['beforeWrite']> {
  return async (ctx, trx, _changes, existing) => {
    if (existing) return {};
    const other: { ref: string } | undefined = await untypedDb(trx)
      .selectFrom(table)
      .select('ref')
      .where('orgId', '=', ctx.org.id)
      .where('archivedAt', 'is', null)
      .executeTakeFirst();
    if (other)
      throw new ConflictError(
        `This organization already has its ${what} (${other.ref}); revise it with a new version instead`,
        [{ field: 'body.title', message: `${other.ref} exists` }],
      );
    return {};
  };
}
