import { forUpdate, isUniqueViolation } from '../../db/dialect.js';
import type { ClimateDecision, ClimateDecisionInput } from '../../schema/context/climate-decision.schema.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { ConflictError, ValidationError } from '../errors.js';
import { newId, nowIso } from '../util/ids.js';
import { inOrgTransaction } from '../transaction.js';

/** Audit entity type of the decision; its history is read back from the trail by this type. */
export const CLIMATE_ENTITY = 'climate_decision';
const HISTORY_LIMIT = 500;

const UNDECIDED: ClimateDecision = {
  status: 'undecided',
  relevant: null,
  reasoning: null,
  decidedBy: null,
  decidedOn: null,
  version: 0,
  updatedAt: null,
  updatedBy: null,
};

type Row = {
  id: string;
  relevant: number;
  reasoning: string;
  decidedBy: string;
  decidedOn: string;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
};

function present(row: Row | undefined): ClimateDecision {
  if (!row) return UNDECIDED;
  const relevant = row.relevant === 1;
  return {
    status: relevant ? 'relevant' : 'not_relevant',
    relevant,
    reasoning: row.reasoning,
    decidedBy: row.decidedBy,
    decidedOn: row.decidedOn,
    version: row.version,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

export async function getClimateDecision(ctx: OrgContext): Promise<ClimateDecision> {
  const row = await ctx.db
    .selectFrom('climateDecisions')
    .selectAll()
    .where('orgId', '=', ctx.org.id)
    .executeTakeFirst();
  return present(row);
}

/**
 * Records or changes the decision, with its audit event (the full decision and what changed) in the same
 * transaction. `expectedVersion` (0 = "I saw no decision") guards against overwriting someone else's change.
 */
export async function setClimateDecision(ctx: OrgContext, input: ClimateDecisionInput): Promise<ClimateDecision> {
  try {
    return await inOrgTransaction(ctx, async (trx) => {
      const member = await trx
        .selectFrom('memberships')
        .select('userId')
        .where('orgId', '=', ctx.org.id)
        .where('userId', '=', input.decidedBy)
        .executeTakeFirst();
      if (!member)
        throw new ValidationError([{ field: 'body.decidedBy', message: 'Not a member of this organization' }]);
      const current = await forUpdate(
        trx,
        trx.selectFrom('climateDecisions').selectAll().where('orgId', '=', ctx.org.id),
      ).executeTakeFirst();
      const version = current?.version ?? 0;
      if (input.expectedVersion !== undefined && input.expectedVersion !== version) {
        throw new ConflictError(
          `The climate decision was changed by someone else (version ${version}); reload and decide again`,
          [{ field: 'body.expectedVersion', message: `Stale: current version is ${version}` }],
        );
      }
      const next = {
        relevant: input.relevant ? 1 : 0,
        reasoning: input.reasoning,
        decidedBy: input.decidedBy,
        decidedOn: input.decidedOn,
      };
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const [k, to] of Object.entries(next)) {
        const from = current ? current[k as keyof typeof next] : null;
        if (from !== to)
          changes[k] = k === 'relevant' ? { from: from === null ? null : from === 1, to: to === 1 } : { from, to };
      }
      if (current && Object.keys(changes).length === 0) return present(current);
      const now = nowIso();
      let row: Row;
      if (current) {
        row = { ...current, ...next, version: version + 1, updatedAt: now, updatedBy: ctx.actor.userId };
        await trx
          .updateTable('climateDecisions')
          .set({ ...next, version: row.version, updatedAt: now, updatedBy: ctx.actor.userId })
          .where('id', '=', current.id)
          .where('orgId', '=', ctx.org.id)
          .execute();
      } else {
        row = { id: newId(), ...next, version: 1, updatedAt: now, updatedBy: ctx.actor.userId };
        await trx
          .insertInto('climateDecisions')
          .values({ ...row, orgId: ctx.org.id, createdAt: now })
          .execute();
      }
      await recordAudit(trx, {
        orgId: ctx.org.id,
        actor: ctx.actor,
        ip: ctx.ip,
        entityType: CLIMATE_ENTITY,
        entityId: row.id,
        event: {
          type: 'climate_decision.recorded',
          payload: {
            relevant: input.relevant,
            reasoning: input.reasoning,
            decidedBy: input.decidedBy,
            decidedOn: input.decidedOn,
            version: row.version,
            changes,
          },
        },
      });
      return present(row);
    });
  } catch (err) {
    // Two first decisions at the same moment: the loser learns it as a stale version, as for any other race.
    if (isUniqueViolation(err))
      throw new ConflictError(
        'The climate decision was recorded by someone else at the same time; reload and decide again',
      );
    throw err;
  }
}

/** Every recorded decision, newest first: who recorded it, when, the decision then, and what changed. */
export async function climateDecisionHistory(ctx: OrgContext) {
  const rows = await ctx.db
    .selectFrom('auditEvents')
    .select(['id', 'seq', 'actorId', 'actorLabel', 'payload', 'createdAt'])
    .where('orgId', '=', ctx.org.id)
    .where('entityType', '=', CLIMATE_ENTITY)
    .where('type', '=', 'climate_decision.recorded')
    .orderBy('seq', 'desc')
    .limit(HISTORY_LIMIT)
    .execute();
  return {
    items: rows.map((r) => {
      const p = JSON.parse(r.payload) as {
        relevant: boolean;
        reasoning: string;
        decidedBy: string;
        decidedOn: string;
        changes: Record<string, { from: unknown; to: unknown }>;
      };
      return {
        id: r.id,
        seq: Number(r.seq),
        actorId: r.actorId,
        actorLabel: r.actorLabel,
        createdAt: r.createdAt,
        relevant: p.relevant,
        reasoning: p.reasoning,
        decidedBy: p.decidedBy,
        decidedOn: p.decidedOn,
        changes: p.changes,
      };
    }),
  };
}
