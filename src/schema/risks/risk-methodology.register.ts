import { defineRegister } from '../register/define-register.js';
import { VERSION_STATES } from '../versioning/versioned.js';

/**
 * The organization's risk methodology (27001 6.1.2 a–b). One record per organization: its versions are the
 * methodology's history, and the approved version is the one every risk is evaluated with.
 */
export const riskMethodologyRegister = defineRegister({
  entity: 'risk_methodology',
  collection: 'risk-methodologies',
  refPrefix: 'RM',
  title: 'riskMethodology.title',
  titleField: 'title',
  defaultSort: { field: 'ref', order: 'asc' },
  fields: {
    title: {
      kind: 'text',
      label: 'riskMethodology.field.title',
      required: true,
      inList: true,
      sortable: true,
      searchable: true,
    },
    ownerId: { kind: 'member', label: 'riskMethodology.field.owner', inList: true, filterable: true },
    nextReviewDate: {
      kind: 'date',
      label: 'riskMethodology.field.nextReviewDate',
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
    approvedVersion: { kind: 'integer', label: 'versions.field.approvedVersion', readOnly: true, inList: true },
  },
});
