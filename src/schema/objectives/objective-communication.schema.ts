import { z } from 'zod';
import { isoDateSchema } from '../common/primitives.js';
import { roleSchema } from '../auth/roles.js';

/** How an objective (or the whole set) was communicated (27001 6.2 d). */
export const COMMUNICATION_CHANNELS = ['meeting', 'email', 'intranet', 'training', 'document', 'other'] as const;

/** To whom: organization roles, members, interested parties of 4.2, ISMS roles of 5.3. At least one of them. */
export const communicationAudienceSchema = z
  .strictObject({
    roles: z.array(roleSchema).max(10).default([]),
    memberIds: z.array(z.uuid()).max(500).default([]),
    interestedPartyIds: z.array(z.uuid()).max(500).default([]),
    ismsRoleIds: z.array(z.uuid()).max(200).default([]),
  })
  .refine((a) => a.roles.length + a.memberIds.length + a.interestedPartyIds.length + a.ismsRoleIds.length > 0, {
    message: 'Name at least one role, member, interested party or ISMS role',
    path: ['roles'],
  });
export type CommunicationAudience = z.infer<typeof communicationAudienceSchema>;

export const objectiveCommunicationBodySchema = z.strictObject({
  communicatedOn: isoDateSchema,
  channel: z.enum(COMMUNICATION_CHANNELS),
  audience: communicationAudienceSchema,
  note: z.string().trim().max(4000).optional(),
});
export type ObjectiveCommunicationBody = z.infer<typeof objectiveCommunicationBodySchema>;

export const objectiveCommunicationSchema = z.object({
  id: z.string(),
  /** null: the whole set of objectives was communicated */
  objectiveId: z.string().nullable(),
  communicatedOn: z.string(),
  channel: z.enum(COMMUNICATION_CHANNELS),
  audience: z.object({
    roles: z.array(roleSchema),
    memberIds: z.array(z.string()),
    interestedPartyIds: z.array(z.string()),
    ismsRoleIds: z.array(z.string()),
  }),
  note: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type ObjectiveCommunication = z.infer<typeof objectiveCommunicationSchema>;
export const objectiveCommunicationListSchema = z.object({ items: z.array(objectiveCommunicationSchema) });
