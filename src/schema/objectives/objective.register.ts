import { z } from 'zod';
import { defineRegister } from '../register/define-register.js';
import { TARGET_DIRECTIONS } from '../measurement/measure-target.js';

export const OBJECTIVE_ENTITY = 'objective';
/** Where an objective is set (27001 6.2: "at relevant functions and levels"): the organization, a function, a process. */
export const OBJECTIVE_LEVELS = ['organization', 'function', 'process'] as const;
/** 6.2 b, measurable if practicable: through measures (9.1), by manual progress entries, or judged otherwise. */
export const MEASUREMENT_MODES = ['manual', 'measures', 'not_practicable'] as const;
export type MeasurementMode = (typeof MEASUREMENT_MODES)[number];
/**
 * The objective's own life (set on create by the server when not given: `active`, or `draft` in measures mode,
 * which needs a measure linked before it is active): `achieved` and `missed` are decided (a closing decision with a note), not read off the
 * derived status, since a value meeting the target once does not make the objective achieved.
 */
export const OBJECTIVE_LIFECYCLES = ['draft', 'active', 'achieved', 'missed', 'withdrawn'] as const;
export type ObjectiveLifecycle = (typeof OBJECTIVE_LIFECYCLES)[number];
export const CLOSED_LIFECYCLES: readonly ObjectiveLifecycle[] = ['achieved', 'missed', 'withdrawn'];
/** The status derived from target, latest value and deadline (see core/objectives/objective-status.ts). */
export const PROGRESS_STATUSES = ['on_track', 'at_risk', 'missed', 'achieved', 'not_measured'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

/** Link kinds from an objective: what it answers (6.2 c) and the measures it takes its value from. */
export const OBJECTIVE_ANSWERS_KIND = 'answers';
export const OBJECTIVE_ANSWERS_TARGETS = ['requirement', 'issue', 'isms_risk', 'risk'] as const;
export const OBJECTIVE_MEASURED_BY_KIND = 'measured_by';

const server = { readOnly: true } as const;

/**
 * Information security objectives (27001 6.2, 27003 6.2): at a level, serving the policy, answering requirements,
 * issues and risks (links), measurable if practicable, with a plan (tracker actions and the plan fields) and an
 * owner. The latest value and the progress status are stored columns the server refreshes whenever a value or the
 * objective changes, so lists filter and sort on them in SQL.
 */
export const objectiveRegister = defineRegister({
  entity: OBJECTIVE_ENTITY,
  collection: 'objectives',
  table: 'objectives',
  refPrefix: 'OBJ',
  title: 'objectives.title',
  titleField: 'title',
  defaultSort: { field: 'ref', order: 'asc' },
  fields: {
    title: {
      kind: 'text',
      label: 'objectives.field.title',
      required: true,
      inList: true,
      sortable: true,
      searchable: true,
    },
    statement: { kind: 'longtext', label: 'objectives.field.statement', searchable: true, maxLength: 8000 },
    level: {
      kind: 'enum',
      label: 'objectives.field.level',
      options: OBJECTIVE_LEVELS,
      required: true,
      inList: true,
      filterable: true,
    },
    functionName: { kind: 'text', label: 'objectives.field.functionName', help: 'objectives.help.functionName' },
    processId: { kind: 'record', label: 'objectives.field.process', target: 'isms_process', filterable: true },
    parentObjectiveId: {
      kind: 'record',
      label: 'objectives.field.parentObjective',
      target: OBJECTIVE_ENTITY,
      filterable: true,
      help: 'objectives.help.parentObjective',
    },
    policyDocumentId: {
      kind: 'record',
      label: 'objectives.field.policyDocument',
      target: 'document',
      filterable: true,
      help: 'objectives.help.policyDocument',
    },
    policyObjective: {
      kind: 'text',
      label: 'objectives.field.policyObjective',
      help: 'objectives.help.policyObjective',
    },
    ownerId: { kind: 'member', label: 'objectives.field.owner', inList: true, filterable: true },
    measurementMode: {
      kind: 'enum',
      label: 'objectives.field.measurementMode',
      options: MEASUREMENT_MODES,
      required: true,
      filterable: true,
    },
    targetValue: { kind: 'number', label: 'objectives.field.targetValue', inList: true },
    targetUnit: { kind: 'text', label: 'objectives.field.targetUnit', maxLength: 40, inList: true },
    targetDirection: { kind: 'enum', label: 'objectives.field.targetDirection', options: TARGET_DIRECTIONS },
    baselineValue: { kind: 'number', label: 'objectives.field.baselineValue' },
    startDate: { kind: 'date', label: 'objectives.field.startDate', sortable: true, filterable: true },
    deadline: { kind: 'date', label: 'objectives.field.deadline', inList: true, sortable: true, filterable: true },
    notMeasurableReason: { kind: 'longtext', label: 'objectives.field.notMeasurableReason', maxLength: 4000 },
    judgementMethod: { kind: 'longtext', label: 'objectives.field.judgementMethod', maxLength: 4000 },
    plannedWork: { kind: 'longtext', label: 'objectives.field.plannedWork', maxLength: 8000 },
    resources: { kind: 'longtext', label: 'objectives.field.resources', maxLength: 4000 },
    evaluationMethod: { kind: 'longtext', label: 'objectives.field.evaluationMethod', maxLength: 4000 },
    lifecycle: {
      kind: 'enum',
      label: 'objectives.field.lifecycle',
      options: OBJECTIVE_LIFECYCLES,
      inList: true,
      filterable: true,
      sortable: true,
      help: 'objectives.help.lifecycle',
    },
    progressStatus: {
      kind: 'enum',
      label: 'objectives.field.progressStatus',
      options: PROGRESS_STATUSES,
      inList: true,
      filterable: true,
      sortable: true,
      ...server,
    },
    latestValue: { kind: 'number', label: 'objectives.field.latestValue', inList: true, ...server },
    latestValueDate: { kind: 'date', label: 'objectives.field.latestValueDate', sortable: true, ...server },
    closedNote: { kind: 'longtext', label: 'objectives.field.closedNote', maxLength: 4000, ...server },
    closedBy: { kind: 'member', label: 'objectives.field.closedBy', ...server },
    closedOn: { kind: 'date', label: 'objectives.field.closedOn', ...server },
  },
});

export type ObjectiveRecord = z.infer<typeof objectiveRegister.recordSchema>;
