import type { AssetDependenciesView, DependencyEnd } from '../../schema/risks/asset-dependencies.schema.js';
import type { OrgContext } from '../context.js';
import { NotFoundError } from '../errors.js';

/**
 * An asset's current dependencies from both ends, each with the asset at the other end: two indexed lookups (the
 * asset id leads each index), whatever the size of the inventory.
 */
export async function assetDependencies(ctx: OrgContext, assetId: string): Promise<AssetDependenciesView> {
  const asset = await ctx.db
    .selectFrom('assets')
    .select('id')
    .where('orgId', '=', ctx.org.id)
    .where('id', '=', assetId)
    .executeTakeFirst();
  if (!asset) throw new NotFoundError('The asset');
  const side = async (
    mine: 'supportingAssetId' | 'supportedAssetId',
    other: 'supportingAssetId' | 'supportedAssetId',
  ): Promise<DependencyEnd[]> => {
    const rows = await ctx.db
      .selectFrom('assetDependencies as d')
      .innerJoin('assets as a', 'a.id', `d.${other}`)
      .select([
        'd.id',
        'd.ref',
        'd.description',
        'd.version',
        'a.id as assetId',
        'a.ref as assetRef',
        'a.name',
        'a.type',
        'a.status',
        'a.value',
        'a.archivedAt',
      ])
      .where(`d.${mine}`, '=', assetId)
      .where('d.orgId', '=', ctx.org.id)
      .where('a.orgId', '=', ctx.org.id)
      .where('d.archivedAt', 'is', null)
      .orderBy((eb) => eb.fn('lower', ['a.name']))
      .orderBy('d.id')
      .limit(1000)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      ref: r.ref,
      description: r.description,
      version: r.version,
      asset: {
        id: r.assetId,
        ref: r.assetRef,
        name: r.name,
        type: r.type,
        status: r.status,
        value: r.value,
        archived: r.archivedAt !== null,
      },
    }));
  };
  return {
    supports: await side('supportingAssetId', 'supportedAssetId'),
    dependsOn: await side('supportedAssetId', 'supportingAssetId'),
  };
}
