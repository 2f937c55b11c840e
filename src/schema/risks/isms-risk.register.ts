import { z } from 'zod';
import { defineRegister, queryBoolean } from '../register/define-register.js';

export const ISMS_RISK_KINDS = ['risk', 'opportunity'] as const;
export type IsmsRiskKind = (typeof ISMS_RISK_KINDS)[number];

/**
 * Categories by kind, from 27003 6.1.1: risks to the ISMS delivering its outcomes (unclear processes and
 * responsibilities, poor awareness, poor management engagement, resources, scope), to preventing undesired effects
 * (poor risk management or risk awareness) and to continual improvement (poorly kept processes and documentation);
 * opportunities in the ISMS's outcomes and commercial value (markets, trust, partnerships) and in running it more
 * efficiently (simpler processes and documents, new technology, integration with other management systems).
 */
export const ISMS_RISK_CATEGORIES_BY_KIND = {
  risk: [
    'unclear_responsibilities',
    'weak_awareness',
    'poor_management_engagement',
    'insufficient_resources',
    'weak_risk_management',
    'ineffective_processes',
    'inappropriate_scope',
    'poor_communication',
    'integration_failure',
    'other_risk',
  ],
  opportunity: [
    'new_markets',
    'customer_trust',
    'business_partnerships',
    'process_simplification',
    'better_documentation',
    'automation',
    'integration_with_other_systems',
    'improved_resilience',
    'other_opportunity',
  ],
} as const satisfies Record<IsmsRiskKind, readonly string[]>;
export const ISMS_RISK_CATEGORIES = [
  ...ISMS_RISK_CATEGORIES_BY_KIND.risk,
  ...ISMS_RISK_CATEGORIES_BY_KIND.opportunity,
] as const;

/** The three aims 27003 6.1.1 a–c gives the planning of the ISMS; each risk or opportunity bears on one. */
export const ISMS_RISK_AIMS = ['intended_outcomes', 'undesired_effects', 'continual_improvement'] as const;
export const ISMS_RISK_SIGNIFICANCE = ['low', 'medium', 'high'] as const;

/**
 * identified: determined, not yet addressed; action_planned: actions are in the tracker; monitoring: actions done,
 * their effect being watched; closed: addressed (or no longer relevant: say why in the evaluation notes).
 */
export const ISMS_RISK_STATUSES = ['identified', 'action_planned', 'monitoring', 'closed'] as const;
/** Statuses in which the way to evaluate the actions' effectiveness must be stated (27003 6.1.1 e 2). */
export const ISMS_RISK_PLANNED_STATUSES = ['action_planned', 'monitoring', 'closed'] as const;
export const ISMS_RISK_EFFECTIVENESS = ['not_evaluated', 'effective', 'partially_effective', 'not_effective'] as const;
/** How a record's sources are filtered: `any` has an issue or a requirement, `none` has neither. */
export const ISMS_RISK_SOURCE_FILTERS = ['issue', 'requirement', 'any', 'none'] as const;

/** The action tracker's `sourceType` for actions planned from this register. */
export const ISMS_RISK_ENTITY = 'isms_risk';

/**
 * Risks and opportunities for the ISMS itself (27001 6.1.1), kept apart from information security risks (6.1.2):
 * where each comes from (an issue of 4.1, a requirement of 4.2), what it means for the ISMS's intended outcomes,
 * the actions planned in the shared tracker (sourceType `isms_risk`) and how their effectiveness is evaluated.
 */
export const ismsRiskRegister = defineRegister({
  entity: ISMS_RISK_ENTITY,
  collection: 'isms-risks',
  refPrefix: 'RO',
  title: 'isms-risks.title',
  titleField: 'title',
  defaultSort: { field: 'ref', order: 'asc' },
  fields: {
    kind: {
      kind: 'enum',
      label: 'isms-risks.field.kind',
      options: ISMS_RISK_KINDS,
      required: true,
      inList: true,
      filterable: true,
      sortable: true,
      help: 'isms-risks.help.kind',
    },
    title: {
      kind: 'text',
      label: 'isms-risks.field.title',
      required: true,
      inList: true,
      sortable: true,
      searchable: true,
      help: 'isms-risks.help.title',
    },
    category: {
      kind: 'enum',
      label: 'isms-risks.field.category',
      options: ISMS_RISK_CATEGORIES,
      required: true,
      inList: true,
      filterable: true,
      help: 'isms-risks.help.category',
    },
    aim: {
      kind: 'enum',
      label: 'isms-risks.field.aim',
      options: ISMS_RISK_AIMS,
      filterable: true,
      help: 'isms-risks.help.aim',
    },
    description: { kind: 'longtext', label: 'isms-risks.field.description', searchable: true, maxLength: 8000 },
    effect: {
      kind: 'longtext',
      label: 'isms-risks.field.effect',
      searchable: true,
      maxLength: 8000,
      help: 'isms-risks.help.effect',
    },
    sourceIssueId: {
      kind: 'record',
      target: 'issue',
      label: 'isms-risks.field.sourceIssue',
      filterable: true,
      help: 'isms-risks.help.sourceIssue',
    },
    sourceRequirementId: {
      kind: 'record',
      target: 'requirement',
      label: 'isms-risks.field.sourceRequirement',
      filterable: true,
      help: 'isms-risks.help.sourceRequirement',
    },
    significance: {
      kind: 'enum',
      label: 'isms-risks.field.significance',
      options: ISMS_RISK_SIGNIFICANCE,
      inList: true,
      filterable: true,
      help: 'isms-risks.help.significance',
    },
    ownerId: {
      kind: 'member',
      label: 'isms-risks.field.owner',
      inList: true,
      filterable: true,
      help: 'isms-risks.help.owner',
    },
    status: {
      kind: 'enum',
      label: 'isms-risks.field.status',
      options: ISMS_RISK_STATUSES,
      required: true,
      default: 'identified',
      inList: true,
      filterable: true,
      help: 'isms-risks.help.status',
    },
    processId: {
      kind: 'record',
      target: 'isms_process',
      label: 'isms-risks.field.process',
      filterable: true,
      help: 'isms-risks.help.process',
    },
    evaluationMethod: {
      kind: 'longtext',
      label: 'isms-risks.field.evaluationMethod',
      maxLength: 4000,
      help: 'isms-risks.help.evaluationMethod',
    },
    evaluationDueDate: {
      kind: 'date',
      label: 'isms-risks.field.evaluationDueDate',
      inList: true,
      filterable: true,
      sortable: true,
      help: 'isms-risks.help.evaluationDueDate',
    },
    effectiveness: {
      kind: 'enum',
      label: 'isms-risks.field.effectiveness',
      options: ISMS_RISK_EFFECTIVENESS,
      required: true,
      default: 'not_evaluated',
      inList: true,
      filterable: true,
      help: 'isms-risks.help.effectiveness',
    },
    evaluatedOn: { kind: 'date', label: 'isms-risks.field.evaluatedOn', help: 'isms-risks.help.evaluatedOn' },
    evaluationNotes: {
      kind: 'longtext',
      label: 'isms-risks.field.evaluationNotes',
      maxLength: 8000,
      help: 'isms-risks.help.evaluationNotes',
    },
  },
  extraQuery: {
    evaluationOverdue: queryBoolean.optional(),
    source: z.enum(ISMS_RISK_SOURCE_FILTERS).optional(),
    /** an issue or a requirement: the records that come from it, whichever field names it */
    sourceId: z.uuid().optional(),
  },
});

export type IsmsRiskRecord = z.infer<typeof ismsRiskRegister.recordSchema>;

export function categoriesOf(kind: IsmsRiskKind): readonly string[] {
  return ISMS_RISK_CATEGORIES_BY_KIND[kind];
}
