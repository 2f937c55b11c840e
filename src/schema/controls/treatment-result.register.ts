import { defineRegister } from '../register/define-register.js';
import { VERSION_STATES } from '../versioning/versioned.js';

export const TREATMENT_RESULT_ENTITY = 'treatment_result';

/**
 * Results of information security risk treatment (27001 8.3): the treatment plan's status at a date, frozen in
 * versions (each draft takes the plan as it stands) and approved like every controlled document.
 */
export const treatmentResultRegister = defineRegister({
  entity: TREATMENT_RESULT_ENTITY,
  collection: 'treatment-results',
  table: 'treatment_results',
  refPrefix: 'TRR',
  title: 'treatment-results.title',
  titleField: 'title',
  defaultSort: { field: 'ref', order: 'desc' },
  fields: {
    title: {
      kind: 'text',
      label: 'treatment-results.field.title',
      required: true,
      inList: true,
      sortable: true,
      searchable: true,
    },
    ownerId: { kind: 'member', label: 'treatment-results.field.owner', inList: true, filterable: true },
    /** the date of the plan's status the latest version froze (set by the server at each draft) */
    statusDate: {
      kind: 'date',
      label: 'treatment-results.field.statusDate',
      readOnly: true,
      inList: true,
      sortable: true,
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
