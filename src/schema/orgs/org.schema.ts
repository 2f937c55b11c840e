import { z } from 'zod';
import { emailSchema, passwordSchema, personNameSchema, slugSchema } from '../common/primitives.js';
import { roleSchema } from '../auth/roles.js';

export const orgCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  slug: slugSchema.optional(),
});

export const setupSchema = z.strictObject({
  email: emailSchema,
  name: personNameSchema,
  password: passwordSchema,
  organizationName: z.string().trim().min(1).max(120),
  organizationSlug: slugSchema.optional(),
});

export const loginSchema = z.strictObject({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(256),
});

export const memberUpdateSchema = z.strictObject({ role: roleSchema });
export const memberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  createdAt: z.string(),
});
/** A user is a person, or an automation account (acts only through tokens an admin issues; never signs in). */
export const USER_KINDS = ['person', 'automation'] as const;
export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  userId: z.string(),
  userName: z.string(),
  /** whose token: a person's own, or one an admin issued for an automation account */
  userKind: z.enum(USER_KINDS),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export type ApiToken = z.infer<typeof apiTokenSchema>;
/** A token as created: its secret is shown this once; the owner (the caller) is not described again. */
export const createdTokenSchema = apiTokenSchema.omit({ userName: true, userKind: true }).extend({ token: z.string() });
export type CreatedToken = z.infer<typeof createdTokenSchema>;
export type Member = z.infer<typeof memberSchema>;

export const tokenCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  expiresAt: z.iso.date().optional(),
});

export const linkCreateSchema = z.strictObject({
  fromType: z.string().min(1).max(40),
  fromId: z.uuid(),
  toType: z.string().min(1).max(40),
  toId: z.uuid(),
  kind: z.string().trim().min(1).max(40).default('relates_to'),
});

/**
 * A link between two records, with each end's reference and title. In a list an end the caller cannot see is left
 * out; an end whose record is gone reads null.
 */
export const linkSchema = z.object({
  id: z.string(),
  fromType: z.string(),
  fromId: z.string(),
  fromRef: z.string().nullable(),
  fromTitle: z.string().nullable(),
  toType: z.string(),
  toId: z.string(),
  toRef: z.string().nullable(),
  toTitle: z.string().nullable(),
  kind: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type Link = z.infer<typeof linkSchema>;
export const linkListSchema = z.object({ items: z.array(linkSchema) });

export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: passwordSchema,
});
