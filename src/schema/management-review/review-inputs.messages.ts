/**
 * Messages of the management review's compiled inputs (27001:2022 9.3.2 a–g): section headings and every fact,
 * table, column and chart label the compiler writes; merged into i18n/messages/en.ts.
 */
export const reviewInputsMessages = {
  'review-inputs.heading.previousActions': 'a) Status of actions from previous management reviews',
  'review-inputs.heading.contextChanges': 'b) Changes in external and internal issues relevant to the ISMS',
  'review-inputs.heading.partyChanges': 'c) Changes in needs and expectations of interested parties',
  'review-inputs.heading.performance': 'd) Feedback on information security performance, with trends',
  'review-inputs.heading.partyFeedback': 'e) Feedback from interested parties',
  'review-inputs.heading.riskResults': 'f) Results of risk assessment and status of the risk treatment plan',
  'review-inputs.heading.improvement': 'g) Opportunities for continual improvement',
  'review-inputs.facts': 'Key figures',
  'review-inputs.fact': 'Figure',
  'review-inputs.value': 'Value',
  'review-inputs.notBuilt': 'Not yet compiled by Rampart',
} as const;
