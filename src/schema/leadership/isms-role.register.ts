import { z } from 'zod';
import { defineRegister } from '../register/define-register.js';

/**
 * Kinds of role relevant to information security (27003 5.3): roles whose whole job is the ISMS, and ordinary roles
 * that carry security responsibilities (owners of information, processes, assets and risks; coordinators; project
 * and line managers; users of information).
 */
export const ROLE_TYPES = [
  'top_management',
  'isms_manager',
  'security_specialist',
  'incident_manager',
  'auditor',
  'information_owner',
  'process_owner',
  'asset_owner',
  'risk_owner',
  'security_coordinator',
  'project_manager',
  'line_manager',
  'information_user',
  'other',
] as const;

/** draft: being defined; approved: approved by top management and in force; retired: no longer used. */
export const ROLE_STATUSES = ['draft', 'approved', 'retired'] as const;

/** ISMS roles with their responsibilities and authorities (27001 5.3). */
export const ismsRoleRegister = defineRegister({
  entity: 'isms_role',
  collection: 'isms-roles',
  refPrefix: 'ROLE',
  title: 'isms-roles.title',
  titleField: 'name',
  defaultSort: { field: 'ref', order: 'asc' },
  fields: {
    name: {
      kind: 'text',
      label: 'isms-roles.field.name',
      required: true,
      inList: true,
      sortable: true,
      searchable: true,
      maxLength: 150,
      help: 'isms-roles.help.name',
    },
    roleType: {
      kind: 'enum',
      label: 'isms-roles.field.roleType',
      options: ROLE_TYPES,
      required: true,
      inList: true,
      filterable: true,
      sortable: true,
      help: 'isms-roles.help.roleType',
    },
    responsibilities: {
      kind: 'longtext',
      label: 'isms-roles.field.responsibilities',
      searchable: true,
      maxLength: 8000,
      help: 'isms-roles.help.responsibilities',
    },
    authorities: {
      kind: 'longtext',
      label: 'isms-roles.field.authorities',
      searchable: true,
      maxLength: 8000,
      help: 'isms-roles.help.authorities',
    },
    reportsToId: {
      kind: 'record',
      target: 'isms_role',
      label: 'isms-roles.field.reportsTo',
      inList: true,
      filterable: true,
      help: 'isms-roles.help.reportsTo',
    },
    status: {
      kind: 'enum',
      label: 'isms-roles.field.status',
      options: ROLE_STATUSES,
      required: true,
      default: 'draft',
      inList: true,
      filterable: true,
      sortable: true,
    },
    starterKey: {
      kind: 'text',
      label: 'isms-roles.field.starterKey',
      readOnly: true,
      maxLength: 60,
      help: 'isms-roles.help.starterKey',
    },
  },
});

export type IsmsRoleRecord = z.infer<typeof ismsRoleRegister.recordSchema>;
