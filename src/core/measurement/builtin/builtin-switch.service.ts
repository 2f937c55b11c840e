import type { BuiltInMeasureInfo, BuiltInMeasureKey } from '../../../schema/measurement/measure-builtin.schema.js';
import type { OrgContext } from '../../context.js';
import { ConflictError } from '../../errors.js';
import { getRecord, insertRecord } from '../../register/register.service.js';
import { inOrgTransaction } from '../../transaction.js';
import { measuresModule } from '../measures.module.js';
import { BUILT_IN_MEASURES, builtInMeasure } from './builtin-measures.js';
import type { BuiltInMeasure } from './builtin-measure.js';

const info = (m: BuiltInMeasure, measure: BuiltInMeasureInfo['measure']): BuiltInMeasureInfo => ({
  key: m.key,
  title: m.title,
  informationNeed: m.informationNeed,
  kind: m.kind,
  method: m.method,
  baseMeasures: m.baseMeasures,
  unit: m.unit,
  targetDirection: m.direction,
  targetValue: m.defaultTarget,
  amberThreshold: m.defaultAmber,
  frequency: m.frequency,
  measure,
});

/**
 * The built-in measures with, for each, the organization's measure when it is switched on (one query). A fixed
 * catalog, not a paged list of records, so it answers `builtIns`, not `items`.
 */
export async function listBuiltInMeasures(ctx: OrgContext): Promise<{ builtIns: BuiltInMeasureInfo[] }> {
  const on = await ctx.db
    .selectFrom('measures')
    .select(['id', 'ref', 'status', 'builtInKey'])
    .where('orgId', '=', ctx.org.id)
    .where('builtInKey', 'is not', null)
    .where('archivedAt', 'is', null)
    .execute();
  const byKey = new Map(on.map((m) => [m.builtInKey, { id: m.id, ref: m.ref, status: m.status }]));
  return { builtIns: BUILT_IN_MEASURES.map((m) => info(m, byKey.get(m.key) ?? null)) };
}

/**
 * Switches a built-in measure on: creates the organization's measure for it (its text, target and frequency from
 * the defaults, editable later like any measure; `builtInKey` set by the server), with its `record.created` audit
 * event. Idempotent: when the measure exists already it is answered as it is (`created: false`). Twenty calls at
 * once make one measure: the organization's lock (inOrgTransaction) orders them, and the unique index on
 * (org_id, built_in_key) would refuse a second one anyway.
 */
export async function switchOnBuiltInMeasure(ctx: OrgContext, key: BuiltInMeasureKey) {
  const m = builtInMeasure(key);
  if (!m) throw new Error(`No built-in measure ${key}`); // the body schema only lets known keys through
  const { id, created } = await inOrgTransaction(ctx, async (trx) => {
    const existing = await trx
      .selectFrom('measures')
      .select(['id', 'ref', 'archivedAt'])
      .where('orgId', '=', ctx.org.id)
      .where('builtInKey', '=', key)
      .executeTakeFirst();
    if (existing?.archivedAt) {
      // the key stays with the archived measure (its results are the history of this built-in)
      const message = `${existing.ref} took this measure and is archived: its results stay with it`;
      throw new ConflictError(message, [{ field: 'body.key', message }]);
    }
    if (existing) return { id: existing.id, created: false };
    const record = await insertRecord(ctx, trx, measuresModule, {
      title: m.title,
      informationNeed: m.informationNeed,
      kind: m.kind,
      method: m.method,
      baseMeasures: m.baseMeasures,
      formula: m.formula ?? null,
      unit: m.unit,
      targetValue: m.defaultTarget,
      targetDirection: m.direction,
      amberThreshold: m.defaultAmber,
      frequency: m.frequency,
      builtInKey: m.key,
      status: 'active',
    });
    return { id: record.id, created: true };
  });
  return { created, measure: await getRecord(ctx, measuresModule, id) };
}
