import type { z } from 'zod';
import { defineRegister } from '../register/define-register.js';
import { VERSION_STATES } from '../versioning/versioned.js';

export const ASSESSMENT_STATUSES = ['open', 'closed'] as const;
export const TRIGGER_KINDS = [
  'significant_change',
  'incident',
  'audit_finding',
  'threat_intelligence',
  'new_requirement',
  'other',
] as const;
export const TRIGGER_STATUSES = ['open', 'done'] as const;

/**
 * An assessment cycle (27001 8.2): a dated run over a scope with the approved methodology. Closing it freezes a
 * snapshot of every risk's analysis and evaluation, which later cycles are compared with.
 */
export const riskAssessmentRegister = defineRegister({
  entity: 'risk_assessment',
  collection: 'risk-assessments',
  refPrefix: 'RA',
  title: 'riskAssessments.title',
  titleField: 'title',
  defaultSort: { field: 'startedOn', order: 'desc' },
  fields: {
    title: {
      kind: 'text',
      label: 'riskAssessments.field.title',
      required: true,
      inList: true,
      sortable: true,
      searchable: true,
    },
    scopeDescription: {
      kind: 'longtext',
      label: 'riskAssessments.field.scopeDescription',
      maxLength: 8000,
      help: 'riskAssessments.help.scopeDescription',
    },
    scopeId: { kind: 'record', target: 'scope', label: 'riskAssessments.field.scope' },
    startedOn: {
      kind: 'date',
      label: 'riskAssessments.field.startedOn',
      required: true,
      inList: true,
      sortable: true,
      filterable: true,
    },
    plannedEnd: { kind: 'date', label: 'riskAssessments.field.plannedEnd', inList: true, sortable: true },
    ownerId: { kind: 'member', label: 'riskAssessments.field.owner', inList: true, filterable: true },
    notes: { kind: 'longtext', label: 'riskAssessments.field.notes', maxLength: 8000 },
    status: {
      kind: 'enum',
      label: 'riskAssessments.field.status',
      options: ASSESSMENT_STATUSES,
      readOnly: true,
      inList: true,
      filterable: true,
    },
    methodologyVersion: {
      kind: 'integer',
      label: 'riskAssessments.field.methodologyVersion',
      readOnly: true,
      inList: true,
    },
    closedAt: { kind: 'text', label: 'riskAssessments.field.closedAt', readOnly: true, inList: true },
    closedBy: { kind: 'member', label: 'riskAssessments.field.closedBy', readOnly: true },
    riskCount: { kind: 'integer', label: 'riskAssessments.field.riskCount', readOnly: true, inList: true },
    /**
     * The results (8.2) are approved by the ISMS manager; "where the organization wants it" top management signs
     * them too (then two signatures: one of each). Settable until the results are approved.
     */
    topManagementApproval: {
      kind: 'boolean',
      label: 'riskAssessments.field.topManagementApproval',
      help: 'riskAssessments.help.topManagementApproval',
      default: false,
    },
    // the results document's versions (assessmentResultsVersioned): kept in step by the server
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

/** A significant change, incident or finding that calls for reassessing given risks (27001 8.2). */
export const reassessmentTriggerRegister = defineRegister({
  entity: 'reassessment_trigger',
  collection: 'reassessment-triggers',
  refPrefix: 'RT',
  title: 'reassessmentTriggers.title',
  titleField: 'title',
  defaultSort: { field: 'occurredOn', order: 'desc' },
  fields: {
    title: {
      kind: 'text',
      label: 'reassessmentTriggers.field.title',
      required: true,
      inList: true,
      sortable: true,
      searchable: true,
    },
    kind: {
      kind: 'enum',
      label: 'reassessmentTriggers.field.kind',
      options: TRIGGER_KINDS,
      required: true,
      inList: true,
      filterable: true,
    },
    occurredOn: {
      kind: 'date',
      label: 'reassessmentTriggers.field.occurredOn',
      required: true,
      inList: true,
      sortable: true,
      filterable: true,
    },
    description: {
      kind: 'longtext',
      label: 'reassessmentTriggers.field.description',
      maxLength: 8000,
      searchable: true,
    },
    status: {
      kind: 'enum',
      label: 'reassessmentTriggers.field.status',
      options: TRIGGER_STATUSES,
      default: 'open',
      inList: true,
      filterable: true,
    },
  },
});

export type RiskAssessmentRecord = z.infer<typeof riskAssessmentRegister.recordSchema>;
export type ReassessmentTriggerRecord = z.infer<typeof reassessmentTriggerRegister.recordSchema>;
