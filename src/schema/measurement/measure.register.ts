import { z } from 'zod';
import { defineRegister } from '../register/define-register.js';
import { FREQUENCIES, RAG, TARGET_DIRECTIONS } from './measure-target.js';

export const MEASURE_ENTITY = 'measure';
export const MEASURE_KINDS = ['performance', 'effectiveness'] as const;
export const MEASURE_STATUSES = ['active', 'retired'] as const;
/** Link kind from a measure to what it informs (an objective, a control, a process, a risk). */
export const MEASURE_INFORMS = 'informs';
export const MEASURE_INFORMS_TARGETS = ['objective', 'control', 'isms_process', 'risk', 'isms_risk'] as const;

const serverSet = { readOnly: true } as const;

/**
 * Measures (27001 9.1, 27003 9.1): what is monitored and measured, by which method, how often, by whom and against
 * which target. Base measures are declared in `baseMeasures`, one per line `key: name [unit]` (a text field rather
 * than a child table, so the generic form, CSV/XLSX export and import carry them); a derived measure's `formula`
 * combines their keys (`reviewed / total * 100`). `reportedTo` is free text (who receives the results: 9.1 f), not
 * an audience structure: reporting lines are described, not enforced. The `latest*` columns are maintained by the
 * server whenever a result is written, so the list and the dashboard filter and sort by RAG in SQL.
 */
export const measureRegister = defineRegister({
  entity: MEASURE_ENTITY,
  collection: 'measures',
  table: 'measures',
  refPrefix: 'MSR',
  title: 'measures.title',
  titleField: 'title',
  // newest first, served by the list index of migration 0023 (list-order-index.test.ts)
  defaultSort: { field: 'ref', order: 'desc' },
  fields: {
    title: {
      kind: 'text',
      label: 'measures.field.title',
      required: true,
      inList: true,
      sortable: true,
      searchable: true,
    },
    informationNeed: {
      kind: 'longtext',
      label: 'measures.field.informationNeed',
      required: true,
      searchable: true,
      maxLength: 4000,
      help: 'measures.help.informationNeed',
    },
    kind: {
      kind: 'enum',
      label: 'measures.field.kind',
      options: MEASURE_KINDS,
      required: true,
      inList: true,
      filterable: true,
      help: 'measures.help.kind',
    },
    objectMeasured: { kind: 'text', label: 'measures.field.objectMeasured' },
    attribute: { kind: 'text', label: 'measures.field.attribute' },
    method: { kind: 'longtext', label: 'measures.field.method', maxLength: 8000, help: 'measures.help.method' },
    baseMeasures: {
      kind: 'longtext',
      label: 'measures.field.baseMeasures',
      maxLength: 4000,
      help: 'measures.help.baseMeasures',
    },
    formula: { kind: 'text', label: 'measures.field.formula', maxLength: 500, help: 'measures.help.formula' },
    unit: { kind: 'text', label: 'measures.field.unit', maxLength: 40, inList: true },
    targetValue: { kind: 'number', label: 'measures.field.targetValue', required: true, inList: true },
    targetDirection: {
      kind: 'enum',
      label: 'measures.field.targetDirection',
      options: TARGET_DIRECTIONS,
      required: true,
      inList: true,
    },
    amberThreshold: { kind: 'number', label: 'measures.field.amberThreshold', help: 'measures.help.amberThreshold' },
    frequency: {
      kind: 'enum',
      label: 'measures.field.frequency',
      options: FREQUENCIES,
      ordered: true,
      required: true,
      inList: true,
      filterable: true,
    },
    analysisFrequency: {
      kind: 'enum',
      label: 'measures.field.analysisFrequency',
      options: FREQUENCIES,
      ordered: true,
      help: 'measures.help.analysisFrequency',
    },
    reportingFrequency: {
      kind: 'enum',
      label: 'measures.field.reportingFrequency',
      options: FREQUENCIES,
      ordered: true,
    },
    measuredById: { kind: 'member', label: 'measures.field.measuredBy', inList: true, filterable: true },
    analysedById: { kind: 'member', label: 'measures.field.analysedBy', filterable: true },
    reportedTo: { kind: 'longtext', label: 'measures.field.reportedTo', maxLength: 2000 },
    builtInKey: { kind: 'text', label: 'measures.field.builtInKey', maxLength: 60, filterable: true, ...serverSet },
    status: {
      kind: 'enum',
      label: 'measures.field.status',
      options: MEASURE_STATUSES,
      default: 'active',
      inList: true,
      filterable: true,
    },
    latestValue: { kind: 'number', label: 'measures.field.latestValue', inList: true, ...serverSet },
    latestPeriod: { kind: 'text', label: 'measures.field.latestPeriod', maxLength: 10, inList: true, ...serverSet },
    latestRag: {
      kind: 'enum',
      label: 'measures.field.latestRag',
      options: RAG,
      inList: true,
      filterable: true,
      sortable: true,
      ...serverSet,
    },
  },
  importMatch: ['title'],
});

export type MeasureRecord = z.infer<typeof measureRegister.recordSchema>;
