import type { Generated } from 'kysely';

/**
 * Table shapes as the application sees them (camelCase; CamelCasePlugin maps to snake_case columns).
 * Timestamps are ISO-8601 UTC text and booleans are 0/1 integers on both databases, so the two never drift.
 */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  isSuperadmin: number;
  /** `person`, or `automation`: a non-person member that acts only through tokens and never signs in */
  kind: Generated<string>;
  createdAt: string;
  updatedAt: string;
}

export interface OrganizationsTable {
  id: string;
  slug: string;
  name: string;
  createdAt: string;
}

export interface MembershipsTable {
  orgId: string;
  userId: string;
  role: string;
  createdAt: string;
}

export interface SessionsTable {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  revokedAt: string | null;
  ip: string | null;
  userAgent: string | null;
}

/** One counter per throttle key: `pair` (an account from one client) or `client` (a client address or /64). */
export interface LoginThrottleTable {
  keyKind: string;
  keyValue: string;
  failures: number;
  windowStartedAt: string;
}

export interface InvitationsTable {
  id: string;
  orgId: string;
  email: string;
  role: string;
  tokenHash: string;
  status: 'pending' | 'accepted' | 'declined' | 'revoked' | 'expired';
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
  decidedAt: string | null;
  userId: string | null;
}

export interface ApiTokensTable {
  id: string;
  orgId: string;
  userId: string;
  name: string;
  prefix: string;
  tokenHash: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface AuditEventsTable {
  id: string;
  chainKey: string;
  seq: number;
  orgId: string | null;
  type: string;
  actorKind: string;
  actorId: string | null;
  actorLabel: string;
  entityType: string | null;
  entityId: string | null;
  payload: string;
  ip: string | null;
  createdAt: string;
  prevHash: string;
  hash: string;
}

export interface AuditHeadsTable {
  chainKey: string;
  seq: number;
  hash: string;
}

export interface RefCountersTable {
  orgId: string;
  prefix: string;
  nextValue: number;
}

export interface LinksTable {
  id: string;
  orgId: string;
  fromType: string;
  fromId: string;
  toType: string;
  toId: string;
  kind: string;
  createdAt: string;
  createdBy: string | null;
}

/** Columns every register table has. */
export interface RegisterBaseColumns {
  id: string;
  orgId: string;
  ref: string;
  version: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
  archivedAt: string | null;
}

export interface ActionsTable extends RegisterBaseColumns {
  title: string;
  description: string | null;
  resources: string | null;
  ownerId: string | null;
  dueDate: string | null;
  evaluation: string | null;
  status: string;
  priority: string | null;
  outcome: string | null;
  sourceType: string | null;
  sourceId: string | null;
  completedAt: string | null;
}

export interface RecordVersionsTable {
  id: string;
  orgId: string;
  entityType: string;
  recordId: string;
  versionNo: number;
  state: string;
  stage: string | null;
  content: string;
  contentHash: string;
  changeNote: string | null;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
  approvedAt: string | null;
}

export interface ApprovalsTable {
  id: string;
  orgId: string;
  entityType: string;
  recordId: string;
  versionId: string;
  versionNo: number;
  contentHash: string;
  signerId: string;
  signerName: string;
  signerEmail: string;
  signerRole: string;
  meaning: string;
  comment: string | null;
  signedAt: string;
}

export interface ScopesTable extends RegisterBaseColumns {
  title: string;
  ownerId: string | null;
  nextReviewDate: string | null;
  latestVersion: number | null;
  latestState: string | null;
  stage: string | null;
  approvedVersion: number | null;
}

export interface IssuesTable extends RegisterBaseColumns {
  title: string;
  direction: string;
  category: string;
  description: string | null;
  effect: string | null;
  relevance: string | null;
  ownerId: string | null;
  nextReviewDate: string | null;
  status: string;
  climateRelated: number;
}

export interface InterestedPartiesTable extends RegisterBaseColumns {
  name: string;
  direction: string;
  type: string;
  description: string | null;
  contact: string | null;
  ownerId: string | null;
  relevance: string | null;
}

export interface RequirementsTable extends RegisterBaseColumns {
  partyId: string;
  title: string;
  description: string | null;
  kind: string;
  sourceReference: string | null;
  addressed: string;
  howAddressed: string | null;
  status: string;
  reviewDate: string | null;
  climateRelated: number;
}

/** The organization's decision on whether climate change is a relevant issue; no row = not yet decided. */
export interface ClimateDecisionsTable {
  id: string;
  orgId: string;
  relevant: number;
  reasoning: string;
  decidedBy: string;
  decidedOn: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
}

export interface IsmsProcessesTable extends RegisterBaseColumns {
  name: string;
  purpose: string | null;
  ownerId: string | null;
  inputs: string | null;
  outputs: string | null;
  clauses: string | null;
  status: string;
}

export interface ProcessInteractionsTable extends RegisterBaseColumns {
  fromProcessId: string;
  toProcessId: string;
  flows: string;
  description: string | null;
}

export interface IsmsRolesTable extends RegisterBaseColumns {
  name: string;
  roleType: string;
  responsibilities: string | null;
  authorities: string | null;
  reportsToId: string | null;
  status: string;
  starterKey: string | null;
}

export interface RoleAssignmentsTable extends RegisterBaseColumns {
  roleId: string;
  personLabel: string;
  personId: string | null;
  personName: string | null;
  personEmail: string | null;
  startDate: string | null;
  endDate: string | null;
  approvedById: string | null;
  approvedOn: string | null;
  notes: string | null;
}

export interface IsmsActivitiesTable extends RegisterBaseColumns {
  name: string;
  description: string | null;
  clauses: string | null;
  position: number;
  starterKey: string | null;
}

/** One cell of the RACI matrix; an empty cell has no row. */
export interface RaciCellsTable {
  orgId: string;
  activityId: string;
  roleId: string;
  value: string;
  updatedAt: string;
  updatedBy: string | null;
}

export interface LeadershipCommitmentsTable extends RegisterBaseColumns {
  commitment: string;
  title: string;
  demonstration: string;
  evidence: string | null;
  date: string | null;
  ownerId: string | null;
}

export interface AssetsTable extends RegisterBaseColumns {
  name: string;
  type: string;
  description: string | null;
  ownerId: string | null;
  custodian: string | null;
  location: string | null;
  confidentiality: string | null;
  integrity: string | null;
  availability: string | null;
  value: string | null;
  valueDerived: number;
  status: string;
  processId: string | null;
}

export interface AssetDependenciesTable extends RegisterBaseColumns {
  supportingAssetId: string;
  supportedAssetId: string;
  description: string | null;
}

export interface ThreatsTable extends RegisterBaseColumns {
  name: string;
  group: string;
  origin: string;
  description: string | null;
  affectsConfidentiality: number;
  affectsIntegrity: number;
  affectsAvailability: number;
  starterKey: string | null;
}

export interface VulnerabilitiesTable extends RegisterBaseColumns {
  name: string;
  group: string;
  description: string | null;
  starterKey: string | null;
}

export interface RiskMethodologiesTable extends RegisterBaseColumns {
  title: string;
  ownerId: string | null;
  nextReviewDate: string | null;
  latestVersion: number | null;
  latestState: string | null;
  approvedVersion: number | null;
}

export interface RisksTable extends RegisterBaseColumns {
  title: string;
  description: string | null;
  approach: string;
  riskSource: string | null;
  event: string | null;
  cause: string | null;
  consequenceDescription: string | null;
  threatId: string | null;
  vulnerabilityId: string | null;
  affectsConfidentiality: number;
  affectsIntegrity: number;
  affectsAvailability: number;
  ownerId: string | null;
  existingControls: string | null;
  likelihood: number | null;
  consequence: number | null;
  consequenceC: number | null;
  consequenceI: number | null;
  consequenceA: number | null;
  rationale: string | null;
  consequenceLevel: number | null;
  score: number | null;
  level: string | null;
  levelRank: number | null;
  acceptable: number | null;
  priorityOverride: number | null;
  priority: number | null;
  methodologyVersion: number | null;
  evaluatedAt: string | null;
  status: string;
  /** when the owner last changed (0015): an acceptance given before it is outdated */
  ownerChangedAt: string | null;
}

export interface RiskAssetsTable {
  orgId: string;
  riskId: string;
  assetId: string;
  createdAt: string;
  createdBy: string | null;
}

export interface ControlSettingsTable {
  orgId: string;
  edition: string;
  chosenAt: string;
  chosenBy: string | null;
}

export interface ControlsTable extends RegisterBaseColumns {
  title: string;
  source: string;
  theme: string | null;
  objective: string | null;
  description: string | null;
  ownerId: string | null;
  applicability: string;
  statedReason: string | null;
  exclusionReason: string | null;
  replacedById: string | null;
  exclusionExplanation: string | null;
  implementationStatus: string;
  plannedDate: string | null;
  implementation: string | null;
  sortKey: string;
}

export interface StatementsOfApplicabilityTable extends RegisterBaseColumns {
  title: string;
  ownerId: string | null;
  nextReviewDate: string | null;
  latestVersion: number | null;
  latestState: string | null;
  approvedVersion: number | null;
}

export interface RiskTreatmentsTable {
  riskId: string;
  orgId: string;
  residualLikelihood: number | null;
  residualConsequence: number | null;
  residualConsequenceC: number | null;
  residualConsequenceI: number | null;
  residualConsequenceA: number | null;
  residualRationale: string | null;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

export interface RiskAcceptancesTable {
  id: string;
  orgId: string;
  riskId: string;
  treatmentVersion: number;
  treatmentHash: string;
  residualLevel: string | null;
  residualAcceptable: number | null;
  kind: string;
  justification: string | null;
  expiresOn: string | null;
  acceptedBy: string;
  acceptedByName: string;
  acceptedAt: string;
}

export interface RiskTreatmentOptionsTable {
  orgId: string;
  riskId: string;
  option: string;
  rationale: string;
  position: number;
}

export interface RiskControlsTable {
  orgId: string;
  riskId: string;
  controlId: string;
  effect: string;
  note: string | null;
  position: number;
}

export interface RiskRescoresTable {
  id: string;
  orgId: string;
  methodologyId: string;
  fromVersion: number | null;
  toVersion: number;
  total: number;
  changed: number;
  crossed: number;
  /** JSON array of RiskMove */
  moves: string;
  createdAt: string;
  createdBy: string | null;
}

export interface RiskAssessmentsTable extends RegisterBaseColumns {
  title: string;
  scopeDescription: string | null;
  scopeId: string | null;
  startedOn: string;
  plannedEnd: string | null;
  ownerId: string | null;
  notes: string | null;
  status: string;
  methodologyVersion: number | null;
  closedAt: string | null;
  closedBy: string | null;
  riskCount: number | null;
}

export interface RiskAssessmentEntriesTable {
  assessmentId: string;
  orgId: string;
  riskId: string;
  ref: string;
  title: string;
  ownerId: string | null;
  ownerLabel: string | null;
  status: string;
  likelihood: number | null;
  consequenceLevel: number | null;
  score: number | null;
  level: string | null;
  levelRank: number | null;
  acceptable: number | null;
  priority: number | null;
  methodologyVersion: number | null;
  /** JSON of the whole risk as it stood when the assessment closed */
  snapshot: string;
}

export interface ReassessmentTriggersTable extends RegisterBaseColumns {
  title: string;
  kind: string;
  occurredOn: string;
  description: string | null;
  status: string;
}

export interface ReassessmentTriggerRisksTable {
  orgId: string;
  triggerId: string;
  riskId: string;
}

export interface IsmsRisksTable extends RegisterBaseColumns {
  kind: string;
  title: string;
  category: string;
  aim: string | null;
  description: string | null;
  effect: string | null;
  sourceIssueId: string | null;
  sourceRequirementId: string | null;
  significance: string | null;
  ownerId: string | null;
  status: string;
  processId: string | null;
  evaluationMethod: string | null;
  evaluationDueDate: string | null;
  effectiveness: string;
  evaluatedOn: string | null;
  evaluationNotes: string | null;
}

export interface NonconformitiesTable extends RegisterBaseColumns {
  title: string;
  description: string | null;
  source: string;
  sourceType: string | null;
  sourceId: string | null;
  requirementKey: string | null;
  grade: string | null;
  foundBy: string | null;
  foundOn: string | null;
  ownerId: string | null;
  dueDate: string | null;
  status: string;
  correctionText: string | null;
  correctionDoneOn: string | null;
  consequencesText: string | null;
  correctiveActionNeeded: number | null;
  decisionCriterion: string | null;
  decidedBy: string | null;
  decidedOn: string | null;
  whatWentWrong: string | null;
  causeCategory: string | null;
  /** JSON array of strings: the five-whys chain */
  whys: Generated<string>;
  rootCause: string | null;
  patterns: string | null;
  /** JSON array of nonconformity ids the analyst confirmed as similar */
  similarConfirmed: Generated<string>;
  analysedBy: string | null;
  analysedOn: string | null;
  closedBy: string | null;
  closedOn: string | null;
}

/** Effectiveness reviews of a nonconformity's corrective actions (10.2 d). Append-only. */
export interface NonconformityReviewsTable {
  id: string;
  orgId: string;
  nonconformityId: string;
  reviewedBy: string;
  reviewedOn: string;
  effective: number;
  note: string | null;
  /** JSON array of evidence ids */
  evidenceIds: Generated<string>;
  createdAt: string;
}

/** Measures of monitoring and measurement (9.1; migration 0023). `latest*` are maintained when results are written. */
/** Feedback from interested parties (9.3.2 e; migration 0026). */
export interface PartyFeedbackTable extends RegisterBaseColumns {
  summary: string;
  kind: string;
  partyId: string | null;
  receivedOn: string;
  channel: string | null;
  details: string | null;
  status: string;
  ownerId: string | null;
  response: string | null;
  respondedOn: string | null;
}

export interface MeasuresTable extends RegisterBaseColumns {
  title: string;
  informationNeed: string;
  kind: string;
  objectMeasured: string | null;
  attribute: string | null;
  method: string | null;
  /** one base measure per line: `key: name [unit]` */
  baseMeasures: string | null;
  formula: string | null;
  unit: string | null;
  targetValue: number;
  targetDirection: string;
  amberThreshold: number | null;
  frequency: string;
  analysisFrequency: string | null;
  reportingFrequency: string | null;
  measuredById: string | null;
  analysedById: string | null;
  reportedTo: string | null;
  builtInKey: string | null;
  status: string;
  latestValue: number | null;
  latestPeriod: string | null;
  latestRag: string | null;
}

/** Results of a measure, one current per period (`supersededBy` null); frozen once `evaluatedAt` is set. */
export interface MeasureResultsTable {
  id: string;
  orgId: string;
  measureId: string;
  periodKey: string;
  measuredOn: string;
  /** null only when a derived measure's formula cannot compute (the note says why) */
  value: number | null;
  /** JSON object: base-measure key → value */
  baseValues: Generated<string>;
  rag: string | null;
  source: string;
  recordedBy: string | null;
  recordedAt: string;
  note: string | null;
  /** JSON array of evidence ids */
  evidenceIds: Generated<string>;
  evaluatedAt: string | null;
  supersededBy: string | null;
}

/** Evaluations of a measure's analysis periods (9.1 e). */
export interface MeasureEvaluationsTable {
  id: string;
  orgId: string;
  measureId: string;
  periodKey: string;
  rag: string;
  note: string;
  /** JSON array of tracker action ids decided on */
  actionIds: Generated<string>;
  resultCount: number;
  evaluatedBy: string | null;
  evaluatedAt: string;
  nonconformityId: string | null;
}

export interface ImprovementsTable extends RegisterBaseColumns {
  title: string;
  description: string | null;
  source: string;
  sourceType: string | null;
  sourceId: string | null;
  suggestedBy: string | null;
  ownerId: string | null;
  status: string;
  worthPursuing: number | null;
  evaluationNote: string | null;
  evaluatedBy: string | null;
  evaluatedOn: string | null;
  ismsChange: string | null;
  effective: number | null;
  effectivenessNote: string | null;
  reviewedOn: string | null;
}

/** Management reviews (9.3); their versions are the minutes. */
export interface ManagementReviewsTable extends RegisterBaseColumns {
  title: string;
  level: string;
  unitName: string | null;
  parentReviewId: string | null;
  plannedDate: string;
  heldOn: string | null;
  chairId: string | null;
  location: string | null;
  nextReviewDue: string | null;
  status: string;
  latestVersion: number | null;
  latestState: string | null;
  approvedVersion: number | null;
}

/** Decisions of a management review (9.3.3 outputs). */
export interface ManagementReviewDecisionsTable extends RegisterBaseColumns {
  reviewId: string;
  input: string;
  kind: string;
  statement: string;
  ownerId: string | null;
  dueDate: string | null;
  status: string;
  targetEntity: string | null;
  targetId: string | null;
  targetVersion: number | null;
}

/** Who attended a management review: members by id, others by name. */
export interface ManagementReviewAttendeesTable {
  id: string;
  orgId: string;
  reviewId: string;
  seq: number;
  userId: string | null;
  name: string | null;
  capacity: string;
  present: number;
}

/** Information security objectives (6.2). */
export interface ObjectivesTable extends RegisterBaseColumns {
  title: string;
  statement: string | null;
  level: string;
  functionName: string | null;
  processId: string | null;
  parentObjectiveId: string | null;
  policyDocumentId: string | null;
  policyObjective: string | null;
  ownerId: string | null;
  measurementMode: string;
  targetValue: number | null;
  targetUnit: string | null;
  targetDirection: string | null;
  baselineValue: number | null;
  startDate: string | null;
  deadline: string | null;
  notMeasurableReason: string | null;
  judgementMethod: string | null;
  plannedWork: string | null;
  resources: string | null;
  evaluationMethod: string | null;
  lifecycle: string;
  progressStatus: string | null;
  latestValue: number | null;
  latestValueDate: string | null;
  closedNote: string | null;
  closedBy: string | null;
  closedOn: string | null;
}

/** Manual progress entries of an objective. Append-only. */
export interface ObjectiveProgressTable {
  id: string;
  orgId: string;
  objectiveId: string;
  entryDate: string;
  value: number;
  note: string | null;
  /** JSON array of evidence ids */
  evidenceIds: Generated<string>;
  recordedBy: string;
  recordedAt: string;
}

/** How an objective (or the whole set: objectiveId null) was communicated (6.2 d). */
export interface ObjectiveCommunicationsTable {
  id: string;
  orgId: string;
  objectiveId: string | null;
  communicatedOn: string;
  channel: string;
  /** JSON: { roles, memberIds, interestedPartyIds, ismsRoleIds } */
  audience: string;
  note: string | null;
  recordedBy: string;
  recordedAt: string;
}

/** File content, once per organization and SHA-256 (evidence files). Never updated. */
export interface FileBlobsTable {
  orgId: string;
  sha256: string;
  size: number;
  content: Buffer;
  createdAt: string;
  createdBy: string | null;
}

export interface EvidenceTable extends RegisterBaseColumns {
  title: string;
  description: string | null;
  fileName: string;
  fileType: string;
  mediaType: string;
  size: number;
  sha256: string;
  collectedOn: string | null;
  validFrom: string | null;
  validUntil: string | null;
  ownerId: string | null;
  supersedesId: string | null;
  supersededById: string | null;
}

export interface DocumentsTable extends RegisterBaseColumns {
  title: string;
  type: string;
  isSecurityPolicy: number;
  parentId: string | null;
  purpose: string | null;
  classification: string;
  ownerId: string | null;
  authorId: string | null;
  origin: string;
  source: string | null;
  audience: string;
  reviewIntervalMonths: number;
  nextReviewDate: string | null;
  retentionMonths: number;
  retentionAction: string;
  shareableExternally: number;
  status: string | null;
  publishedVersion: number | null;
  publishedOn: string | null;
  withdrawnOn: string | null;
  retentionEndsOn: string | null;
  disposedOn: string | null;
  latestVersion: number | null;
  latestState: string | null;
  stage: string | null;
  approvedVersion: number | null;
}

export interface DocumentPeopleTable {
  orgId: string;
  documentId: string;
  /** approver | audience_user | audience_role */
  relation: string;
  /** a user id, or a role name for audience_role */
  subject: string;
}

export interface DocumentPublicationsTable {
  id: string;
  orgId: string;
  documentId: string;
  versionNo: number;
  contentHash: string;
  note: string | null;
  publishedAt: string;
  publishedBy: string | null;
}

export interface DocumentAcknowledgementsTable {
  id: string;
  orgId: string;
  documentId: string;
  versionNo: number;
  contentHash: string;
  userId: string;
  acknowledgedAt: string;
}

export interface DocumentRemindersTable {
  id: string;
  orgId: string;
  documentId: string;
  versionNo: number;
  userId: string;
  sentAt: string;
  sentBy: string | null;
}

export interface DocumentReviewsTable {
  id: string;
  orgId: string;
  documentId: string;
  reviewedOn: string;
  reviewerId: string | null;
  outcome: string;
  note: string;
  versionNo: number | null;
  nextReviewDate: string | null;
  createdAt: string;
}

export interface DocumentDisposalsTable {
  id: string;
  orgId: string;
  documentId: string;
  ref: string;
  title: string;
  state: string;
  reason: string;
  proposedAt: string;
  proposedBy: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionNote: string | null;
  /** JSON: [{ versionNo, state, contentHash }] */
  versions: string;
}

export interface ClassificationLevelsTable {
  orgId: string;
  level: string;
  label: string;
  description: string | null;
  updatedAt: string;
  updatedBy: string | null;
}

export interface InstanceSigningKeysTable {
  fingerprint: string;
  algorithm: string;
  publicKey: string;
  firstUsedAt: string;
}

export interface AuditCheckpointsTable {
  chainKey: string;
  seq: number;
  hash: string;
  signedAt: string;
  keyFingerprint: string;
  signature: string;
}

/** Internal audit (9.2): the programme, the audits and their child tables (migration 0019). */
export interface AuditProgrammesTable extends RegisterBaseColumns {
  title: string;
  ownerId: string | null;
  latestVersion: number | null;
  latestState: string | null;
  approvedVersion: number | null;
}

export interface InternalAuditsTable extends RegisterBaseColumns {
  title: string;
  programmeId: string | null;
  plannedAuditKey: string | null;
  scope: string | null;
  clauses: string | null;
  soaCriterion: number;
  status: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  leadAuditorId: string | null;
  auditees: string | null;
  auditPlan: string | null;
  latestVersion: number | null;
  latestState: string | null;
  approvedVersion: number | null;
}

export interface AuditTeamTable {
  id: string;
  orgId: string;
  auditId: string;
  userId: string;
  role: string;
}

export interface AuditIndependenceExceptionsTable {
  id: string;
  orgId: string;
  auditId: string;
  auditorId: string;
  field: string;
  objectType: string;
  objectId: string;
  objectRef: string;
  reason: string;
  justification: string;
  createdAt: string;
  createdBy: string | null;
}

export interface AuditChecklistItemsTable {
  id: string;
  orgId: string;
  auditId: string;
  seq: number;
  source: string;
  requirementKey: string | null;
  clause: string | null;
  controlId: string | null;
  title: string;
  conclusion: string;
  notes: string | null;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
  /** what was raised from this finding: `nonconformity` or `improvement`, and its id (migration 0020) */
  raisedType: string | null;
  raisedId: string | null;
  /** the follow-up plan agreed with the lead auditor when a nonconformity was raised (27003 9.2 i–l) */
  followUpCorrection: string | null;
  followUpCorrectiveAction: string | null;
  followUpDueOn: string | null;
  followUpVerification: string | null;
  followUpAgreedBy: string | null;
  followUpAgreedOn: string | null;
}

/** Members audited by an internal audit (the free-text auditees stay on the audit record). */
export interface AuditAuditeesTable {
  id: string;
  orgId: string;
  auditId: string;
  userId: string;
}

export interface AuditChecklistLinksTable {
  id: string;
  orgId: string;
  itemId: string;
  kind: string;
  targetType: string;
  targetId: string;
}

export interface AuditReportDistributionsTable {
  id: string;
  orgId: string;
  auditId: string;
  versionNo: number;
  memberIds: string;
  note: string | null;
  distributedAt: string;
  distributedBy: string | null;
}

/** A background job's lease (0024): who runs it until when, so that several instances run it once. */
export interface JobLeasesTable {
  name: string;
  holder: string;
  leaseUntil: string;
  lastRunAt: string | null;
}

export interface Database {
  users: UsersTable;
  organizations: OrganizationsTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  loginThrottle: LoginThrottleTable;
  invitations: InvitationsTable;
  apiTokens: ApiTokensTable;
  auditEvents: AuditEventsTable;
  auditHeads: AuditHeadsTable;
  instanceSigningKeys: InstanceSigningKeysTable;
  auditCheckpoints: AuditCheckpointsTable;
  refCounters: RefCountersTable;
  links: LinksTable;
  actions: ActionsTable;
  recordVersions: RecordVersionsTable;
  approvals: ApprovalsTable;
  scopes: ScopesTable;
  issues: IssuesTable;
  interestedParties: InterestedPartiesTable;
  requirements: RequirementsTable;
  climateDecisions: ClimateDecisionsTable;
  ismsProcesses: IsmsProcessesTable;
  processInteractions: ProcessInteractionsTable;
  ismsRoles: IsmsRolesTable;
  roleAssignments: RoleAssignmentsTable;
  ismsActivities: IsmsActivitiesTable;
  raciCells: RaciCellsTable;
  leadershipCommitments: LeadershipCommitmentsTable;
  ismsRisks: IsmsRisksTable;
  assets: AssetsTable;
  assetDependencies: AssetDependenciesTable;
  threats: ThreatsTable;
  vulnerabilities: VulnerabilitiesTable;
  riskMethodologies: RiskMethodologiesTable;
  risks: RisksTable;
  riskAssets: RiskAssetsTable;
  riskRescores: RiskRescoresTable;
  riskAssessments: RiskAssessmentsTable;
  riskAssessmentEntries: RiskAssessmentEntriesTable;
  reassessmentTriggers: ReassessmentTriggersTable;
  reassessmentTriggerRisks: ReassessmentTriggerRisksTable;
  fileBlobs: FileBlobsTable;
  evidence: EvidenceTable;
  controlSettings: ControlSettingsTable;
  controls: ControlsTable;
  statementsOfApplicability: StatementsOfApplicabilityTable;
  riskTreatmentPlans: StatementsOfApplicabilityTable;
  riskTreatments: RiskTreatmentsTable;
  riskTreatmentOptions: RiskTreatmentOptionsTable;
  riskControls: RiskControlsTable;
  riskAcceptances: RiskAcceptancesTable;
  documents: DocumentsTable;
  documentPeople: DocumentPeopleTable;
  documentPublications: DocumentPublicationsTable;
  documentAcknowledgements: DocumentAcknowledgementsTable;
  documentReminders: DocumentRemindersTable;
  documentReviews: DocumentReviewsTable;
  documentDisposals: DocumentDisposalsTable;
  classificationLevels: ClassificationLevelsTable;
  auditProgrammes: AuditProgrammesTable;
  internalAudits: InternalAuditsTable;
  auditTeam: AuditTeamTable;
  auditIndependenceExceptions: AuditIndependenceExceptionsTable;
  auditChecklistItems: AuditChecklistItemsTable;
  auditChecklistLinks: AuditChecklistLinksTable;
  auditAuditees: AuditAuditeesTable;
  auditReportDistributions: AuditReportDistributionsTable;
  nonconformities: NonconformitiesTable;
  nonconformityReviews: NonconformityReviewsTable;
  improvements: ImprovementsTable;
  measures: MeasuresTable;
  measureResults: MeasureResultsTable;
  measureEvaluations: MeasureEvaluationsTable;
  jobLeases: JobLeasesTable;
  objectives: ObjectivesTable;
  objectiveProgress: ObjectiveProgressTable;
  objectiveCommunications: ObjectiveCommunicationsTable;
  objectivesDocuments: StatementsOfApplicabilityTable;
  managementReviews: ManagementReviewsTable;
  managementReviewDecisions: ManagementReviewDecisionsTable;
  managementReviewAttendees: ManagementReviewAttendeesTable;
  partyFeedback: PartyFeedbackTable;
}
