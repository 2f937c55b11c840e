import { z } from 'zod';
import { defineRegister } from '../register/define-register.js';
import { DIRECTIONS, RELEVANCE_LEVELS } from './context-options.js';

/** The aspects 27003 4.1 suggests for analysing the organization's environment (a–f) and itself (k–t). */
export const ISSUE_CATEGORIES_BY_DIRECTION = {
  external: [
    'social_cultural',
    'political_legal_regulatory',
    'financial_macroeconomic',
    'technological',
    'natural',
    'competitive',
  ],
  internal: [
    'culture',
    'policies_strategy',
    'governance_structure',
    'adopted_standards',
    'contractual_relationships',
    'processes',
    'capabilities',
    'infrastructure',
    'information_systems_flows',
    'audits_risk_results',
  ],
} as const;
export const ISSUE_CATEGORIES = [
  ...ISSUE_CATEGORIES_BY_DIRECTION.external,
  ...ISSUE_CATEGORIES_BY_DIRECTION.internal,
] as const;

/** open: identified, effect being worked out; monitoring: understood and watched; closed: no longer relevant. */
export const ISSUE_STATUSES = ['open', 'monitoring', 'closed'] as const;

/**
 * External and internal issues (27001 4.1): what in and around the organization bears on the ISMS achieving its
 * intended outcomes. They feed the scope (4.3), risks and opportunities (6.1) and the management review (9.3 b).
 */
export const issueRegister = defineRegister({
  entity: 'issue',
  collection: 'issues',
  refPrefix: 'ISS',
  title: 'issues.title',
  titleField: 'title',
  defaultSort: { field: 'ref', order: 'asc' },
  fields: {
    title: {
      kind: 'text',
      label: 'issues.field.title',
      required: true,
      inList: true,
      sortable: true,
      searchable: true,
      help: 'issues.help.title',
    },
    direction: {
      kind: 'enum',
      label: 'issues.field.direction',
      options: DIRECTIONS,
      required: true,
      inList: true,
      filterable: true,
      sortable: true,
      help: 'issues.help.direction',
    },
    category: {
      kind: 'enum',
      label: 'issues.field.category',
      options: ISSUE_CATEGORIES,
      required: true,
      inList: true,
      filterable: true,
      sortable: true,
      help: 'issues.help.category',
    },
    description: { kind: 'longtext', label: 'issues.field.description', searchable: true, maxLength: 8000 },
    effect: {
      kind: 'longtext',
      label: 'issues.field.effect',
      searchable: true,
      maxLength: 8000,
      help: 'issues.help.effect',
    },
    relevance: {
      kind: 'enum',
      label: 'issues.field.relevance',
      options: RELEVANCE_LEVELS,
      inList: true,
      filterable: true,
      sortable: true,
    },
    ownerId: { kind: 'member', label: 'issues.field.owner', inList: true, filterable: true },
    nextReviewDate: {
      kind: 'date',
      label: 'issues.field.nextReviewDate',
      inList: true,
      filterable: true,
      sortable: true,
      help: 'issues.help.nextReviewDate',
    },
    status: {
      kind: 'enum',
      label: 'issues.field.status',
      options: ISSUE_STATUSES,
      required: true,
      default: 'open',
      inList: true,
      filterable: true,
      sortable: true,
    },
    climateRelated: {
      kind: 'boolean',
      label: 'issues.field.climateRelated',
      default: false,
      filterable: true,
      help: 'issues.help.climateRelated',
    },
  },
});

export type IssueRecord = z.infer<typeof issueRegister.recordSchema>;
