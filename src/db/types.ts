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

export interface LoginAttemptsTable {
  id: Generated<number>;
  keyKind: string;
  keyValue: string;
  succeeded: number;
  createdAt: string;
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

export interface Database {
  users: UsersTable;
  organizations: OrganizationsTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  loginAttempts: LoginAttemptsTable;
  apiTokens: ApiTokensTable;
  auditEvents: AuditEventsTable;
  auditHeads: AuditHeadsTable;
  refCounters: RefCountersTable;
  links: LinksTable;
  actions: ActionsTable;
  recordVersions: RecordVersionsTable;
  approvals: ApprovalsTable;
  scopes: ScopesTable;
}
