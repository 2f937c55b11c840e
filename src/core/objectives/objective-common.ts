import type { Db } from '../../db/connect.js';
import type { OrgContext } from '../context.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { CLOSED_LIFECYCLES, type ObjectiveLifecycle } from '../../schema/objectives/objective.register.js';

export interface ObjectiveRow {
  id: string;
  ref: string;
  title: string;
  version: number;
  lifecycle: string;
  measurementMode: string;
  targetUnit: string | null;
  archivedAt: string | null;
}

/** The objective of this organization (404 for another's), read inside the caller's transaction. */
export async function loadObjective(ctx: OrgContext, trx: Db, id: string): Promise<ObjectiveRow> {
  const row = await trx
    .selectFrom('objectives')
    .select(['id', 'ref', 'title', 'version', 'lifecycle', 'measurementMode', 'targetUnit', 'archivedAt'])
    .where('orgId', '=', ctx.org.id)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('The objective');
  return row;
}

/** An objective that is still followed: not archived, not closed. */
export function assertOpen(row: ObjectiveRow, what: string): void {
  if (row.archivedAt) throw new ConflictError(`${row.ref} is archived: ${what} no longer`);
  if (CLOSED_LIFECYCLES.includes(row.lifecycle as ObjectiveLifecycle))
    throw new ConflictError(`${row.ref} is ${row.lifecycle}: ${what} no longer`, [
      { field: 'lifecycle', message: `Closed (${row.lifecycle})` },
    ]);
}

type IdTable = 'evidence' | 'interestedParties' | 'ismsRoles';

/** Every id names a current record of `table` in this organization; the first that does not is named by its index. */
export async function assertIdsInOrg(
  ctx: OrgContext,
  trx: Db,
  table: IdTable,
  ids: readonly string[],
  field: string,
  what: string,
): Promise<void> {
  if (!ids.length) return;
  const found = await trx
    .selectFrom(table)
    .select('id')
    .where('orgId', '=', ctx.org.id)
    .where('id', 'in', [...new Set(ids)])
    .where('archivedAt', 'is', null)
    .execute();
  const known = new Set(found.map((r) => r.id));
  const i = ids.findIndex((id) => !known.has(id));
  if (i >= 0)
    throw new ValidationError([{ field: `${field}.${i}`, message: `No ${what} with this id in this organization` }]);
}

/** Every id is a member of this organization. */
export async function assertMembers(ctx: OrgContext, trx: Db, ids: readonly string[], field: string): Promise<void> {
  if (!ids.length) return;
  const found = await trx
    .selectFrom('memberships')
    .select('userId')
    .where('orgId', '=', ctx.org.id)
    .where('userId', 'in', [...new Set(ids)])
    .execute();
  const known = new Set(found.map((r) => r.userId));
  const i = ids.findIndex((id) => !known.has(id));
  if (i >= 0) throw new ValidationError([{ field: `${field}.${i}`, message: 'Not a member of this organization' }]);
}

/** The person (or automation account) recording: every organization request has one; the system never records. */
export function recorderId(ctx: OrgContext): string {
  if (!ctx.actor.userId) throw new ConflictError('Only a member of the organization records this');
  return ctx.actor.userId;
}
