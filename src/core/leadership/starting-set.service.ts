import { isUniqueViolation } from '../../db/dialect.js';
import { STARTER_ACTIVITIES, STARTER_RACI, STARTER_ROLES } from '../../schema/leadership/starting-set.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { ConflictError } from '../errors.js';
import { insertRecord } from '../register/register.service.js';
import { nowIso } from '../util/ids.js';
import { ismsActivitiesModule, ismsRolesModule } from './roles.module.js';
import { inOrgTransaction } from '../transaction.js';

/**
 * Adds the 27003 5.3 starting set: activities, roles and a suggested RACI. Idempotent by key: an item the
 * organization already got (even renamed, rewritten or archived) is never added again, and suggested cells are
 * only filled between items created in this run, so an adapted matrix is never overwritten.
 */
export async function addStartingSet(ctx: OrgContext, roleStatus: 'draft' | 'approved' = 'draft') {
  try {
    return await inOrgTransaction(ctx, async (trx) => {
      const haveRoles = new Map(
        (
          await trx
            .selectFrom('ismsRoles')
            .select(['id', 'starterKey'])
            .where('orgId', '=', ctx.org.id)
            .where('starterKey', 'is not', null)
            .execute()
        ).map((r) => [r.starterKey!, r.id]),
      );
      const haveActivities = new Set(
        (
          await trx
            .selectFrom('ismsActivities')
            .select('starterKey')
            .where('orgId', '=', ctx.org.id)
            .where('starterKey', 'is not', null)
            .execute()
        ).map((r) => r.starterKey!),
      );

      const newActivities = new Map<string, { id: string; ref: string }>();
      for (const a of STARTER_ACTIVITIES) {
        if (haveActivities.has(a.key)) continue;
        const rec = await insertRecord(ctx, trx, ismsActivitiesModule, {
          name: a.name,
          description: a.description,
          clauses: a.clauses,
          position: a.position,
          starterKey: a.key,
        });
        newActivities.set(a.key, { id: rec.id, ref: rec.ref });
      }
      const newRoles = new Map<string, { id: string; ref: string }>();
      for (const r of STARTER_ROLES) {
        if (haveRoles.has(r.key)) continue;
        const reportsToId = r.reportsTo ? (newRoles.get(r.reportsTo)?.id ?? haveRoles.get(r.reportsTo) ?? null) : null;
        const rec = await insertRecord(ctx, trx, ismsRolesModule, {
          name: r.name,
          roleType: r.roleType,
          responsibilities: r.responsibilities,
          authorities: r.authorities,
          reportsToId,
          status: roleStatus,
          starterKey: r.key,
        });
        newRoles.set(r.key, { id: rec.id, ref: rec.ref });
      }
      const cells: { activityRef: string; roleRef: string; value: string }[] = [];
      const now = nowIso();
      for (const [activityKey, row] of Object.entries(STARTER_RACI)) {
        const activity = newActivities.get(activityKey);
        if (!activity) continue;
        for (const [roleKey, value] of Object.entries(row)) {
          const role = newRoles.get(roleKey);
          if (!role) continue;
          await trx
            .insertInto('raciCells')
            .values({
              orgId: ctx.org.id,
              activityId: activity.id,
              roleId: role.id,
              value,
              updatedAt: now,
              updatedBy: ctx.actor.userId,
            })
            .execute();
          cells.push({ activityRef: activity.ref, roleRef: role.ref, value });
        }
      }
      if (newActivities.size || newRoles.size) {
        await recordAudit(trx, {
          orgId: ctx.org.id,
          actor: ctx.actor,
          ip: ctx.ip,
          entityType: 'raci',
          event: {
            type: 'leadership.starting_set_added',
            payload: {
              roles: [...newRoles.values()].map((r) => r.ref),
              activities: [...newActivities.values()].map((a) => a.ref),
              cells,
            },
          },
        });
      }
      return {
        roles: { created: newRoles.size, existing: STARTER_ROLES.length - newRoles.size },
        activities: { created: newActivities.size, existing: STARTER_ACTIVITIES.length - newActivities.size },
        cells: { created: cells.length },
      };
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new ConflictError('Someone else added the starting set at the same moment; reload to see it');
    throw err;
  }
}
