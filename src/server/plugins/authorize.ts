import { recordAuditAlone } from '../../core/audit/audit.service.js';
import type { Actor } from '../../core/context.js';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../core/errors.js';
import { findOrgWithRole } from '../../core/orgs/orgs.service.js';
import { can } from '../../schema/auth/permissions.js';
import type { App } from '../types.js';
import { authUser, orgSlugOf } from './authenticate.js';
import { REGISTERS } from '../../core/modules.js';

/**
 * Runs when the request arrives, before its body is read or validated, so a caller learns nothing about a body's
 * shape (and sends no large body) before being allowed in. Decided by the matched route's declaration, never by the
 * URL's text; a route that declares no access is refused (deny by default).
 * Organization routes: the caller must be a member (non-members get 404: an organization's existence is not
 * disclosed) and their role must hold the route's permission (403, recorded in the organization's audit trail).
 */
export function registerAuthorization(app: App) {
  app.addHook('onRequest', async (request) => {
    // No route matched: the not-found handler answers 404.
    if (!request.routeOptions.url) return;
    const config = request.routeOptions.config;
    if (config.access === 'public') return;
    if (config.access !== 'user' && !config.permission) {
      request.log.error({ route: request.routeOptions.url }, 'route without an access declaration refused');
      throw new ForbiddenError('This route declares no access');
    }
    const user = authUser(request);
    if (!user || !request.auth) throw new UnauthenticatedError();
    if (config.access === 'user') return;

    const { db } = app.deps.handle;
    // Only a well-formed slug is looked up: anything else cannot name an organization (and never reaches the
    // database). The sign-in query has read it with the session or token already.
    const slug = orgSlugOf(request);
    const lookup = request.auth.kind === 'session' ? request.auth.session.orgLookup : request.auth.token.orgLookup;
    const found =
      slug === undefined ? undefined : lookup?.slug === slug ? lookup.found : await findOrgWithRole(db, slug, user.id);
    if (!found) throw new NotFoundError('The organization');
    const { org } = found;
    const tokenOrgMismatch = request.auth.kind === 'token' && request.auth.token.orgId !== org.id;
    const role = tokenOrgMismatch ? null : found.role;
    if (!role) throw new NotFoundError('The organization');

    const actor: Actor =
      request.auth.kind === 'token'
        ? {
            kind: 'token',
            userId: user.id,
            label: `${user.email} (token ${request.auth.token.prefix})`,
            tokenId: request.auth.token.tokenId,
          }
        : { kind: 'user', userId: user.id, label: user.email };
    const permission = config.permission;
    if (!permission || !can(role, permission)) {
      await recordAuditAlone(db, {
        orgId: org.id,
        actor,
        ip: request.ip,
        event: {
          type: 'authz.denied',
          payload: {
            method: request.method,
            path: request.url.split('?')[0] ?? '',
            permission: permission ?? 'none',
            role,
          },
        },
      });
      throw new ForbiddenError(`Your role (${role}) does not allow ${permission ?? 'this'}`);
    }
    request.orgCtx = { db, org, role, actor, ip: request.ip, registers: REGISTERS };
  });
}

export function orgCtx(request: { orgCtx: import('../../core/context.js').OrgContext | null }) {
  if (!request.orgCtx) throw new Error('route is missing its permission declaration');
  return request.orgCtx;
}
