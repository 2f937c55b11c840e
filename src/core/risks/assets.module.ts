import { assetDependencyRegister } from '../../schema/risks/asset-dependency.register.js';
import { assetRegister, highestLevel } from '../../schema/risks/asset.register.js';
import { ConflictError, ValidationError } from '../errors.js';
import type { RegisterModule, Values } from '../register/register-module.js';

const CIA = ['confidentiality', 'integrity', 'availability'] as const;

/** Whether a stored asset's value is the one the server derived from C/I/A (an empty value counts as derived). */
const isDerived = (existing: Values) =>
  existing.valueDerived === 1 || existing.valueDerived === true || existing.value === null;

/**
 * The asset inventory. Business value: when nobody gives one, the server fills in the highest of confidentiality,
 * integrity and availability and keeps it in step with them (`valueDerived`); a value someone sets is kept as set
 * until it is cleared (null), which hands it back to the server. Sending the value it already has changes nothing,
 * so an exported file edited and imported again does not pin a derived value.
 */
export const assetsModule: RegisterModule<typeof assetRegister.fields> = {
  def: assetRegister,
  async beforeWrite(_ctx, _trx, changes, existing) {
    const level = (f: (typeof CIA)[number]) => (f in changes ? changes[f] : existing?.[f]);
    const given = changes.value !== undefined;
    const derive = !given
      ? !existing || isDerived(existing)
      : changes.value === null || (!!existing && isDerived(existing) && changes.value === existing.value);
    if (!derive) return { valueDerived: false };
    return { value: highestLevel(CIA.map(level)), valueDerived: true };
  },
  normalizeImport(values, existing) {
    // an empty Value cell beside a derived value means "keep deriving", not a change
    if (existing && isDerived(existing) && values.value === null) {
      const { value: _value, ...rest } = values;
      return rest;
    }
    return values;
  },
};

/**
 * Which asset supports which: both ends current assets of the organization (checked by the `record` kind and
 * here), never the same asset, and one current dependency per ordered pair. `assetId` lists an asset's
 * dependencies from either end.
 */
export const assetDependenciesModule: RegisterModule<typeof assetDependencyRegister.fields> = {
  def: assetDependencyRegister,
  async beforeWrite(ctx, trx, changes, existing) {
    if (!('supportingAssetId' in changes) && !('supportedAssetId' in changes)) return {};
    const from = (changes.supportingAssetId ?? existing?.supportingAssetId) as string;
    const to = (changes.supportedAssetId ?? existing?.supportedAssetId) as string;
    if (from === to)
      throw new ValidationError([
        { field: 'body.supportedAssetId', message: 'An asset cannot support itself; choose another asset' },
      ]);
    const ends = await trx
      .selectFrom('assets')
      .select(['id', 'ref', 'archivedAt'])
      .where('orgId', '=', ctx.org.id)
      .where('id', 'in', [from, to])
      .execute();
    for (const [field, id] of [
      ['supportingAssetId', from],
      ['supportedAssetId', to],
    ] as const) {
      const asset = ends.find((e) => e.id === id);
      if (asset?.archivedAt)
        throw new ValidationError([
          { field: `body.${field}`, message: `${asset.ref} is archived; choose a current asset` },
        ]);
    }
    let dup = trx
      .selectFrom('assetDependencies')
      .select('ref')
      .where('orgId', '=', ctx.org.id)
      .where('supportingAssetId', '=', from)
      .where('supportedAssetId', '=', to)
      .where('archivedAt', 'is', null);
    if (existing) dup = dup.where('id', '!=', existing.id as string);
    const found = await dup.executeTakeFirst();
    if (found)
      throw new ConflictError(`${found.ref} already records that this asset supports that one`, [
        { field: 'body.supportedAssetId', message: `Already recorded in ${found.ref}` },
      ]);
    return {};
  },
  applyFilters(_ctx, qb, query) {
    if (typeof query.assetId !== 'string') return qb;
    const id = query.assetId;
    return qb.where((eb) => eb.or([eb('supportingAssetId', '=', id), eb('supportedAssetId', '=', id)]));
  },
};
