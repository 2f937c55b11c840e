import { CONTROL_CATALOGS, type CatalogId } from '../../schema/controls/catalogs/index.js';
import type { ControlDrivers } from '../../schema/controls/treatment.schema.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { newId, nowIso } from '../util/ids.js';
import { isUniqueViolation } from '../../db/dialect.js';
import type { Db } from '../../db/connect.js';
import { inOrgTransaction } from '../transaction.js';
import { levelLabeller } from '../risks/level-labels.js';

/** 2022 themes by the first part of the control identifier. */
const THEME_OF_2022: Record<string, string> = {
  '5': 'organizational',
  '6': 'people',
  '7': 'physical',
  '8': 'technological',
};

export async function controlSettings(ctx: OrgContext, db: Db = ctx.db) {
  const row = await db.selectFrom('controlSettings').selectAll().where('orgId', '=', ctx.org.id).executeTakeFirst();
  const counts = await db
    .selectFrom('controls')
    .select((eb) => ['source', eb.fn.countAll<number>().as('n')])
    .where('orgId', '=', ctx.org.id)
    .where('archivedAt', 'is', null)
    .groupBy('source')
    .execute();
  const count = (pred: (s: string) => boolean) =>
    counts.filter((c) => pred(c.source)).reduce((sum, c) => sum + Number(c.n), 0);
  return {
    edition: (row?.edition ?? null) as CatalogId | null,
    chosenAt: row?.chosenAt ?? null,
    counts: { catalog: count((s) => s !== 'custom'), custom: count((s) => s === 'custom') },
  };
}

/**
 * Chooses the organization's Annex A edition and makes one control per catalog control, in one transaction with
 * its audit event. Choosing is done once: moving from 2013 to 2022 is a migration of the SoA (decisions carried
 * over where the mapping allows), not a switch, so a second choice is refused.
 */
export async function chooseEdition(ctx: OrgContext, edition: CatalogId) {
  await inOrgTransaction(ctx, async (trx) => {
    const existing = await trx
      .selectFrom('controlSettings')
      .select('edition')
      .where('orgId', '=', ctx.org.id)
      .executeTakeFirst();
    if (existing) {
      throw new ConflictError(
        existing.edition === edition
          ? `The organization already works with ${CONTROL_CATALOGS[edition].name}`
          : `The organization works with ${CONTROL_CATALOGS[existing.edition as CatalogId].name}; its SoA is moved to another edition by migrating it, not by choosing again`,
        [{ field: 'body.edition', message: 'The edition is already chosen' }],
      );
    }
    const now = nowIso();
    try {
      await trx
        .insertInto('controlSettings')
        .values({ orgId: ctx.org.id, edition, chosenAt: now, chosenBy: ctx.actor.userId })
        .execute();
    } catch (err) {
      // someone chose at the same moment (PostgreSQL: our read did not see their uncommitted row)
      if (isUniqueViolation(err))
        throw new ConflictError('The edition was chosen by someone else just now', [
          { field: 'body.edition', message: 'The edition is already chosen' },
        ]);
      throw err;
    }
    const catalog = CONTROL_CATALOGS[edition];
    const rows = catalog.controls.map((c) => ({
      id: newId(),
      orgId: ctx.org.id,
      ref: c.code,
      version: 1,
      createdAt: now,
      createdBy: ctx.actor.userId,
      updatedAt: now,
      updatedBy: ctx.actor.userId,
      archivedAt: null,
      title: c.title,
      source: edition,
      theme: edition === 'iso27001-2022' ? (THEME_OF_2022[c.code.split('.')[0]!] ?? null) : null,
      objective: edition === 'iso27001-2013' ? c.group : null,
      description: null,
      ownerId: null,
      applicability: 'undecided',
      statedReason: null,
      exclusionReason: null,
      replacedById: null,
      exclusionExplanation: null,
      implementationStatus: 'not_started',
      plannedDate: null,
      implementation: null,
      sortKey: c.sortKey,
    }));
    // a few hundred rows per statement keeps well below SQLite's bound-parameter limit
    for (let i = 0; i < rows.length; i += 30)
      await trx
        .insertInto('controls')
        .values(rows.slice(i, i + 30))
        .execute();
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'control',
      entityId: null,
      event: { type: 'controls.edition_chosen', payload: { edition, controls: rows.length } },
    });
  });
  return controlSettings(ctx);
}

/** Every risk and requirement that needs a control (27003 6.1.3 b: the tie must be demonstrable both ways). */
export async function controlDrivers(ctx: OrgContext, controlId: string): Promise<ControlDrivers> {
  const control = await ctx.db
    .selectFrom('controls')
    .select('id')
    .where('orgId', '=', ctx.org.id)
    .where('id', '=', controlId)
    .executeTakeFirst();
  if (!control) throw new NotFoundError('The control');
  const risks = await ctx.db
    .selectFrom('riskControls')
    .innerJoin('risks', 'risks.id', 'riskControls.riskId')
    .select([
      'risks.id',
      'risks.ref',
      'risks.title',
      'riskControls.effect',
      'risks.level',
      'risks.acceptable',
      'risks.status',
      'risks.methodologyVersion',
    ])
    .where('riskControls.orgId', '=', ctx.org.id)
    .where('risks.orgId', '=', ctx.org.id)
    .where('riskControls.controlId', '=', controlId)
    .where('risks.archivedAt', 'is', null)
    .orderBy('risks.ref')
    .execute();
  const requirements = await requirementsOf(ctx, [controlId]);
  const label = await levelLabeller(
    ctx,
    ctx.db,
    risks.map((r) => r.methodologyVersion),
  );
  return {
    risks: risks.map(({ methodologyVersion, ...r }) => ({
      ...r,
      levelLabel: label(methodologyVersion, r.level),
      effect: r.effect as 'likelihood' | 'consequence' | 'both',
      acceptable: r.acceptable === null ? null : Boolean(r.acceptable),
    })),
    requirements: requirements.get(controlId) ?? [],
  };
}

/** Requirements (4.2) linked to each of the given controls, from either end of the link. */
export async function requirementsOf(ctx: OrgContext, controlIds: string[], db: Db = ctx.db) {
  const out = new Map<string, { id: string; ref: string; title: string }[]>();
  if (!controlIds.length) return out;
  const rows = await db
    .selectFrom('links')
    .innerJoin('requirements', (j) =>
      j.on((eb) =>
        eb.or([
          eb.and([eb('links.toType', '=', 'requirement'), eb('links.toId', '=', eb.ref('requirements.id'))]),
          eb.and([eb('links.fromType', '=', 'requirement'), eb('links.fromId', '=', eb.ref('requirements.id'))]),
        ]),
      ),
    )
    .select([
      'links.fromType',
      'links.fromId',
      'links.toId',
      'requirements.id',
      'requirements.ref',
      'requirements.title',
    ])
    .where('links.orgId', '=', ctx.org.id)
    .where('requirements.orgId', '=', ctx.org.id)
    .where('requirements.archivedAt', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('links.fromType', '=', 'control'), eb('links.fromId', 'in', controlIds)]),
        eb.and([eb('links.toType', '=', 'control'), eb('links.toId', 'in', controlIds)]),
      ]),
    )
    .orderBy('requirements.ref')
    .execute();
  for (const r of rows) {
    const controlId = r.fromType === 'control' ? r.fromId : r.toId;
    const list = out.get(controlId) ?? [];
    if (!list.some((x) => x.id === r.id)) list.push({ id: r.id, ref: r.ref, title: r.title });
    out.set(controlId, list);
  }
  return out;
}
