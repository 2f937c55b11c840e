import { sql } from 'kysely';
import { controlRegister } from '../../schema/controls/control.register.js';
import { ConflictError, ValidationError } from '../errors.js';
import type { RegisterModule, Values } from '../register/register-module.js';
import { nowIso } from '../util/ids.js';

/** Fields of an Annex A control that are the catalog's, not the organization's. */
const CATALOG_FIELDS = ['title', 'theme', 'description'] as const;
const EXCLUSION_FIELDS = ['exclusionReason', 'replacedById', 'exclusionExplanation'] as const;

/** Custom controls sort after the edition's controls, in the order they were made. */
export const customSortKey = (createdAt: string) => `zz${createdAt}`;

const field = (name: string, message: string) => new ValidationError([{ field: `body.${name}`, message }]);

/**
 * The organization's controls and their SoA lines. The edition's controls are made by the server when the
 * edition is chosen (controls.service.ts); a control made here is a custom one. An excluded control says why; a
 * replaced one names the custom control that replaces it; a planned one says when.
 */
export const controlsModule: RegisterModule<typeof controlRegister.fields> = {
  def: controlRegister,
  async beforeWrite(ctx, trx, changes, existing) {
    const extra: Values = {};
    if (!existing) {
      extra.source = 'custom';
      // several made in the same millisecond (an import) keep the order they were made in
      const last = await trx
        .selectFrom('controls')
        .select((eb) => eb.fn.max('sortKey').as('k'))
        .where('orgId', '=', ctx.org.id)
        .where('source', '=', 'custom')
        .executeTakeFirst();
      const key = customSortKey(nowIso());
      extra.sortKey = last?.k && last.k >= key ? `${last.k}~` : key;
    } else if (existing.source !== 'custom') {
      for (const name of CATALOG_FIELDS) {
        if (name in changes && changes[name] !== existing[name]) {
          throw field(
            name,
            'This is the catalog’s wording for an Annex A control; describe how you implement it under Implementation',
          );
        }
      }
    }
    const value = (name: keyof typeof changes) => (name in changes ? changes[name] : existing?.[name]) ?? null;
    if (value('applicability') === 'excluded') {
      if (!value('exclusionReason')) throw field('exclusionReason', 'Say why the control is excluded');
      if (value('exclusionReason') === 'replaced') {
        const replacedBy = value('replacedById') as string | null;
        if (!replacedBy) throw field('replacedById', 'Name the custom control that replaces this one');
        if (existing && replacedBy === existing.id) throw field('replacedById', 'A control cannot replace itself');
        const other = await trx
          .selectFrom('controls')
          .select(['source', 'ref', 'archivedAt'])
          .where('orgId', '=', ctx.org.id)
          .where('id', '=', replacedBy)
          .executeTakeFirst();
        if (other?.source !== 'custom')
          throw field(
            'replacedById',
            `${other?.ref ?? 'That control'} is not a custom control; an Annex A control is replaced by one of your own`,
          );
        if (other.archivedAt) throw field('replacedById', `${other.ref} is archived; name a current control`);
      } else if (changes.replacedById) {
        throw field('replacedById', 'Only a control excluded as replaced names its replacement');
      } else if (existing?.replacedById) {
        // no longer excluded as replaced: the former replacement is not one any more
        extra.replacedById = null;
      }
    } else {
      for (const name of EXCLUSION_FIELDS) {
        // an empty field sent back by a form means "none", not a reason
        if (changes[name] !== undefined && changes[name] !== null && changes[name] !== '')
          throw field(name, 'Only an excluded control has an exclusion reason');
        if (changes[name] === '') extra[name] = null;
        if (existing?.[name] !== null && existing?.[name] !== undefined) extra[name] = null;
      }
    }
    if (value('implementationStatus') === 'planned' && !value('plannedDate'))
      throw field('plannedDate', 'A planned control needs the date it is planned for');
    return extra;
  },
  async beforeArchive(ctx, trx, existing) {
    if (existing.source !== 'custom')
      throw new ConflictError(
        `${existing.ref as string} is an Annex A control and stays in the Statement of Applicability; exclude it instead`,
      );
    const treating = await trx
      .selectFrom('riskControls')
      .innerJoin('risks', 'risks.id', 'riskControls.riskId')
      .select('risks.ref')
      .where('riskControls.orgId', '=', ctx.org.id)
      .where('riskControls.controlId', '=', existing.id as string)
      // an archived risk's treatment keeps its history; only current risks hold the control in place
      .where('risks.archivedAt', 'is', null)
      .orderBy('risks.ref')
      .limit(5)
      .execute();
    if (treating.length)
      throw new ConflictError(
        `${existing.ref as string} treats ${treating.map((r) => r.ref).join(', ')}; take it out of those treatments first`,
      );
    const replacing = await trx
      .selectFrom('controls')
      .select('ref')
      .where('orgId', '=', ctx.org.id)
      .where('replacedById', '=', existing.id as string)
      .where('archivedAt', 'is', null)
      .limit(5)
      .execute();
    if (replacing.length)
      throw new ConflictError(
        `${existing.ref as string} replaces ${replacing.map((r) => r.ref).join(', ')}; change those exclusions first`,
      );
  },
  applyFilters(ctx, qb, query) {
    // reasons are current risks and requirements only, as the drivers and the SoA show them
    const treats = (eb: any) =>
      eb.exists(
        eb
          .selectFrom('riskControls')
          .innerJoin('risks', 'risks.id', 'riskControls.riskId')
          .select(sql.lit(1).as('x'))
          .whereRef('riskControls.controlId', '=', 'controls.id')
          .where('riskControls.orgId', '=', ctx.org.id)
          .where('risks.archivedAt', 'is', null),
      );
    const required = (eb: any) =>
      eb.exists(
        eb
          .selectFrom('links')
          .innerJoin('requirements', (j: any) =>
            j.on((r: any) =>
              r.or([r('requirements.id', '=', r.ref('links.toId')), r('requirements.id', '=', r.ref('links.fromId'))]),
            ),
          )
          .select(sql.lit(1).as('x'))
          .where('links.orgId', '=', ctx.org.id)
          .where('requirements.archivedAt', 'is', null)
          .where((l: any) =>
            l.or([
              l.and([
                l('links.fromType', '=', 'control'),
                l('links.toType', '=', 'requirement'),
                l('links.fromId', '=', l.ref('controls.id')),
                l('requirements.id', '=', l.ref('links.toId')),
              ]),
              l.and([
                l('links.toType', '=', 'control'),
                l('links.fromType', '=', 'requirement'),
                l('links.toId', '=', l.ref('controls.id')),
                l('requirements.id', '=', l.ref('links.fromId')),
              ]),
            ]),
          ),
      );
    let out = qb;
    if (query.unjustified === true) {
      out = out
        .where('controls.applicability', '=', 'applicable')
        .where((eb) => eb.or([eb('controls.statedReason', 'is', null), eb('controls.statedReason', '=', '')]))
        .where((eb) => eb.not(treats(eb)))
        .where((eb) => eb.not(required(eb)));
    }
    if (query.untouched === true) {
      out = out
        .where('controls.applicability', '=', 'undecided')
        .where((eb) => eb.not(treats(eb)))
        .where((eb) => eb.not(required(eb)));
    }
    if (typeof query.riskId === 'string') {
      const riskId = query.riskId;
      out = out.where((eb) =>
        eb.exists(
          eb
            .selectFrom('riskControls')
            .select(sql.lit(1).as('x'))
            .whereRef('riskControls.controlId', '=', 'controls.id')
            .where('riskControls.riskId', '=', riskId)
            .where('riskControls.orgId', '=', ctx.org.id),
        ),
      );
    }
    return out;
  },
};
