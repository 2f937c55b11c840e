import { z } from 'zod';
import { defineRegister } from '../register/define-register.js';

/** What an organization holds that has value to it (27001 6.1.2 c, 27003 6.1.2): the kinds an inventory lists. */
export const ASSET_TYPES = [
  'information',
  'software',
  'hardware',
  'service',
  'people',
  'site',
  'process',
  'supplier',
] as const;

/** The four steps of the classification scale, lowest first; used for confidentiality, integrity, availability and value. */
export const CIA_LEVELS = ['low', 'medium', 'high', 'very_high'] as const;
export type CiaLevel = (typeof CIA_LEVELS)[number];

/** planned: being acquired or built; in_use: in service; being_retired: on its way out; retired: gone, kept for the record. */
export const ASSET_STATUSES = ['planned', 'in_use', 'being_retired', 'retired'] as const;

/** The highest of the given levels on the scale, or null when none is given. */
export function highestLevel(levels: readonly (string | null | undefined)[]): CiaLevel | null {
  let best = -1;
  for (const l of levels) best = Math.max(best, CIA_LEVELS.indexOf(l as CiaLevel));
  return best < 0 ? null : CIA_LEVELS[best]!;
}

/**
 * The asset inventory: each asset with its owner, custodian and location, its classification for confidentiality,
 * integrity and availability, and its business value. A value left empty is filled by the server with the highest
 * of C/I/A and follows them (`valueDerived`) until someone sets it. Built for tens of thousands of rows: every
 * filter and the default sort are indexed, and an import matches rows to assets by name when they carry no
 * Reference, so an inventory kept elsewhere can be imported again without duplicates.
 */
export const assetRegister = defineRegister({
  entity: 'asset',
  collection: 'assets',
  refPrefix: 'AST',
  title: 'assets.title',
  titleField: 'name',
  defaultSort: { field: 'name', order: 'asc' },
  thenBy: [{ field: 'name', order: 'asc' }],
  importMatch: ['name'],
  fields: {
    name: {
      kind: 'text',
      label: 'assets.field.name',
      required: true,
      inList: true,
      sortable: true,
      searchable: true,
      maxLength: 200,
      help: 'assets.help.name',
    },
    type: {
      kind: 'enum',
      label: 'assets.field.type',
      options: ASSET_TYPES,
      required: true,
      inList: true,
      filterable: true,
      sortable: true,
      help: 'assets.help.type',
    },
    description: { kind: 'longtext', label: 'assets.field.description', searchable: true, maxLength: 4000 },
    ownerId: { kind: 'member', label: 'assets.field.owner', inList: true, filterable: true, help: 'assets.help.owner' },
    custodian: { kind: 'text', label: 'assets.field.custodian', maxLength: 200, help: 'assets.help.custodian' },
    location: { kind: 'text', label: 'assets.field.location', maxLength: 200, help: 'assets.help.location' },
    confidentiality: {
      kind: 'enum',
      label: 'assets.field.confidentiality',
      options: CIA_LEVELS,
      ordered: true,
      inList: true,
      filterable: true,
      sortable: true,
      help: 'assets.help.confidentiality',
    },
    integrity: {
      kind: 'enum',
      label: 'assets.field.integrity',
      options: CIA_LEVELS,
      ordered: true,
      inList: true,
      filterable: true,
      sortable: true,
      help: 'assets.help.integrity',
    },
    availability: {
      kind: 'enum',
      label: 'assets.field.availability',
      options: CIA_LEVELS,
      ordered: true,
      inList: true,
      filterable: true,
      sortable: true,
      help: 'assets.help.availability',
    },
    value: {
      kind: 'enum',
      label: 'assets.field.value',
      options: CIA_LEVELS,
      ordered: true,
      inList: true,
      filterable: true,
      sortable: true,
      help: 'assets.help.value',
    },
    valueDerived: { kind: 'boolean', label: 'assets.field.valueDerived', readOnly: true },
    status: {
      kind: 'enum',
      label: 'assets.field.status',
      options: ASSET_STATUSES,
      required: true,
      default: 'in_use',
      inList: true,
      filterable: true,
      sortable: true,
    },
    processId: {
      kind: 'record',
      target: 'isms_process',
      label: 'assets.field.process',
      filterable: true,
      help: 'assets.help.process',
    },
  },
});

export type AssetRecord = z.infer<typeof assetRegister.recordSchema>;
