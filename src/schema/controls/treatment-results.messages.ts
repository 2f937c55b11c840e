/** Messages of the risk treatment results (27001 8.3) register and document (merged in i18n/messages/en.ts). */
export const treatmentResultsMessages = {
  'entity.treatment_result': 'Risk treatment results',
  'treatment-results.title': 'Risk treatment results',
  'treatment-results.singular': 'risk treatment results document',
  'treatment-results.field.title': 'Title',
  'treatment-results.field.owner': 'Owner',
  'treatment-results.field.statusDate': 'Status as of',
  'treatment-results.latestState.draft': 'Draft',
  'treatment-results.latestState.approved': 'Approved',
  'treatment-results.latestState.superseded': 'Superseded',
  'treatment-results.section.summary': 'Summary',
  'treatment-results.help.summary':
    'What the treatment achieved by this date: controls put in place, actions completed, risks brought within the acceptance criteria.',
  'treatment-results.section.plan': 'Status of the treatment plan',
  'treatment-results.help.plan':
    'Taken from the treatment plan each time the draft is saved: every treated risk with its option, controls, actions and their status, the expected residual level against the acceptance criteria and the owner’s acceptance. The date is the draft’s.',
  'treatment-results.section.conclusions': 'Conclusions',
  'treatment-results.help.conclusions':
    'What management concludes: residual risks that remain beyond the criteria, actions to replan, changes to the plan.',
} as const;
