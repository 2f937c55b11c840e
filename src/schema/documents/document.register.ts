import { z } from 'zod';
import { defineRegister, queryBoolean } from '../register/define-register.js';
import { DISPOSABLE_VERSION_STATES } from '../versioning/versioned.js';

/** The kinds of documented information 27003 7.5.2 names (types a policy framework and an ISMS hold). */
export const DOCUMENT_TYPES = [
  'policy',
  'topic_policy',
  'standard',
  'rule',
  'guideline',
  'procedure',
  'process',
  'plan',
  'form',
  'record',
  'external',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const POLICY_TYPES: readonly DocumentType[] = ['policy', 'topic_policy'];

/** The default classification scheme, lowest first (7.5.3 b: protection from loss of confidentiality). */
export const CLASSIFICATIONS = ['public', 'internal', 'confidential', 'restricted'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/**
 * Where a document is in its life (7.5.3): drafted, sent for review, approved, published to its audience, then
 * withdrawn, and at the end of its retention disposed of. "Superseded" belongs to versions, not documents.
 */
export const DOCUMENT_STATUSES = ['draft', 'in_review', 'approved', 'published', 'withdrawn', 'disposed'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
/** The stages of a draft: written, then sent to its approvers ("in review"); only a draft in review is approved. */
export const DOCUMENT_STAGES = ['draft', 'in_review'] as const;

export const ORIGINS = ['internal', 'external'] as const;
/** Who the document is for: everyone in the organization, members holding some roles, or named people. */
export const AUDIENCES = ['all_members', 'roles', 'people'] as const;
/** What happens when the retention period ends. */
export const RETENTION_ACTIONS = ['dispose', 'review', 'keep'] as const;

/**
 * Documented information (7.5): one row per document, its identity and the attributes 27003 7.5.2 lists; its text
 * lives in versions (document.versioned.ts). Status, version and dates are kept by the server.
 */
export const documentRegister = defineRegister({
  entity: 'document',
  collection: 'documents',
  refPrefix: 'DOC',
  title: 'documents.title',
  titleField: 'title',
  defaultSort: { field: 'ref', order: 'asc' },
  fields: {
    title: {
      kind: 'text',
      label: 'documents.field.title',
      required: true,
      inList: true,
      sortable: true,
      searchable: true,
    },
    type: {
      kind: 'enum',
      label: 'documents.field.type',
      options: DOCUMENT_TYPES,
      required: true,
      inList: true,
      filterable: true,
      sortable: true,
    },
    isSecurityPolicy: {
      kind: 'boolean',
      label: 'documents.field.isSecurityPolicy',
      default: false,
      help: 'documents.help.isSecurityPolicy',
    },
    parentId: {
      kind: 'record',
      label: 'documents.field.parent',
      target: 'document',
      filterable: true,
      help: 'documents.help.parent',
    },
    purpose: {
      kind: 'longtext',
      label: 'documents.field.purpose',
      maxLength: 4000,
      searchable: true,
      help: 'documents.help.purpose',
    },
    classification: {
      kind: 'enum',
      label: 'documents.field.classification',
      options: CLASSIFICATIONS,
      ordered: true,
      default: 'internal',
      inList: true,
      filterable: true,
      sortable: true,
      help: 'documents.help.classification',
    },
    ownerId: { kind: 'member', label: 'documents.field.owner', inList: true, filterable: true },
    authorId: { kind: 'member', label: 'documents.field.author', filterable: true },
    // no default: the server sets it from the type (an external document is external) when none is given
    origin: {
      kind: 'enum',
      label: 'documents.field.origin',
      options: ORIGINS,
      filterable: true,
      help: 'documents.help.origin',
    },
    source: {
      kind: 'text',
      label: 'documents.field.source',
      maxLength: 200,
      searchable: true,
      help: 'documents.help.source',
    },
    audience: {
      kind: 'enum',
      label: 'documents.field.audience',
      options: AUDIENCES,
      default: 'all_members',
      help: 'documents.help.audience',
    },
    reviewIntervalMonths: {
      kind: 'integer',
      label: 'documents.field.reviewIntervalMonths',
      min: 1,
      max: 60,
      default: 12,
    },
    nextReviewDate: {
      kind: 'date',
      label: 'documents.field.nextReviewDate',
      inList: true,
      sortable: true,
      filterable: true,
      help: 'documents.help.nextReviewDate',
    },
    retentionMonths: {
      kind: 'integer',
      label: 'documents.field.retentionMonths',
      min: 0,
      max: 1200,
      default: 36,
      help: 'documents.help.retentionMonths',
    },
    retentionAction: {
      kind: 'enum',
      label: 'documents.field.retentionAction',
      options: RETENTION_ACTIONS,
      default: 'dispose',
    },
    shareableExternally: {
      kind: 'boolean',
      label: 'documents.field.shareableExternally',
      default: false,
      help: 'documents.help.shareableExternally',
    },
    status: {
      kind: 'enum',
      label: 'documents.field.status',
      options: DOCUMENT_STATUSES,
      readOnly: true,
      inList: true,
      filterable: true,
      sortable: true,
    },
    publishedVersion: { kind: 'integer', label: 'documents.field.publishedVersion', readOnly: true, inList: true },
    publishedOn: { kind: 'date', label: 'documents.field.publishedOn', readOnly: true, sortable: true },
    withdrawnOn: { kind: 'date', label: 'documents.field.withdrawnOn', readOnly: true },
    retentionEndsOn: {
      kind: 'date',
      label: 'documents.field.retentionEndsOn',
      readOnly: true,
      sortable: true,
      filterable: true,
    },
    disposedOn: { kind: 'date', label: 'documents.field.disposedOn', readOnly: true },
    latestVersion: { kind: 'integer', label: 'versions.field.latestVersion', readOnly: true },
    latestState: {
      kind: 'enum',
      label: 'versions.field.latestState',
      options: DISPOSABLE_VERSION_STATES,
      readOnly: true,
      filterable: true,
    },
    stage: { kind: 'enum', label: 'documents.field.stage', options: DOCUMENT_STAGES, readOnly: true },
    approvedVersion: { kind: 'integer', label: 'versions.field.approvedVersion', readOnly: true },
  },
  extraQuery: {
    /** `overdue`: next review date passed; `due`: within the next 30 days or passed */
    review: z.enum(['due', 'overdue']).optional(),
    /** retention ended and the document is not disposed yet (the disposal proposals) */
    disposalDue: queryBoolean.optional(),
    /** only policies (general, information security and topic-specific) */
    policies: queryBoolean.optional(),
  },
});

export type DocumentRecord = z.infer<typeof documentRegister.recordSchema>;
