import { z } from 'zod';
import {
  COMMUNICATION_CHANNELS,
  communicationAudienceSchema,
} from '../../schema/objectives/objective-communication.schema.js';
import type {
  ObjectiveCommunication,
  ObjectiveCommunicationBody,
} from '../../schema/objectives/objective-communication.schema.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { ValidationError } from '../errors.js';
import { inOrgTransaction } from '../transaction.js';
import { newId, nowIso, todayIso } from '../util/ids.js';
import { assertIdsInOrg, assertMembers, loadObjective, recorderId } from './objective-common.js';

const EMPTY_AUDIENCE = { roles: [], memberIds: [], interestedPartyIds: [], ismsRoleIds: [] };

/**
 * Records that an objective, or the whole set (`objectiveId` null), was communicated (6.2 d): when, how, and to whom
 * (organization roles, members, interested parties of 4.2, ISMS roles of 5.3: every id checked in the organization).
 * A record of what happened, so it may be entered for an objective whatever its lifecycle, and is never changed.
 */
export async function recordCommunication(
  ctx: OrgContext,
  objectiveId: string | null,
  body: ObjectiveCommunicationBody,
): Promise<ObjectiveCommunication> {
  if (body.communicatedOn > todayIso())
    throw new ValidationError([{ field: 'body.communicatedOn', message: 'Record a communication once it happened' }]);
  return inOrgTransaction(ctx, async (trx) => {
    const objective = objectiveId ? await loadObjective(ctx, trx, objectiveId) : null;
    const a = body.audience;
    await assertMembers(ctx, trx, a.memberIds, 'body.audience.memberIds');
    await assertIdsInOrg(
      ctx,
      trx,
      'interestedParties',
      a.interestedPartyIds,
      'body.audience.interestedPartyIds',
      'interested party',
    );
    await assertIdsInOrg(ctx, trx, 'ismsRoles', a.ismsRoleIds, 'body.audience.ismsRoleIds', 'ISMS role');
    const audience = {
      roles: [...new Set(a.roles)],
      memberIds: [...new Set(a.memberIds)],
      interestedPartyIds: [...new Set(a.interestedPartyIds)],
      ismsRoleIds: [...new Set(a.ismsRoleIds)],
    };
    const row = {
      id: newId(),
      orgId: ctx.org.id,
      objectiveId,
      communicatedOn: body.communicatedOn,
      channel: body.channel,
      audience: JSON.stringify(audience),
      note: body.note ?? null,
      recordedBy: recorderId(ctx),
      recordedAt: nowIso(),
    };
    await trx.insertInto('objectiveCommunications').values(row).execute();
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'objective',
      entityId: objectiveId ?? ctx.org.id,
      event: {
        type: 'objective.communicated',
        payload: {
          ref: objective?.ref ?? null,
          communicationId: row.id,
          communicatedOn: row.communicatedOn,
          channel: row.channel,
          audience,
        },
      },
    });
    const { orgId: _o, ...rest } = row;
    return { ...rest, channel: body.channel, audience };
  });
}

/** The communications of one objective, or of the whole set (`objectiveId` null), newest first. */
export async function listCommunications(
  ctx: OrgContext,
  objectiveId: string | null,
): Promise<{ items: ObjectiveCommunication[] }> {
  if (objectiveId) await loadObjective(ctx, ctx.db, objectiveId);
  let q = ctx.db
    .selectFrom('objectiveCommunications')
    .selectAll()
    .where('orgId', '=', ctx.org.id)
    .orderBy('communicatedOn', 'desc')
    .orderBy('recordedAt', 'desc')
    .limit(1000);
  q = objectiveId ? q.where('objectiveId', '=', objectiveId) : q.where('objectiveId', 'is', null);
  const rows = await q.execute();
  return {
    items: rows.map(({ orgId: _o, ...r }) => ({
      ...r,
      channel: channelOf(r.channel),
      audience: parseAudience(r.audience),
    })),
  };
}

const channelOf = (c: string) => z.enum(COMMUNICATION_CHANNELS).catch('other').parse(c);

/** The stored audience (a damaged value reads as empty rather than failing the list). */
function parseAudience(json: string) {
  try {
    const parsed = communicationAudienceSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : EMPTY_AUDIENCE;
  } catch {
    return EMPTY_AUDIENCE;
  }
}
