import { z } from 'zod';
import { noContentSchema } from '../../schema/common/responses.js';
import { orgDetailSchema, orgListSchema, orgSummarySchema } from '../../schema/orgs/session.schema.js';
import { ForbiddenError } from '../../core/errors.js';
import { changeMemberRole, listMembers, removeMember } from '../../core/orgs/members.service.js';
import { createOrg, listUserOrgs } from '../../core/orgs/orgs.service.js';
import { permissionsOf } from '../../schema/auth/permissions.js';
import { paginated, pageQuerySchema } from '../../schema/common/primitives.js';
import { memberSchema, memberUpdateSchema, orgCreateSchema } from '../../schema/orgs/org.schema.js';
import { authUser } from '../plugins/authenticate.js';
import { orgCtx } from '../plugins/authorize.js';
import type { App } from '../types.js';

const orgParams = z.object({ org: z.string() });
const memberParams = z.object({ org: z.string(), userId: z.uuid() });

export async function orgRoutes(app: App) {
  const { db } = app.deps.handle;

  app.get(
    '/api/v1/orgs',
    {
      config: { access: 'user' },
      schema: { tags: ['organizations'], summary: 'Organizations you belong to', response: { 200: orgListSchema } },
    },
    async (request) => {
      const user = authUser(request)!;
      const onlyOrg = request.auth?.kind === 'token' ? request.auth.token.orgId : undefined;
      return { items: await listUserOrgs(db, user.id, onlyOrg) };
    },
  );

  app.post(
    '/api/v1/orgs',
    {
      config: { access: 'user' },
      schema: {
        tags: ['organizations'],
        summary: 'Create an organization (instance superadmins)',
        body: orgCreateSchema,
        response: { 201: orgSummarySchema },
      },
    },
    async (request, reply) => {
      const user = authUser(request)!;
      if (request.auth?.kind !== 'session' || !user.isSuperadmin)
        throw new ForbiddenError('Only an instance superadmin, signed in, can create organizations');
      const org = await createOrg(
        db,
        request.body,
        user.id,
        { kind: 'user', userId: user.id, label: user.email },
        request.ip,
      );
      return reply.code(201).send({ ...org, role: 'admin' });
    },
  );

  app.get(
    '/api/v1/orgs/:org',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['organizations'],
        summary: 'One organization with your role and permissions',
        params: orgParams,
        response: { 200: orgDetailSchema },
      },
    },
    async (request) => {
      const ctx = orgCtx(request);
      return { ...ctx.org, role: ctx.role, permissions: permissionsOf(ctx.role) };
    },
  );

  app.get(
    '/api/v1/orgs/:org/members',
    {
      config: { permission: 'members.read' },
      schema: {
        tags: ['members'],
        summary: 'Members and their roles, by name',
        params: orgParams,
        querystring: pageQuerySchema(),
        response: { 200: paginated(memberSchema) },
      },
    },
    async (request) => listMembers(orgCtx(request), request.query),
  );

  app.patch(
    '/api/v1/orgs/:org/members/:userId',
    {
      config: { permission: 'members.manage' },
      schema: {
        tags: ['members'],
        summary: "Change a member's role",
        params: memberParams,
        body: memberUpdateSchema,
        response: { 200: memberSchema },
      },
    },
    async (request) => changeMemberRole(orgCtx(request), request.params.userId, request.body.role),
  );

  app.delete(
    '/api/v1/orgs/:org/members/:userId',
    {
      config: { permission: 'members.manage' },
      schema: {
        tags: ['members'],
        summary: 'Remove a member',
        params: memberParams,
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      await removeMember(orgCtx(request), request.params.userId);
      return reply.code(204).send(null);
    },
  );
}
