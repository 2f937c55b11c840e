import { z } from 'zod';
import { noContentSchema } from '../../schema/common/responses.js';
import { ForbiddenError } from '../../core/errors.js';
import {
  createInvitation,
  decideInvitation,
  listInvitations,
  listMyInvitations,
  revokeInvitation,
} from '../../core/invitations/invitations.service.js';
import {
  invitationCreateSchema,
  invitationCreatedSchema,
  invitationDecisionSchema,
  invitationListSchema,
  myInvitationListSchema,
} from '../../schema/orgs/invitation.schema.js';
import { authUser } from '../plugins/authenticate.js';
import { orgCtx } from '../plugins/authorize.js';
import type { App } from '../types.js';

const orgParams = z.object({ org: z.string() });

/** Memberships by invitation: an admin offers a role, the person accepts or declines (see invitations.service). */
export async function invitationRoutes(app: App) {
  const { db } = app.deps.handle;

  app.post(
    '/api/v1/orgs/:org/members',
    {
      config: { permission: 'members.manage' },
      schema: {
        tags: ['members'],
        summary:
          'Invite a person by e-mail: they become a member when they accept. The same answer whether or not the e-mail has an account; the link secret (`token`) is shown once',
        params: orgParams,
        body: invitationCreateSchema,
        response: { 202: invitationCreatedSchema },
      },
    },
    async (request, reply) => reply.code(202).send(await createInvitation(orgCtx(request), request.body)),
  );

  app.get(
    '/api/v1/orgs/:org/invitations',
    {
      config: { permission: 'members.manage' },
      schema: {
        tags: ['members'],
        summary: 'Invitations waiting for an answer',
        params: orgParams,
        response: { 200: invitationListSchema },
      },
    },
    async (request) => listInvitations(orgCtx(request)),
  );

  app.delete(
    '/api/v1/orgs/:org/invitations/:id',
    {
      config: { permission: 'members.manage' },
      schema: {
        tags: ['members'],
        summary: 'Revoke a pending invitation (its link stops working)',
        params: z.object({ org: z.string(), id: z.uuid() }),
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      await revokeInvitation(orgCtx(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/invitations',
    {
      config: { access: 'user' },
      schema: {
        tags: ['members'],
        summary: 'Invitations waiting for you (sent to your e-mail)',
        response: { 200: myInvitationListSchema },
      },
    },
    async (request) => listMyInvitations(db, authUser(request)!),
  );

  for (const decision of ['accept', 'decline'] as const) {
    app.post(
      `/api/v1/invitations/:id/${decision}`,
      {
        config: { access: 'user' },
        schema: {
          tags: ['members'],
          summary: decision === 'accept' ? 'Accept an invitation: you become a member' : 'Decline an invitation',
          params: z.object({ id: z.uuid() }),
          body: z.strictObject({}),
          response: { 200: invitationDecisionSchema },
        },
      },
      async (request) => {
        if (request.auth?.kind !== 'session')
          throw new ForbiddenError('Answer invitations signed in, not with an API token');
        return decideInvitation(
          db,
          request.auth.session.user,
          request.params.id,
          decision === 'accept' ? 'accepted' : 'declined',
          request.ip,
        );
      },
    );
  }
}
