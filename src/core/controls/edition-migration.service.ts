import {
  CONTROL_CATALOGS,
  NEW_IN_2022,
  mapping2013To2022,
  mapping2022From2013,
} from '../../schema/controls/catalogs/index.js';
import type { EditionMigration } from '../../schema/controls/treatment.schema.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { ConflictError } from '../errors.js';
import { newId, nowIso } from '../util/ids.js';
import type { Db } from '../../db/connect.js';
import { inOrgTransaction } from '../transaction.js';

/** What an organization decided about a control: the part of its SoA line that can be carried to another edition. */
const DECISION = [
  'ownerId',
  'applicability',
  'statedReason',
  'exclusionReason',
  'replacedById',
  'exclusionExplanation',
  'implementationStatus',
  'plannedDate',
  'implementation',
] as const;

type Old = { id: string; ref: string; title: string } & Record<(typeof DECISION)[number], string | null>;

/**
 * Moves an organization's SoA from the 2013 edition to 2022 (or shows what it would do, with `apply: false`).
 * Each 2022 control is made once. Where the correspondence is one-to-one (one 2013 control became exactly this
 * 2022 control and nothing else) the decision is carried over as it was. Merged controls (several 2013 controls
 * became one) and split ones (one became several) start undecided, listing the decisions they come from; the 11
 * new controls start undecided too. Risk treatments follow the correspondence: a risk that named a 2013 control now
 * names every 2022 control it became. The 2013 controls are archived; custom controls stay as they are. One
 * transaction, one audit event.
 */
export async function migrateTo2022(ctx: OrgContext, apply: boolean): Promise<EditionMigration> {
  const run = async (trx: Db) => {
    const settings = await trx
      .selectFrom('controlSettings')
      .select('edition')
      .where('orgId', '=', ctx.org.id)
      .executeTakeFirst();
    if (settings?.edition !== 'iso27001-2013') {
      throw new ConflictError(
        settings
          ? 'The organization already works with the 2022 edition'
          : 'Choose an edition first; only an SoA on the 2013 edition is migrated',
        [{ field: 'edition', message: settings?.edition ?? 'none' }],
      );
    }
    const olds = (await trx
      .selectFrom('controls')
      .select(['id', 'ref', 'title', ...DECISION])
      .where('orgId', '=', ctx.org.id)
      .where('source', '=', 'iso27001-2013')
      .where('archivedAt', 'is', null)
      .execute()) as Old[];
    const oldByRef = new Map(olds.map((o) => [o.ref, o]));
    const report: EditionMigration = { applied: apply, carried: [], needsDecision: [] };
    const now = nowIso();
    const newIdByRef = new Map<string, string>();
    const rows = [];
    for (const c of CONTROL_CATALOGS['iso27001-2022'].controls) {
      const from = mapping2022From2013(c.code).filter((r) => oldByRef.has(r));
      const oneToOne = from.length === 1 && mapping2013To2022(from[0]!).length === 1;
      const carried = oneToOne ? oldByRef.get(from[0]!)! : null;
      if (carried)
        report.carried.push({
          ref: c.code,
          title: c.title,
          from: from[0]!,
          applicability: carried.applicability as never,
        });
      else {
        const why = (NEW_IN_2022 as readonly string[]).includes(c.code) ? 'new' : from.length > 1 ? 'merged' : 'split';
        report.needsDecision.push({
          ref: c.code,
          title: c.title,
          why,
          from: from.map((r) => ({ ref: r, applicability: oldByRef.get(r)!.applicability as never })),
        });
      }
      const id = newId();
      newIdByRef.set(c.code, id);
      rows.push({
        id,
        orgId: ctx.org.id,
        ref: c.code,
        version: 1,
        createdAt: now,
        createdBy: ctx.actor.userId,
        updatedAt: now,
        updatedBy: ctx.actor.userId,
        archivedAt: null,
        title: c.title,
        source: 'iso27001-2022',
        theme:
          ({ '5': 'organizational', '6': 'people', '7': 'physical', '8': 'technological' } as Record<string, string>)[
            c.code.split('.')[0]!
          ] ?? null,
        objective: null,
        description: null,
        sortKey: c.sortKey,
        ownerId: carried?.ownerId ?? null,
        applicability: carried?.applicability ?? 'undecided',
        statedReason: carried?.statedReason ?? null,
        exclusionReason: carried?.exclusionReason ?? null,
        replacedById: carried?.replacedById ?? null,
        exclusionExplanation: carried?.exclusionExplanation ?? null,
        implementationStatus: carried?.implementationStatus ?? 'not_started',
        plannedDate: carried?.plannedDate ?? null,
        implementation: carried?.implementation ?? null,
      });
    }
    if (!apply) return report;

    for (let i = 0; i < rows.length; i += 30)
      await trx
        .insertInto('controls')
        .values(rows.slice(i, i + 30))
        .execute();
    // risk treatments follow the correspondence, in the order the treatment listed its controls
    const links = await trx
      .selectFrom('riskControls')
      .selectAll()
      .where('orgId', '=', ctx.org.id)
      .where('controlId', 'in', olds.length ? olds.map((o) => o.id) : ['-'])
      .orderBy('riskId')
      .orderBy('position')
      .execute();
    const refOfOld = new Map(olds.map((o) => [o.id, o.ref]));
    const next = new Map<string, { position: number; controls: Set<string> }>();
    for (const l of links) {
      await trx
        .deleteFrom('riskControls')
        .where('orgId', '=', ctx.org.id)
        .where('riskId', '=', l.riskId)
        .where('controlId', '=', l.controlId)
        .execute();
      const risk = next.get(l.riskId) ?? { position: 1000, controls: new Set<string>() };
      next.set(l.riskId, risk);
      for (const ref of mapping2013To2022(refOfOld.get(l.controlId)!)) {
        const controlId = newIdByRef.get(ref)!;
        if (risk.controls.has(controlId)) continue;
        risk.controls.add(controlId);
        // after any custom control the treatment names (those keep their positions)
        await trx
          .insertInto('riskControls')
          .values({
            orgId: ctx.org.id,
            riskId: l.riskId,
            controlId,
            effect: l.effect,
            note: l.note,
            position: risk.position++,
          })
          .execute();
      }
    }
    // requirement links follow too, from the control's end
    const reqLinks = await trx
      .selectFrom('links')
      .selectAll()
      .where('orgId', '=', ctx.org.id)
      .where((eb) => eb.or([eb('fromType', '=', 'control'), eb('toType', '=', 'control')]))
      .execute();
    for (const l of reqLinks) {
      const oldId = l.fromType === 'control' ? l.fromId : l.toId;
      const oldRef = refOfOld.get(oldId);
      if (!oldRef) continue;
      for (const ref of mapping2013To2022(oldRef)) {
        const controlId = newIdByRef.get(ref)!;
        await trx
          .insertInto('links')
          .values({
            ...l,
            id: newId(),
            createdAt: now,
            createdBy: ctx.actor.userId,
            ...(l.fromType === 'control' ? { fromId: controlId } : { toId: controlId }),
          })
          .execute();
      }
    }
    await trx
      .updateTable('controls')
      .set((eb) => ({ archivedAt: now, updatedAt: now, updatedBy: ctx.actor.userId, version: eb('version', '+', 1) }))
      .where('orgId', '=', ctx.org.id)
      .where('source', '=', 'iso27001-2013')
      .where('archivedAt', 'is', null)
      .execute();
    await trx
      .updateTable('controlSettings')
      .set({ edition: 'iso27001-2022', chosenAt: now, chosenBy: ctx.actor.userId })
      .where('orgId', '=', ctx.org.id)
      .execute();
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'control',
      entityId: null,
      event: {
        type: 'controls.edition_migrated',
        payload: {
          from: 'iso27001-2013',
          to: 'iso27001-2022',
          carried: report.carried.length,
          needsDecision: report.needsDecision.length,
          archived: olds.length,
        },
      },
    });
    return report;
  };
  return apply ? inOrgTransaction(ctx, run) : run(ctx.db);
}
