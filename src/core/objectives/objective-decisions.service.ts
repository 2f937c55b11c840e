import type { ObjectiveCloseBody } from '../../schema/objectives/objective-progress.schema.js';
import { OBJECTIVE_MEASURED_BY_KIND, type ObjectiveRecord } from '../../schema/objectives/objective.register.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { insertLink } from '../links/links.service.js';
import { summarize } from '../links/record-types.js';
import { getRecord } from '../register/register.service.js';
import { untypedDb } from '../register/untyped-db.js';
import { inOrgTransaction } from '../transaction.js';
import { nowIso, todayIso } from '../util/ids.js';
import { assertOpen, loadObjective } from './objective-common.js';
import { refreshProgressState } from './objective-progress-state.js';
import { objectivesModule } from './objectives.module.js';

/**
 * Closing an objective (achieved, missed or withdrawn) is a decision with a note, by an ISMS manager: a value that
 * met the target once does not make the objective achieved, and a missed deadline may still be extended instead.
 * Over the version read (stale: 409 on `body.expectedVersion`), with its audit event.
 */
export async function closeObjective(ctx: OrgContext, id: string, body: ObjectiveCloseBody): Promise<ObjectiveRecord> {
  return inOrgTransaction(ctx, async (trx) => {
    const objective = await loadObjective(ctx, trx, id);
    assertOpen(objective, 'it is closed');
    if (objective.version !== body.expectedVersion)
      throw new ConflictError(`${objective.ref} was changed by someone else (version ${objective.version})`, [
        { field: 'body.expectedVersion', message: `Stale: current version is ${objective.version}` },
      ]);
    const result = await trx
      .updateTable('objectives')
      .set({
        lifecycle: body.outcome,
        closedNote: body.note,
        closedBy: ctx.actor.userId,
        closedOn: todayIso(),
        version: objective.version + 1,
        updatedAt: nowIso(),
        updatedBy: ctx.actor.userId,
      })
      .where('orgId', '=', ctx.org.id)
      .where('id', '=', id)
      .where('version', '=', objective.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw new ConflictError(`${objective.ref} was changed by someone else just now; reload and try again`, [
        { field: 'body.expectedVersion', message: 'Stale: the objective changed while it was being closed' },
      ]);
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'objective',
      entityId: id,
      event: {
        type: 'objective.closed',
        payload: { ref: objective.ref, lifecycleFrom: objective.lifecycle, lifecycleTo: body.outcome, note: body.note },
      },
    });
    return getRecord({ ...ctx, db: trx }, objectivesModule, id);
  });
}

const unitKey = (u: string | null | undefined) => (u ?? '').trim().toLowerCase();

/** The measure register, when this installation has it (issue 16's measures module). */
function measureRegister(ctx: OrgContext) {
  const mod = ctx.registers.byEntity('measure');
  if (!mod) throw new ValidationError([{ field: 'body.measureId', message: 'Measures are not available here' }]);
  return mod;
}

/**
 * Links a measure the objective takes its value from (kind `measured_by`; the generic links routes refuse it). A
 * measure whose unit differs from the objective's target unit is linked all the same, and the answer says so: the
 * value is compared with the target as it comes.
 */
export async function linkMeasure(ctx: OrgContext, id: string, measureId: string) {
  const mod = measureRegister(ctx);
  return inOrgTransaction(ctx, async (trx) => {
    const objective = await loadObjective(ctx, trx, id);
    assertOpen(objective, 'measures are linked');
    if (objective.measurementMode !== 'measures')
      throw new ConflictError(`${objective.ref} is not measured by measures`, [
        { field: 'measurementMode', message: 'Set the measurement mode to measures first' },
      ]);
    const measure: { id: string; ref: string; title: string; unit: string | null } | undefined = await untypedDb(trx)
      .selectFrom(mod.def.table)
      .select(['id', 'ref', `${mod.def.titleField} as title`, 'unit'])
      .where('orgId', '=', ctx.org.id)
      .where('id', '=', measureId)
      .where('archivedAt', 'is', null)
      .executeTakeFirst();
    if (!measure) throw new ValidationError([{ field: 'body.measureId', message: 'No measure with this id here' }]);
    await insertLink(ctx, trx, {
      fromType: 'objective',
      fromId: id,
      toType: 'measure',
      toId: measureId,
      kind: OBJECTIVE_MEASURED_BY_KIND,
    });
    const unitWarning =
      unitKey(measure.unit) === unitKey(objective.targetUnit)
        ? null
        : `The measure is in ${measure.unit || 'no unit'}, the target in ${objective.targetUnit || 'no unit'}`;
    await refreshProgressState(ctx, trx, id);
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'objective',
      entityId: id,
      event: {
        type: 'objective.measure_linked',
        payload: { ref: objective.ref, measureRef: measure.ref, unitWarning },
      },
    });
    return { measureId, ref: measure.ref, title: measure.title, unitWarning };
  });
}

/** Unlinks a measure; an active objective measured by measures keeps at least one (409 on `measures`). */
export async function unlinkMeasure(ctx: OrgContext, id: string, measureId: string): Promise<void> {
  await inOrgTransaction(ctx, async (trx) => {
    const objective = await loadObjective(ctx, trx, id);
    assertOpen(objective, 'measures are unlinked');
    const links = await measureLinks(ctx, trx, id);
    const link = links.find((l) => l.toId === measureId);
    if (!link) throw new NotFoundError('The link to this measure');
    if (links.length === 1 && objective.lifecycle === 'active' && objective.measurementMode === 'measures')
      throw new ConflictError(`${objective.ref} is active and measured by this measure only`, [
        { field: 'measures', message: 'Link another measure first, or set the objective back to draft' },
      ]);
    await trx.deleteFrom('links').where('orgId', '=', ctx.org.id).where('id', '=', link.id).execute();
    const [summary] = (await summarize({ ...ctx, db: trx }, [{ type: 'measure', id: measureId }])).values();
    await refreshProgressState(ctx, trx, id);
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'objective',
      entityId: id,
      event: {
        type: 'objective.measure_unlinked',
        payload: { ref: objective.ref, measureRef: summary?.ref ?? measureId },
      },
    });
  });
}

async function measureLinks(ctx: OrgContext, trx: OrgContext['db'], id: string) {
  return trx
    .selectFrom('links')
    .select(['id', 'toId', 'createdAt'])
    .where('orgId', '=', ctx.org.id)
    .where('fromType', '=', 'objective')
    .where('fromId', '=', id)
    .where('toType', '=', 'measure')
    .where('kind', '=', OBJECTIVE_MEASURED_BY_KIND)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

/** The measures an objective is measured by, the first (its value's source) first. */
export async function listMeasures(ctx: OrgContext, id: string) {
  const objective = await loadObjective(ctx, ctx.db, id);
  const links = await measureLinks(ctx, ctx.db, id);
  const summaries = await summarize(
    ctx,
    links.map((l) => ({ type: 'measure', id: l.toId })),
  );
  const mod = ctx.registers.byEntity('measure');
  const units = new Map<string, string | null>();
  if (mod && links.length) {
    const rows: { id: string; unit: string | null }[] = await untypedDb(ctx.db)
      .selectFrom(mod.def.table)
      .select(['id', 'unit'])
      .where('orgId', '=', ctx.org.id)
      .where(
        'id',
        'in',
        links.map((l) => l.toId),
      )
      .execute();
    for (const r of rows) units.set(r.id, r.unit);
  }
  return {
    items: links.flatMap((l) => {
      const s = summaries.get(`measure:${l.toId}`);
      if (!s) return [];
      const unit = units.get(l.toId) ?? null;
      const unitWarning =
        unitKey(unit) === unitKey(objective.targetUnit)
          ? null
          : `The measure is in ${unit || 'no unit'}, the target in ${objective.targetUnit || 'no unit'}`;
      return [{ measureId: l.toId, ref: s.ref, title: s.title, unitWarning }];
    }),
  };
}
