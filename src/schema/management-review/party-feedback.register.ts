import { defineRegister } from '../register/define-register.js';

export const PARTY_FEEDBACK_ENTITY = 'party_feedback';
/** 27001:2022 9.3.2 e / 27003 9.3 d: suggestions for improvement, requests for change and complaints, as such */
export const FEEDBACK_KINDS = ['complaint', 'request_for_change', 'suggestion', 'compliment', 'other'] as const;
export const FEEDBACK_STATUSES = ['received', 'in_progress', 'answered', 'closed'] as const;

/**
 * Feedback from interested parties (4.2), recorded as what it is (a complaint, a request for change, a suggestion),
 * with the answer given: the management review's input e is compiled from it.
 */
export const partyFeedbackRegister = defineRegister({
  entity: PARTY_FEEDBACK_ENTITY,
  collection: 'party-feedback',
  table: 'party_feedback',
  refPrefix: 'FB',
  title: 'party-feedback.title',
  titleField: 'summary',
  defaultSort: { field: 'receivedOn', order: 'desc' },
  fields: {
    summary: {
      kind: 'text',
      label: 'party-feedback.field.summary',
      required: true,
      maxLength: 400,
      inList: true,
      searchable: true,
    },
    kind: {
      kind: 'enum',
      label: 'party-feedback.field.kind',
      options: FEEDBACK_KINDS,
      required: true,
      inList: true,
      filterable: true,
    },
    partyId: {
      kind: 'record',
      target: 'interested_party',
      label: 'party-feedback.field.party',
      inList: true,
      filterable: true,
    },
    receivedOn: {
      kind: 'date',
      label: 'party-feedback.field.receivedOn',
      required: true,
      inList: true,
      sortable: true,
      filterable: true,
    },
    channel: { kind: 'text', label: 'party-feedback.field.channel', help: 'party-feedback.help.channel' },
    details: { kind: 'longtext', label: 'party-feedback.field.details', maxLength: 20_000 },
    status: {
      kind: 'enum',
      label: 'party-feedback.field.status',
      options: FEEDBACK_STATUSES,
      default: 'received',
      inList: true,
      filterable: true,
    },
    ownerId: { kind: 'member', label: 'party-feedback.field.owner', inList: true, filterable: true },
    response: { kind: 'longtext', label: 'party-feedback.field.response', maxLength: 20_000 },
    respondedOn: { kind: 'date', label: 'party-feedback.field.respondedOn', sortable: true },
  },
});
