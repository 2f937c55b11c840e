import { z } from 'zod';
import { roleSchema } from '../auth/roles.js';

/** The signed-in person, as the session, sign-in and setup answers show them. */
export const sessionUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  isSuperadmin: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** An organization you belong to, with your role in it. */
export const orgSummarySchema = z.object({ id: z.string(), slug: z.string(), name: z.string(), role: roleSchema });
export type OrgSummary = z.infer<typeof orgSummarySchema>;
export const orgListSchema = z.object({ items: z.array(orgSummarySchema) });

/** One organization with your role and what it lets you do (the keys of permissions.ts). */
export const orgDetailSchema = orgSummarySchema.extend({ permissions: z.array(z.string()) });
export type OrgDetail = z.infer<typeof orgDetailSchema>;

/**
 * The answer of sign-in, first-run setup, an invitation's redemption and the session probe. `csrfToken` is null when
 * the caller is an API token (it sends no cookie, so it needs no CSRF header).
 */
export const sessionSchema = z.object({
  user: sessionUserSchema,
  csrfToken: z.string().nullable(),
  organizations: z.array(orgSummarySchema),
});
export type Session = z.infer<typeof sessionSchema>;

export const setupStatusSchema = z.object({ needed: z.boolean() });
