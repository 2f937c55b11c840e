import type { Db } from '../../db/connect.js';
import type { OrgContext } from '../context.js';

/** The versions of document `id` in this organization: a query to select from and narrow. */
export function documentVersions(ctx: OrgContext, db: Db, id: string) {
  return db
    .selectFrom('recordVersions')
    .where('orgId', '=', ctx.org.id)
    .where('entityType', '=', 'document')
    .where('recordId', '=', id);
}
