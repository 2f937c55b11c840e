import { recordAuditAlone } from '../../core/audit/audit.service.js';
import type { Actor } from '../../core/context.js';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../core/errors.js';
import { findOrgBySlug, membershipRole } from '../../core/orgs/orgs.service.js';
import { can } from '../../schema/auth/permissions.js';
import { slugSchema } from '../../schema/common/primitives.js';
import type { App } from '../types.js';
import { authUser } from './authenticate.js';

/**
 * Runs before validation, so a caller learns nothing about a body's shape before being allowed in.
 * Organization routes: the caller must be a member (non-members get 404: an organization's existence is not
 * disclosed) and their role must hold the route's permission (403, recorded in the organization's audit trail).
 */
export function registerAuthorization(app: App) {
  app.addHook('preValidation', async (request) => {
    const config = request.routeOptions.config;
    // The API reader's own routes (@fastify/swagger-ui) cannot carry our config; like /api/openapi.json they are public.
    if (config.access === 'public' || !request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    const user = authUser(request);
    if (!user || !request.auth) throw new UnauthenticatedError();
    if (config.access === 'user') return;

    const slug = (request.params as { org?: unknown }).org;
    const { db } = app.deps.handle;
    // Only a well-formed slug is looked up: anything else cannot name an organization (and never reaches the database).
    const org = typeof slug === 'string' && slugSchema.safeParse(slug).success ? await findOrgBySlug(db, slug) : undefined;
    if (!org) throw new NotFoundError('The organization');
    const tokenOrgMismatch = request.auth.kind === 'token' && request.auth.token.orgId !== org.id;
    const role = tokenOrgMismatch ? null : await membershipRole(db, org.id, user.id);
    if (!role) throw new NotFoundError('The organization');

    const actor: Actor =
      request.auth.kind === 'token'
        ? { kind: 'token', userId: user.id, label: `${user.email} (token ${request.auth.token.prefix})`, tokenId: request.auth.token.tokenId }
        : { kind: 'user', userId: user.id, label: user.email };
    const permission = config.permission;
    if (!permission || !can(role, permission)) {
      await recordAuditAlone(db, {
        orgId: org.id,
        actor,
        ip: request.ip,
        event: { type: 'authz.denied', payload: { method: request.method, path: request.url.split('?')[0] ?? '', permission: permission ?? 'none', role } },
      });
      throw new ForbiddenError(`Your role (${role}) does not allow ${permission ?? 'this'}`);
    }
    request.orgCtx = { db, org, role, actor, ip: request.ip };
  });
}

export function orgCtx(request: { orgCtx: import('../../core/context.js').OrgContext | null }) {
  if (!request.orgCtx) throw new Error('route is missing its permission declaration');
  return request.orgCtx;
}
