import { z } from 'zod';
import { roleSchema } from '../auth/roles.js';
import { emailSchema, passwordSchema, personNameSchema } from '../common/primitives.js';

/** An organization admin invites by e-mail; whether the e-mail has an account changes nothing in the answer. */
export const invitationCreateSchema = z.strictObject({ email: emailSchema, role: roleSchema });

// The secret of an invitation link: 32 random bytes, base64url.
const invitationTokenSchema = z
  .string()
  .min(20)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, 'Not an invitation token');

export const invitationTokenBodySchema = z.strictObject({ token: invitationTokenSchema });

/** A new person opens the link, chooses a name and a password, and joins. */
export const invitationRedeemSchema = z.strictObject({
  token: invitationTokenSchema,
  name: personNameSchema,
  password: passwordSchema,
});

export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
  invitedBy: z.string().nullable(),
});
export type Invitation = z.infer<typeof invitationSchema>;

/** Answer to an invitation: the link's secret is shown this once (Rampart sends no e-mail; the admin passes it on). */
export const invitationCreatedSchema = invitationSchema.extend({ token: z.string() });
export type InvitationCreated = z.infer<typeof invitationCreatedSchema>;

export const invitationListSchema = z.object({ items: z.array(invitationSchema) });

/** An invitation as the invited person sees it. */
export const myInvitationSchema = invitationSchema.extend({ orgName: z.string(), orgSlug: z.string() });
export type MyInvitation = z.infer<typeof myInvitationSchema>;
export const myInvitationListSchema = z.object({ items: z.array(myInvitationSchema) });

/** What the link shows before anyone signs in: the organization, the role and the e-mail it was sent to. */
export const invitationPreviewSchema = z.object({
  orgName: z.string(),
  email: z.string(),
  role: roleSchema,
  expiresAt: z.string(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

export const invitationDecisionSchema = z.object({
  orgSlug: z.string(),
  orgName: z.string(),
  role: roleSchema,
  status: z.enum(['accepted', 'declined']),
});
