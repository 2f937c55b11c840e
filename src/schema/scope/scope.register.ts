import { z } from 'zod';
import { defineRegister } from '../register/define-register.js';
import { VERSION_STATES } from '../versioning/versioned.js';

export const SCOPE_STAGES = ['preliminary', 'refined', 'final'] as const;

/**
 * The ISMS scope statement (27001 4.3). The register row is the document's identity; its text lives in versions
 * (see scope.versioned.ts). Version fields here are kept by the server so lists show the state at a glance.
 */
export const scopeRegister = defineRegister({
  entity: 'scope',
  collection: 'scopes',
  refPrefix: 'SCOPE',
  title: 'scope.title',
  titleField: 'title',
  defaultSort: { field: 'ref', order: 'asc' },
  fields: {
    title: { kind: 'text', label: 'scope.field.title', required: true, inList: true, sortable: true, searchable: true },
    ownerId: { kind: 'member', label: 'scope.field.owner', inList: true, filterable: true },
    nextReviewDate: {
      kind: 'date',
      label: 'scope.field.nextReviewDate',
      inList: true,
      sortable: true,
      filterable: true,
    },
    latestVersion: { kind: 'integer', label: 'versions.field.latestVersion', readOnly: true, inList: true },
    latestState: {
      kind: 'enum',
      label: 'versions.field.latestState',
      options: VERSION_STATES,
      readOnly: true,
      inList: true,
      filterable: true,
    },
    stage: {
      kind: 'enum',
      label: 'scope.field.stage',
      options: SCOPE_STAGES,
      readOnly: true,
      inList: true,
      filterable: true,
    },
    approvedVersion: { kind: 'integer', label: 'versions.field.approvedVersion', readOnly: true, inList: true },
  },
});

export type ScopeRecord = z.infer<typeof scopeRegister.recordSchema>;
