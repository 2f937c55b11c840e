import { z } from 'zod';
import { defineRegister } from '../register/define-register.js';
import { DIRECTIONS, RELEVANCE_LEVELS } from './context-options.js';

/** 27003 4.2's interested parties outside (a–g) and inside (h–l) the organization, plus "other" for each side. */
export const PARTY_TYPES_BY_DIRECTION = {
  external: [
    'regulator',
    'shareholder',
    'supplier',
    'industry_association',
    'competitor',
    'customer',
    'activist_group',
    'other_external',
  ],
  internal: ['top_management', 'owner', 'support_function', 'employee_user', 'security_professional', 'other_internal'],
} as const;
export const PARTY_TYPES = [...PARTY_TYPES_BY_DIRECTION.external, ...PARTY_TYPES_BY_DIRECTION.internal] as const;

/**
 * Interested parties (27001 4.2): people and organizations that can affect, be affected by, or believe they are
 * affected by the ISMS. Their requirements live in the requirements register, each pointing at its party.
 */
export const interestedPartyRegister = defineRegister({
  entity: 'interested_party',
  collection: 'interested-parties',
  table: 'interested_parties',
  refPrefix: 'IP',
  title: 'interested-parties.title',
  titleField: 'name',
  defaultSort: { field: 'ref', order: 'asc' },
  fields: {
    name: {
      kind: 'text',
      label: 'interested-parties.field.name',
      required: true,
      inList: true,
      sortable: true,
      searchable: true,
      help: 'interested-parties.help.name',
    },
    direction: {
      kind: 'enum',
      label: 'interested-parties.field.direction',
      options: DIRECTIONS,
      required: true,
      inList: true,
      filterable: true,
      sortable: true,
    },
    type: {
      kind: 'enum',
      label: 'interested-parties.field.type',
      options: PARTY_TYPES,
      required: true,
      inList: true,
      filterable: true,
      sortable: true,
      help: 'interested-parties.help.type',
    },
    description: {
      kind: 'longtext',
      label: 'interested-parties.field.description',
      searchable: true,
      maxLength: 8000,
      help: 'interested-parties.help.description',
    },
    contact: {
      kind: 'text',
      label: 'interested-parties.field.contact',
      searchable: true,
      maxLength: 300,
      help: 'interested-parties.help.contact',
    },
    ownerId: {
      kind: 'member',
      label: 'interested-parties.field.owner',
      inList: true,
      filterable: true,
      help: 'interested-parties.help.owner',
    },
    relevance: {
      kind: 'enum',
      label: 'interested-parties.field.relevance',
      options: RELEVANCE_LEVELS,
      inList: true,
      filterable: true,
      sortable: true,
    },
  },
});

export type InterestedPartyRecord = z.infer<typeof interestedPartyRegister.recordSchema>;
