import { z } from 'zod';
import { defineRegister } from '../register/define-register.js';

/**
 * Groups of threats, in the order of the catalogs of ISO/IEC 27005 and 27003 6.1.2: physical, natural, failures of
 * infrastructure and of technology, human actions (accidental and deliberate), compromise of functions and of
 * information.
 */
export const THREAT_GROUPS = [
  'physical',
  'natural',
  'infrastructure_failure',
  'technical_failure',
  'human_accidental',
  'human_deliberate',
  'compromise_of_functions',
  'compromise_of_information',
] as const;

/** Where a threat comes from: a mistake, an intent, or the environment. */
export const THREAT_ORIGINS = ['accidental', 'deliberate', 'environmental'] as const;

/** The threat catalog: the project's starting entries (`starterKey` set by the server) and the organization's own. */
export const threatRegister = defineRegister({
  entity: 'threat',
  collection: 'threats',
  refPrefix: 'THR',
  title: 'threats.title',
  titleField: 'name',
  defaultSort: { field: 'group', order: 'asc' },
  thenBy: [{ field: 'name', order: 'asc' }],
  importMatch: ['name'],
  fields: {
    name: {
      kind: 'text',
      label: 'threats.field.name',
      required: true,
      inList: true,
      sortable: true,
      searchable: true,
      maxLength: 200,
      help: 'threats.help.name',
    },
    group: {
      kind: 'enum',
      label: 'threats.field.group',
      options: THREAT_GROUPS,
      ordered: true,
      required: true,
      inList: true,
      filterable: true,
      sortable: true,
    },
    origin: {
      kind: 'enum',
      label: 'threats.field.origin',
      options: THREAT_ORIGINS,
      required: true,
      inList: true,
      filterable: true,
      sortable: true,
      help: 'threats.help.origin',
    },
    description: { kind: 'longtext', label: 'threats.field.description', searchable: true, maxLength: 4000 },
    affectsConfidentiality: {
      kind: 'boolean',
      label: 'threats.field.affectsConfidentiality',
      default: false,
      inList: true,
      filterable: true,
    },
    affectsIntegrity: {
      kind: 'boolean',
      label: 'threats.field.affectsIntegrity',
      default: false,
      inList: true,
      filterable: true,
    },
    affectsAvailability: {
      kind: 'boolean',
      label: 'threats.field.affectsAvailability',
      default: false,
      inList: true,
      filterable: true,
    },
    starterKey: {
      kind: 'text',
      label: 'threats.field.starterKey',
      readOnly: true,
      maxLength: 60,
      help: 'threats.help.starterKey',
    },
  },
});

export type ThreatRecord = z.infer<typeof threatRegister.recordSchema>;
