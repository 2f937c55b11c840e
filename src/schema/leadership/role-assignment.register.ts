import { z } from 'zod';
import { defineRegister, queryBoolean } from '../register/define-register.js';

/**
 * Who holds an ISMS role (27001 5.3: assigned and communicated), from when to when, and who approved it when.
 * The person is a member of the organization or a named person without an account (an outsourced DPO, a board
 * member): exactly one of the two. `personLabel` is the person's name kept by the server, for lists and links.
 */
export const roleAssignmentRegister = defineRegister({
  entity: 'role_assignment',
  collection: 'role-assignments',
  refPrefix: 'ASG',
  title: 'role-assignments.title',
  titleField: 'personLabel',
  defaultSort: { field: 'ref', order: 'asc' },
  fields: {
    roleId: {
      kind: 'record',
      target: 'isms_role',
      label: 'role-assignments.field.role',
      required: true,
      inList: true,
      filterable: true,
      help: 'role-assignments.help.role',
    },
    personLabel: {
      kind: 'text',
      label: 'role-assignments.field.personLabel',
      readOnly: true,
      inList: true,
      sortable: true,
      searchable: true,
      maxLength: 200,
    },
    personId: {
      kind: 'member',
      label: 'role-assignments.field.person',
      filterable: true,
      help: 'role-assignments.help.person',
    },
    personName: {
      kind: 'text',
      label: 'role-assignments.field.personName',
      searchable: true,
      maxLength: 150,
      help: 'role-assignments.help.personName',
    },
    personEmail: {
      kind: 'text',
      label: 'role-assignments.field.personEmail',
      searchable: true,
      maxLength: 254,
      help: 'role-assignments.help.personEmail',
    },
    startDate: {
      kind: 'date',
      label: 'role-assignments.field.startDate',
      inList: true,
      filterable: true,
      sortable: true,
    },
    endDate: {
      kind: 'date',
      label: 'role-assignments.field.endDate',
      inList: true,
      filterable: true,
      sortable: true,
      help: 'role-assignments.help.endDate',
    },
    approvedById: {
      kind: 'member',
      label: 'role-assignments.field.approvedBy',
      inList: true,
      filterable: true,
      help: 'role-assignments.help.approvedBy',
    },
    approvedOn: { kind: 'date', label: 'role-assignments.field.approvedOn', inList: true, sortable: true },
    notes: { kind: 'longtext', label: 'role-assignments.field.notes', maxLength: 4000 },
  },
  extraQuery: { current: queryBoolean.optional() },
});

export type RoleAssignmentRecord = z.infer<typeof roleAssignmentRegister.recordSchema>;
