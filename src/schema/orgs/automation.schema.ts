import { z } from 'zod';
import { roleSchema } from '../auth/roles.js';
import { personNameSchema } from '../common/primitives.js';
import { tokenCreateSchema } from './org.schema.js';

/**
 * An automation account: a non-person member (an integration, a CI job) an admin creates in one organization with a
 * role. It has no password and never signs in; it acts only through API tokens an admin issues for it. It is never
 * an admin: a script holding a token does not manage members or tokens, and the "at least one admin" rule stays
 * about people.
 */
export const automationAccountCreateSchema = z.strictObject({
  name: personNameSchema,
  role: roleSchema.refine((r) => r !== 'admin', 'An automation account cannot be an admin; choose another role'),
});
export type AutomationAccountCreate = z.infer<typeof automationAccountCreateSchema>;

export const automationAccountSchema = z.object({
  userId: z.string(),
  name: z.string(),
  role: roleSchema,
  kind: z.literal('automation'),
  createdAt: z.string(),
  /** tokens issued for it that are neither revoked nor expired */
  activeTokens: z.number().int(),
});
export type AutomationAccount = z.infer<typeof automationAccountSchema>;

/** A token an admin issues for an automation account: the same fields as one's own token. */
export const automationTokenCreateSchema = tokenCreateSchema;

/** A token just issued: the secret (shown once) and what the token list shows of it. */
export const issuedTokenSchema = z.object({
  token: z.string(),
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  userId: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
