import { forUpdate } from '../../db/dialect.js';
import type { Db } from '../../db/connect.js';
import type { RaciMatrix, RaciValue } from '../../schema/leadership/raci.schema.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { nowIso } from '../util/ids.js';
import { inOrgTransaction } from '../transaction.js';

/** A matrix is read in one request; beyond this many rows or columns it stops being a readable matrix. */
const MATRIX_LIMIT = 500;

/** The whole RACI matrix: current activities (in their order), current roles, and every filled cell between them. */
export async function getRaciMatrix(ctx: OrgContext): Promise<RaciMatrix> {
  const activities = await ctx.db
    .selectFrom('ismsActivities')
    .select(['id', 'ref', 'name', 'description', 'clauses', 'position'])
    .where('orgId', '=', ctx.org.id)
    .where('archivedAt', 'is', null)
    .orderBy('position')
    .orderBy('ref')
    .limit(MATRIX_LIMIT)
    .execute();
  const roles = await ctx.db
    .selectFrom('ismsRoles')
    .select(['id', 'ref', 'name', 'roleType', 'status'])
    .where('orgId', '=', ctx.org.id)
    .where('archivedAt', 'is', null)
    .orderBy('ref')
    .limit(MATRIX_LIMIT)
    .execute();
  const cells = await ctx.db
    .selectFrom('raciCells')
    .innerJoin('ismsActivities as a', (j) =>
      j.onRef('a.id', '=', 'raciCells.activityId').on('a.archivedAt', 'is', null),
    )
    .innerJoin('ismsRoles as r', (j) => j.onRef('r.id', '=', 'raciCells.roleId').on('r.archivedAt', 'is', null))
    .select([
      'raciCells.activityId',
      'raciCells.roleId',
      'raciCells.value',
      'raciCells.updatedAt',
      'raciCells.updatedBy',
    ])
    .where('raciCells.orgId', '=', ctx.org.id)
    .execute();
  return {
    activities: activities.map((a) => ({ ...a, position: Number(a.position) })),
    roles,
    cells: cells.map((c) => ({ ...c, value: c.value as RaciValue })),
  };
}

async function loadEnds(ctx: OrgContext, trx: Db, activityId: string, roleId: string) {
  const activity = await trx
    .selectFrom('ismsActivities')
    .select(['id', 'ref', 'name', 'archivedAt'])
    .where('orgId', '=', ctx.org.id)
    .where('id', '=', activityId)
    .executeTakeFirst();
  if (!activity) throw new NotFoundError('The activity');
  const role = await trx
    .selectFrom('ismsRoles')
    .select(['id', 'ref', 'name', 'archivedAt'])
    .where('orgId', '=', ctx.org.id)
    .where('id', '=', roleId)
    .executeTakeFirst();
  if (!role) throw new NotFoundError('The role');
  if (activity.archivedAt) throw new ConflictError(`${activity.ref} is archived; its RACI cannot change`);
  if (role.archivedAt) throw new ConflictError(`${role.ref} is archived; its RACI cannot change`);
  return { activity, role };
}

/**
 * Sets one cell (null empties it) with its audit event, in one transaction. One Accountable per activity: giving A
 * to a role while another current role holds it is refused (name the holder, so the person can move it); an A left
 * on an archived role is cleared, and that too is audited.
 */
export async function setRaciCell(ctx: OrgContext, activityId: string, roleId: string, value: RaciValue | null) {
  return inOrgTransaction(ctx, async (trx) => {
    const { activity, role } = await loadEnds(ctx, trx, activityId, roleId);
    // Lock the activity row so two people giving A at once queue instead of racing past the check.
    await forUpdate(
      trx,
      trx.selectFrom('ismsActivities').select('id').where('orgId', '=', ctx.org.id).where('id', '=', activityId),
    ).executeTakeFirst();
    const current = await trx
      .selectFrom('raciCells')
      .select('value')
      .where('orgId', '=', ctx.org.id)
      .where('activityId', '=', activityId)
      .where('roleId', '=', roleId)
      .executeTakeFirst();
    const from = (current?.value ?? null) as RaciValue | null;
    if (from === value) return { activityId, roleId, value };

    if (value === 'A') {
      const holder = await trx
        .selectFrom('raciCells')
        .innerJoin('ismsRoles as r', 'r.id', 'raciCells.roleId')
        .select(['raciCells.roleId', 'r.ref', 'r.name', 'r.archivedAt'])
        .where('raciCells.orgId', '=', ctx.org.id)
        .where('raciCells.activityId', '=', activityId)
        .where('raciCells.value', '=', 'A')
        .where('raciCells.roleId', '!=', roleId)
        .executeTakeFirst();
      if (holder && !holder.archivedAt) {
        throw new ConflictError(
          `${holder.ref} ${holder.name} is already accountable for ${activity.ref}; an activity has one accountable role — change that cell first`,
          [{ field: 'body.value', message: `Already accountable: ${holder.ref}` }],
        );
      }
      if (holder) {
        await trx
          .deleteFrom('raciCells')
          .where('orgId', '=', ctx.org.id)
          .where('activityId', '=', activityId)
          .where('roleId', '=', holder.roleId)
          .execute();
        await audit(ctx, trx, activity, { id: holder.roleId, ref: holder.ref }, 'A', null);
      }
    }

    const now = nowIso();
    if (value === null) {
      await trx
        .deleteFrom('raciCells')
        .where('orgId', '=', ctx.org.id)
        .where('activityId', '=', activityId)
        .where('roleId', '=', roleId)
        .execute();
    } else if (current) {
      await trx
        .updateTable('raciCells')
        .set({ value, updatedAt: now, updatedBy: ctx.actor.userId })
        .where('orgId', '=', ctx.org.id)
        .where('activityId', '=', activityId)
        .where('roleId', '=', roleId)
        .execute();
    } else {
      await trx
        .insertInto('raciCells')
        .values({ orgId: ctx.org.id, activityId, roleId, value, updatedAt: now, updatedBy: ctx.actor.userId })
        .execute();
    }
    await audit(ctx, trx, activity, role, from, value);
    return { activityId, roleId, value };
  });
}

async function audit(
  ctx: OrgContext,
  trx: Db,
  activity: { id: string; ref: string },
  role: { id: string; ref: string },
  from: RaciValue | null,
  to: RaciValue | null,
) {
  await recordAudit(trx, {
    orgId: ctx.org.id,
    actor: ctx.actor,
    ip: ctx.ip,
    entityType: 'isms_activity',
    entityId: activity.id,
    event: {
      type: 'raci.cell_set',
      payload: { activityRef: activity.ref, roleId: role.id, roleRef: role.ref, from, to },
    },
  });
}
