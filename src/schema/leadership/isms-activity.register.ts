import { z } from 'zod';
import { defineRegister } from '../register/define-register.js';

/**
 * ISMS activities: the rows of the RACI matrix. 27003 5.3 a–f name the activities whose responsibilities must be
 * assigned; the organization adds its own (approving policies, accepting risks…).
 */
export const ismsActivityRegister = defineRegister({
  entity: 'isms_activity',
  collection: 'isms-activities',
  refPrefix: 'ACTV',
  title: 'isms-activities.title',
  titleField: 'name',
  defaultSort: { field: 'position', order: 'asc' },
  fields: {
    name: {
      kind: 'text',
      label: 'isms-activities.field.name',
      required: true,
      inList: true,
      sortable: true,
      searchable: true,
      maxLength: 150,
    },
    description: { kind: 'longtext', label: 'isms-activities.field.description', searchable: true, maxLength: 4000 },
    clauses: {
      kind: 'text',
      label: 'isms-activities.field.clauses',
      inList: true,
      maxLength: 300,
      help: 'isms-processes.help.clauses',
    },
    position: {
      kind: 'integer',
      label: 'isms-activities.field.position',
      min: 0,
      max: 10_000,
      default: 100,
      inList: true,
      sortable: true,
      help: 'isms-activities.help.position',
    },
    starterKey: {
      kind: 'text',
      label: 'isms-activities.field.starterKey',
      readOnly: true,
      maxLength: 60,
      help: 'isms-roles.help.starterKey',
    },
  },
});

export type IsmsActivityRecord = z.infer<typeof ismsActivityRegister.recordSchema>;
