import { z } from 'zod';
import { intParam } from '../common/primitives.js';
import { defineRegister, queryBoolean } from '../register/define-register.js';

/** How a risk was identified (27003 6.1.2 c): as an event scenario, or from assets, threats and vulnerabilities. */
export const RISK_APPROACHES = ['event', 'asset'] as const;
export const RISK_STATUSES = ['identified', 'assessed', 'treatment_planned', 'accepted', 'closed'] as const;
/** Statuses a risk leaves the heat map and the open list in. */
export const CLOSED_RISK_STATUSES = ['closed'] as const;
/** Level numbers are 1-based positions on the methodology's scales (1 = lowest); a scale has at most 10. */
const LEVEL = { kind: 'integer', min: 1, max: 10 } as const;

const levelList = z
  .string()
  .max(400)
  .transform((s) =>
    s
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^[a-z][a-z0-9_]{0,30}$/, 'A level key of the methodology')).max(8));
const cellNumber = intParam(1, 10);

/**
 * The information security risk register (27001 6.1.2 c–e). The analysis (likelihood, consequence, rationale) is
 * written by people; the evaluation (level, score, acceptability, priority) is computed by the server from the
 * approved methodology and recomputed when a new methodology version is approved.
 */
export const riskRegister = defineRegister({
  entity: 'risk',
  collection: 'risks',
  refPrefix: 'RISK',
  title: 'risks.title',
  titleField: 'title',
  defaultSort: { field: 'priority', order: 'asc' },
  thenBy: [
    { field: 'score', order: 'desc' },
    { field: 'ref', order: 'asc' },
  ],
  fields: {
    title: { kind: 'text', label: 'risks.field.title', required: true, inList: true, sortable: true, searchable: true },
    description: { kind: 'longtext', label: 'risks.field.description', searchable: true },
    approach: {
      kind: 'enum',
      label: 'risks.field.approach',
      options: RISK_APPROACHES,
      default: 'event',
      filterable: true,
      help: 'risks.help.approach',
    },
    riskSource: { kind: 'text', label: 'risks.field.riskSource', help: 'risks.help.riskSource' },
    event: { kind: 'longtext', label: 'risks.field.event', maxLength: 4000, help: 'risks.help.event' },
    cause: { kind: 'longtext', label: 'risks.field.cause', maxLength: 4000, help: 'risks.help.cause' },
    consequenceDescription: {
      kind: 'longtext',
      label: 'risks.field.consequenceDescription',
      maxLength: 4000,
      help: 'risks.help.consequenceDescription',
    },
    threatId: { kind: 'record', target: 'threat', label: 'risks.field.threat', filterable: true },
    vulnerabilityId: { kind: 'record', target: 'vulnerability', label: 'risks.field.vulnerability', filterable: true },
    affectsConfidentiality: { kind: 'boolean', label: 'risks.field.affectsConfidentiality', default: false },
    affectsIntegrity: { kind: 'boolean', label: 'risks.field.affectsIntegrity', default: false },
    affectsAvailability: { kind: 'boolean', label: 'risks.field.affectsAvailability', default: false },
    ownerId: { kind: 'member', label: 'risks.field.owner', inList: true, filterable: true, help: 'risks.help.owner' },
    existingControls: {
      kind: 'longtext',
      label: 'risks.field.existingControls',
      maxLength: 8000,
      help: 'risks.help.existingControls',
    },
    likelihood: { ...LEVEL, label: 'risks.field.likelihood', inList: true, sortable: true },
    consequence: { ...LEVEL, label: 'risks.field.consequence', help: 'risks.help.consequence' },
    consequenceC: { ...LEVEL, label: 'risks.field.consequenceC' },
    consequenceI: { ...LEVEL, label: 'risks.field.consequenceI' },
    consequenceA: { ...LEVEL, label: 'risks.field.consequenceA' },
    rationale: { kind: 'longtext', label: 'risks.field.rationale', maxLength: 8000, help: 'risks.help.rationale' },
    consequenceLevel: {
      kind: 'integer',
      label: 'risks.field.consequenceLevel',
      readOnly: true,
      inList: true,
      sortable: true,
    },
    score: { kind: 'integer', label: 'risks.field.score', readOnly: true, sortable: true },
    level: { kind: 'text', label: 'risks.field.level', readOnly: true, inList: true },
    levelRank: { kind: 'integer', label: 'risks.field.levelRank', readOnly: true, sortable: true },
    acceptable: { kind: 'boolean', label: 'risks.field.acceptable', readOnly: true, inList: true, filterable: true },
    priorityOverride: {
      kind: 'integer',
      label: 'risks.field.priorityOverride',
      min: 1,
      max: 9,
      help: 'risks.help.priorityOverride',
    },
    priority: { kind: 'integer', label: 'risks.field.priority', readOnly: true, inList: true, sortable: true },
    methodologyVersion: { kind: 'integer', label: 'risks.field.methodologyVersion', readOnly: true },
    evaluatedAt: { kind: 'text', label: 'risks.field.evaluatedAt', readOnly: true },
    status: {
      kind: 'enum',
      label: 'risks.field.status',
      options: RISK_STATUSES,
      default: 'identified',
      inList: true,
      filterable: true,
      sortable: true,
    },
  },
  derived: {
    levelLabel: z.string().nullable().meta({
      description: "The level's name in the methodology version the risk was evaluated with (null when no level)",
    }),
  },
  extraQuery: {
    /** any of these level keys */
    level: levelList.optional(),
    /** risks that bear on this asset */
    assetId: z.uuid().optional(),
    /** one cell of the heat map (1-based level numbers) */
    likelihood: cellNumber.optional(),
    consequenceLevel: cellNumber.optional(),
    /** evaluated (true) or not yet (false) */
    evaluated: queryBoolean.optional(),
    /** an open reassessment trigger names the risk and it was not evaluated since */
    reassessmentDue: queryBoolean.optional(),
    /** leave out closed risks (the heat map's population) */
    open: queryBoolean.optional(),
  },
});

export type RiskRecord = z.infer<typeof riskRegister.recordSchema>;
