import { z } from 'zod';
import { defineRegister } from '../register/define-register.js';

export const REQUIREMENT_KINDS = ['legal', 'regulatory', 'contractual', 'other'] as const;
/** How far the ISMS meets the requirement today. */
export const REQUIREMENT_ADDRESSED = ['not_yet', 'partially', 'fully'] as const;
/**
 * identified: recorded, not yet assessed; applicable: confirmed as something the ISMS must meet;
 * not_applicable: assessed and set aside (say why in the description); retired: no longer in force.
 */
export const REQUIREMENT_STATUSES = ['identified', 'applicable', 'not_applicable', 'retired'] as const;

/**
 * Requirements of interested parties relevant to information security (27001 4.2 b–c): what each party needs of
 * the organization, where it comes from, and whether and how the ISMS addresses it. Controls, policies and risks
 * that address a requirement are linked to it through the shared links as those registers arrive.
 */
export const requirementRegister = defineRegister({
  entity: 'requirement',
  collection: 'requirements',
  refPrefix: 'REQ',
  title: 'requirements.title',
  titleField: 'title',
  defaultSort: { field: 'ref', order: 'asc' },
  fields: {
    partyId: {
      kind: 'record',
      target: 'interested_party',
      label: 'requirements.field.party',
      required: true,
      inList: true,
      filterable: true,
      help: 'requirements.help.party',
    },
    title: {
      kind: 'text',
      label: 'requirements.field.title',
      required: true,
      inList: true,
      sortable: true,
      searchable: true,
      help: 'requirements.help.title',
    },
    description: { kind: 'longtext', label: 'requirements.field.description', searchable: true, maxLength: 8000 },
    kind: {
      kind: 'enum',
      label: 'requirements.field.kind',
      options: REQUIREMENT_KINDS,
      required: true,
      inList: true,
      filterable: true,
      sortable: true,
    },
    sourceReference: {
      kind: 'text',
      label: 'requirements.field.sourceReference',
      searchable: true,
      maxLength: 300,
      help: 'requirements.help.sourceReference',
    },
    addressed: {
      kind: 'enum',
      label: 'requirements.field.addressed',
      options: REQUIREMENT_ADDRESSED,
      required: true,
      default: 'not_yet',
      inList: true,
      filterable: true,
      sortable: true,
    },
    howAddressed: {
      kind: 'longtext',
      label: 'requirements.field.howAddressed',
      maxLength: 8000,
      help: 'requirements.help.howAddressed',
    },
    status: {
      kind: 'enum',
      label: 'requirements.field.status',
      options: REQUIREMENT_STATUSES,
      required: true,
      default: 'identified',
      inList: true,
      filterable: true,
      sortable: true,
    },
    reviewDate: {
      kind: 'date',
      label: 'requirements.field.reviewDate',
      inList: true,
      filterable: true,
      sortable: true,
    },
    climateRelated: {
      kind: 'boolean',
      label: 'requirements.field.climateRelated',
      default: false,
      filterable: true,
      help: 'requirements.help.climateRelated',
    },
  },
});

export type RequirementRecord = z.infer<typeof requirementRegister.recordSchema>;
