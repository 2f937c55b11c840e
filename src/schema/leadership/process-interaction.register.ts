import { z } from 'zod';
import { defineRegister } from '../register/define-register.js';

/**
 * How ISMS processes interact (27001 4.4): one record per "this process feeds that one", labelled with what flows.
 * A register of its own rather than a generic link because the edge carries data (what flows, a description) and
 * gets history, import and export like any other record.
 */
export const processInteractionRegister = defineRegister({
  entity: 'process_interaction',
  collection: 'process-interactions',
  refPrefix: 'FLOW',
  title: 'process-interactions.title',
  titleField: 'flows',
  defaultSort: { field: 'ref', order: 'asc' },
  fields: {
    fromProcessId: {
      kind: 'record',
      target: 'isms_process',
      label: 'process-interactions.field.from',
      required: true,
      inList: true,
      filterable: true,
      help: 'process-interactions.help.from',
    },
    toProcessId: {
      kind: 'record',
      target: 'isms_process',
      label: 'process-interactions.field.to',
      required: true,
      inList: true,
      filterable: true,
      help: 'process-interactions.help.to',
    },
    flows: {
      kind: 'text',
      label: 'process-interactions.field.flows',
      required: true,
      inList: true,
      sortable: true,
      searchable: true,
      maxLength: 120,
      help: 'process-interactions.help.flows',
    },
    description: {
      kind: 'longtext',
      label: 'process-interactions.field.description',
      searchable: true,
      maxLength: 4000,
    },
  },
  extraQuery: { processId: z.uuid().optional() },
});

export type ProcessInteractionRecord = z.infer<typeof processInteractionRegister.recordSchema>;
