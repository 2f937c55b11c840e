import type { z } from 'zod';
import type { auditVerifyResultSchema } from '../../schema/audit/signing-key.js';
import type { Role } from '../../schema/auth/roles.js';

/** Shapes of API answers (docs/API.md) that the schema package does not declare. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  isSuperadmin: boolean;
}

export interface OrgSummary {
  id: string;
  slug: string;
  name: string;
  role: Role;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
  organizations: OrgSummary[];
}

export interface OrgDetail extends OrgSummary {
  permissions: string[];
}

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  userId: string;
  userName: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedToken extends ApiToken {
  token: string;
}

export interface AuditEventItem {
  id: string;
  seq: number;
  type: string;
  actorId: string | null;
  actorLabel: string | null;
  /** the name of the person who acted (null for the system and unknown actors) */
  actorName?: string | null;
  actorKind: string | null;
  entityType: string | null;
  entityId: string | null;
  payload: Record<string, unknown>;
  ip: string | null;
  createdAt: string;
  hash: string;
}

export type VerifyResult = z.infer<typeof auditVerifyResultSchema>;

export interface LinkItem {
  id: string;
  fromType: string;
  fromId: string;
  fromRef: string;
  toType: string;
  toId: string;
  toRef: string;
  fromTitle?: string | null;
  toTitle?: string | null;
  kind: string;
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface ItemList<T> {
  items: T[];
}

/** Every register record carries these, plus its own fields. */
export interface RegisterRecord {
  id: string;
  ref: string;
  version: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
  archivedAt: string | null;
  [field: string]: unknown;
}
