import { z } from 'zod';
import { defineRegister, queryBoolean } from '../register/define-register.js';

export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export const ACTION_PRIORITIES = ['low', 'medium', 'high'] as const;
/** Statuses in which an action no longer counts as overdue. */
export const CLOSED_ACTION_STATUSES = ['done', 'cancelled'] as const;

/**
 * The action tracker: one register for every plan ISO/IEC 27001 asks for (27003 6.2 f–j): what will be done,
 * what resources, who is responsible, when it will be completed, how the results will be evaluated.
 */
export const actionRegister = defineRegister({
  entity: 'action',
  collection: 'actions',
  refPrefix: 'ACT',
  title: 'actions.title',
  titleField: 'title',
  defaultSort: { field: 'dueDate', order: 'asc' },
  fields: {
    title: {
      kind: 'text',
      label: 'actions.field.title',
      required: true,
      inList: true,
      sortable: true,
      searchable: true,
      help: 'actions.help.title',
    },
    description: { kind: 'longtext', label: 'actions.field.description', searchable: true },
    resources: { kind: 'longtext', label: 'actions.field.resources', maxLength: 4000, help: 'actions.help.resources' },
    ownerId: {
      kind: 'member',
      label: 'actions.field.owner',
      inList: true,
      filterable: true,
      help: 'actions.help.owner',
    },
    dueDate: { kind: 'date', label: 'actions.field.dueDate', inList: true, filterable: true, sortable: true },
    evaluation: {
      kind: 'longtext',
      label: 'actions.field.evaluation',
      maxLength: 4000,
      help: 'actions.help.evaluation',
    },
    status: {
      kind: 'enum',
      label: 'actions.field.status',
      options: ACTION_STATUSES,
      required: true,
      default: 'open',
      inList: true,
      filterable: true,
      sortable: true,
    },
    priority: {
      kind: 'enum',
      label: 'actions.field.priority',
      options: ACTION_PRIORITIES,
      inList: true,
      filterable: true,
      sortable: true,
    },
    outcome: { kind: 'longtext', label: 'actions.field.outcome', maxLength: 4000 },
    sourceType: { kind: 'text', label: 'actions.field.sourceType', maxLength: 40 },
    sourceId: { kind: 'text', label: 'actions.field.sourceId', maxLength: 40 },
    completedAt: { kind: 'text', label: 'actions.field.completedAt', readOnly: true },
  },
  extraQuery: {
    overdue: queryBoolean.optional(),
    // the actions planned from one record (`sourceType=isms_risk&sourceId=…`), or from any record of a register
    sourceType: z
      .string()
      .regex(/^[a-z][a-z_]{0,39}$/, 'A record type such as isms_risk')
      .optional(),
    sourceId: z.uuid().optional(),
  },
});

export type ActionRecord = z.infer<typeof actionRegister.recordSchema>;
