import type { Role } from '../schema/auth/roles.js';
import type { Db } from '../db/connect.js';
import type { RegisterLookup } from './register/register-lookup.js';

/** Who is acting: a signed-in user, a user through an API token, the system (CLI, demo) or nobody yet. */
export interface Actor {
  kind: 'user' | 'token' | 'system' | 'anonymous';
  userId: string | null;
  /** human label kept in the audit trail even if the user is later renamed */
  label: string;
  tokenId?: string;
}

export interface OrgRef {
  id: string;
  slug: string;
  name: string;
}

/** What every organization-scoped core function receives: explicit dependencies, nothing global. */
export interface OrgContext {
  db: Db;
  org: OrgRef;
  role: Role;
  actor: Actor;
  ip?: string | null;
  /** the product's registers, from the composition root (core/modules.ts): the generic machinery looks them up here */
  registers: RegisterLookup;
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', userId: null, label: 'system' };
