import { z } from 'zod';
import { defineRegister } from '../register/define-register.js';
import { ISO27001_CLAUSES } from './isms-clauses.js';

/** planned: designed, not yet run; operating: run as designed; under_review: being changed; retired: no longer run. */
export const PROCESS_STATUSES = ['planned', 'operating', 'under_review', 'retired'] as const;

/**
 * The processes of the ISMS and how they serve its requirements (27001 4.4): what each is for, who owns it, what it
 * takes in and hands on, and the clauses it implements. How processes feed each other is the process-interactions
 * register.
 */
export const ismsProcessRegister = defineRegister({
  entity: 'isms_process',
  collection: 'isms-processes',
  refPrefix: 'PROC',
  title: 'isms-processes.title',
  titleField: 'name',
  defaultSort: { field: 'ref', order: 'asc' },
  fields: {
    name: {
      kind: 'text',
      label: 'isms-processes.field.name',
      required: true,
      inList: true,
      sortable: true,
      searchable: true,
      maxLength: 150,
      help: 'isms-processes.help.name',
    },
    purpose: {
      kind: 'longtext',
      label: 'isms-processes.field.purpose',
      searchable: true,
      maxLength: 4000,
      help: 'isms-processes.help.purpose',
    },
    ownerId: {
      kind: 'member',
      label: 'isms-processes.field.owner',
      inList: true,
      filterable: true,
      help: 'isms-processes.help.owner',
    },
    inputs: {
      kind: 'longtext',
      label: 'isms-processes.field.inputs',
      searchable: true,
      maxLength: 4000,
      help: 'isms-processes.help.inputs',
    },
    outputs: {
      kind: 'longtext',
      label: 'isms-processes.field.outputs',
      searchable: true,
      maxLength: 4000,
      help: 'isms-processes.help.outputs',
    },
    clauses: {
      kind: 'text',
      label: 'isms-processes.field.clauses',
      inList: true,
      searchable: true,
      maxLength: 300,
      help: 'isms-processes.help.clauses',
    },
    status: {
      kind: 'enum',
      label: 'isms-processes.field.status',
      options: PROCESS_STATUSES,
      required: true,
      default: 'operating',
      inList: true,
      filterable: true,
      sortable: true,
    },
  },
  extraQuery: { clause: z.enum(ISO27001_CLAUSES).optional() },
});

export type IsmsProcessRecord = z.infer<typeof ismsProcessRegister.recordSchema>;
