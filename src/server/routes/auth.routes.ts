import type { FastifyReply, FastifyRequest } from 'fastify';
import { noContentSchema } from '../../schema/common/responses.js';
import { sessionSchema, setupStatusSchema } from '../../schema/orgs/session.schema.js';
import { login } from '../../core/auth/login.js';
import { revokeSession, revokeSessionBySecret } from '../../core/auth/sessions.js';
import { recordAuditAlone } from '../../core/audit/audit.service.js';
import { UnauthenticatedError } from '../../core/errors.js';
import { listUserOrgs } from '../../core/orgs/orgs.service.js';
import { completeSetup, setupNeeded } from '../../core/orgs/setup.service.js';
import { loginSchema, passwordChangeSchema, setupSchema } from '../../schema/orgs/org.schema.js';
import { changeOwnPassword } from '../../core/users/users.service.js';
import { previewInvitation, redeemInvitation } from '../../core/invitations/invitations.service.js';
import {
  invitationPreviewSchema,
  invitationRedeemSchema,
  invitationTokenBodySchema,
} from '../../schema/orgs/invitation.schema.js';
import { ForbiddenError } from '../../core/errors.js';
import { SESSION_COOKIE } from '../plugins/authenticate.js';
import type { App } from '../types.js';

export async function authRoutes(app: App) {
  const { handle, auth } = app.deps;

  const setCookie = (reply: FastifyReply, secret: string) =>
    reply.setCookie(SESSION_COOKIE, secret, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: 'auto',
      maxAge: auth.sessionMaxHours * 3600,
    });

  /** A new login always gets a new session id; the one the browser had (if any) is revoked. */
  const revokePrevious = async (request: FastifyRequest) => {
    const old = request.cookies[SESSION_COOKIE];
    if (old && old.length <= 200) await revokeSessionBySecret(handle.db, old);
  };

  app.get(
    '/api/v1/setup',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Whether the one-time first-run setup is open',
        response: { 200: setupStatusSchema },
      },
    },
    async () => ({
      needed: await setupNeeded(handle.db),
    }),
  );

  app.post(
    '/api/v1/setup',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'First run: create the first admin and organization',
        body: setupSchema,
        response: { 201: sessionSchema },
      },
    },
    async (request, reply) => {
      await completeSetup(handle.db, request.body, request.ip);
      await revokePrevious(request);
      const result = await login(
        handle.db,
        { email: request.body.email, password: request.body.password },
        { ip: request.ip, userAgent: request.headers['user-agent'] },
        auth,
      );
      setCookie(reply, result.secret);
      return reply.code(201).send({
        user: result.user,
        csrfToken: result.csrfToken,
        organizations: await listUserOrgs(handle.db, result.user.id),
      });
    },
  );

  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        body: loginSchema,
        response: { 200: sessionSchema },
      },
    },
    async (request, reply) => {
      const result = await login(
        handle.db,
        request.body,
        { ip: request.ip, userAgent: request.headers['user-agent'] },
        auth,
      );
      await revokePrevious(request);
      setCookie(reply, result.secret);
      return {
        user: result.user,
        csrfToken: result.csrfToken,
        organizations: await listUserOrgs(handle.db, result.user.id),
      };
    },
  );

  app.post(
    '/api/v1/invitations/preview',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'What an invitation link offers (organization, role, e-mail); 404 once used, revoked or expired',
        body: invitationTokenBodySchema,
        response: { 200: invitationPreviewSchema },
      },
    },
    async (request) => previewInvitation(handle.db, request.body.token),
  );

  app.post(
    '/api/v1/invitations/redeem',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary:
          'A new person joins through an invitation link: creates the account, makes them a member, signs them in',
        body: invitationRedeemSchema,
        response: { 201: sessionSchema },
      },
    },
    async (request, reply) => {
      const { email } = await redeemInvitation(handle.db, request.body, request.ip);
      await revokePrevious(request);
      const result = await login(
        handle.db,
        { email, password: request.body.password },
        { ip: request.ip, userAgent: request.headers['user-agent'] },
        auth,
      );
      setCookie(reply, result.secret);
      return reply.code(201).send({
        user: result.user,
        csrfToken: result.csrfToken,
        organizations: await listUserOrgs(handle.db, result.user.id),
      });
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: 'user' },
      schema: {
        tags: ['auth'],
        summary: 'Sign out: revokes the session on the server',
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      if (request.auth?.kind === 'session') {
        const { session } = request.auth;
        await revokeSession(handle.db, session.sessionId);
        await recordAuditAlone(handle.db, {
          orgId: null,
          actor: { kind: 'user', userId: session.user.id, label: session.user.email },
          ip: request.ip,
          event: { type: 'auth.logout', payload: {} },
        });
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/password',
    {
      config: { access: 'user' },
      schema: {
        tags: ['auth'],
        summary: 'Change your own password (signs out your other sessions)',
        body: passwordChangeSchema,
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      if (request.auth?.kind !== 'session')
        throw new ForbiddenError('Change your password signed in, not with an API token');
      await changeOwnPassword(handle.db, request.auth.session.user, request.body, request.auth.session.sessionId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/session',
    {
      config: { access: 'user' },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, CSRF token and organizations',
        response: { 200: sessionSchema },
      },
    },
    async (request) => {
      const a = request.auth;
      if (!a) throw new UnauthenticatedError();
      if (a.kind === 'token') {
        return {
          user: a.token.user,
          csrfToken: null,
          organizations: await listUserOrgs(handle.db, a.token.user.id, a.token.orgId),
        };
      }
      return {
        user: a.session.user,
        csrfToken: a.session.csrfToken,
        organizations: await listUserOrgs(handle.db, a.session.user.id),
      };
    },
  );
}
