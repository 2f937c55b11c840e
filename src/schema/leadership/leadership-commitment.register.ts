import { z } from 'zod';
import { defineRegister } from '../register/define-register.js';

/** The eight ways top management shows leadership of the ISMS (27001 5.1 a–h), in that order. */
export const COMMITMENTS = [
  'policy_objectives',
  'integration',
  'resources',
  'communication',
  'outcomes',
  'direction',
  'improvement',
  'management_roles',
] as const;
export type Commitment = (typeof COMMITMENTS)[number];

/**
 * How top management demonstrates each commitment (27001 5.1): what it did, how that shows the commitment, when,
 * and the evidence. Several records per commitment are normal; a commitment with none is a gap the conformity
 * check and the management review will show.
 */
export const leadershipCommitmentRegister = defineRegister({
  entity: 'leadership_commitment',
  collection: 'leadership-commitments',
  refPrefix: 'LC',
  title: 'leadership-commitments.title',
  titleField: 'title',
  defaultSort: { field: 'date', order: 'desc' },
  fields: {
    commitment: {
      kind: 'enum',
      label: 'leadership-commitments.field.commitment',
      options: COMMITMENTS,
      required: true,
      inList: true,
      filterable: true,
      sortable: true,
      help: 'leadership-commitments.help.commitment',
    },
    title: {
      kind: 'text',
      label: 'leadership-commitments.field.title',
      required: true,
      inList: true,
      sortable: true,
      searchable: true,
      maxLength: 200,
      help: 'leadership-commitments.help.title',
    },
    demonstration: {
      kind: 'longtext',
      label: 'leadership-commitments.field.demonstration',
      required: true,
      searchable: true,
      maxLength: 8000,
      help: 'leadership-commitments.help.demonstration',
    },
    evidence: {
      kind: 'longtext',
      label: 'leadership-commitments.field.evidence',
      searchable: true,
      maxLength: 8000,
      help: 'leadership-commitments.help.evidence',
    },
    date: { kind: 'date', label: 'leadership-commitments.field.date', inList: true, filterable: true, sortable: true },
    ownerId: {
      kind: 'member',
      label: 'leadership-commitments.field.owner',
      inList: true,
      filterable: true,
      help: 'leadership-commitments.help.owner',
    },
  },
});

export type LeadershipCommitmentRecord = z.infer<typeof leadershipCommitmentRegister.recordSchema>;
