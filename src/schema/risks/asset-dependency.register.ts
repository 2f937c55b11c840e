import { z } from 'zod';
import { defineRegister } from '../register/define-register.js';

/**
 * Which asset supports which (27003 6.1.2: assets depend on one another, so a threat to one reaches those it
 * supports): "the payroll database runs on the database cluster". One record per ordered pair, modelled on the
 * process interactions: a register of its own so that each dependency has history, import and export.
 */
export const assetDependencyRegister = defineRegister({
  entity: 'asset_dependency',
  collection: 'asset-dependencies',
  refPrefix: 'ADEP',
  title: 'asset-dependencies.title',
  titleField: 'description',
  defaultSort: { field: 'ref', order: 'asc' },
  fields: {
    supportingAssetId: {
      kind: 'record',
      target: 'asset',
      label: 'asset-dependencies.field.supporting',
      required: true,
      inList: true,
      filterable: true,
      help: 'asset-dependencies.help.supporting',
    },
    supportedAssetId: {
      kind: 'record',
      target: 'asset',
      label: 'asset-dependencies.field.supported',
      required: true,
      inList: true,
      filterable: true,
      help: 'asset-dependencies.help.supported',
    },
    description: {
      kind: 'text',
      label: 'asset-dependencies.field.description',
      inList: true,
      searchable: true,
      maxLength: 200,
      help: 'asset-dependencies.help.description',
    },
  },
  extraQuery: { assetId: z.uuid().optional() },
});

export type AssetDependencyRecord = z.infer<typeof assetDependencyRegister.recordSchema>;
