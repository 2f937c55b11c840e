import type { FastifyRequest } from 'fastify';
import { resolveSession } from '../../core/auth/sessions.js';
import { resolveToken } from '../../core/auth/tokens.js';
import { CsrfError } from '../../core/errors.js';
import { safeEqual } from '../../core/util/ids.js';
import { slugSchema } from '../../schema/common/primitives.js';
import type { App } from '../types.js';

export const SESSION_COOKIE = 'rampart_session';
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function bearer(request: FastifyRequest): string | null {
  const h = request.headers.authorization;
  if (!h) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  return m?.[1] ?? null;
}

/**
 * Who is calling: an API token (Authorization: Bearer) or the session cookie. Cookie sessions must send the
 * session's CSRF token in `x-csrf-token` on every state-changing request; bearer tokens cannot be sent by a
 * browser on its own, so they need none.
 */
export function registerAuthentication(app: App) {
  app.decorateRequest('auth', null);
  app.decorateRequest('orgCtx', null);

  app.addHook('onRequest', async (request) => {
    // Decided by the matched route, never by the URL's text: no route (a 404) or a file needs no credentials.
    if (!request.routeOptions.url || request.routeOptions.config.files) return;
    const { db } = app.deps.handle;
    const orgSlug = orgSlugOf(request);
    const token = bearer(request);
    if (token) {
      const resolved = await resolveToken(db, token, orgSlug);
      request.auth = resolved ? { kind: 'token', token: resolved } : null;
      return;
    }
    const secret = request.cookies[SESSION_COOKIE];
    if (!secret || secret.length > 200) return;
    const session = await resolveSession(db, secret, app.deps.auth, orgSlug);
    if (!session) return;
    request.auth = { kind: 'session', session };
    // Public routes (sign-in, setup) stay usable from a tab whose old session is still in the cookie.
    if (MUTATING.has(request.method) && request.routeOptions.config?.access !== 'public') {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, session.csrfToken)) {
        throw new CsrfError('Missing or wrong x-csrf-token header (get it from GET /api/v1/auth/session)');
      }
    }
  });
}

/**
 * The organization slug of an organization route, when well formed: the sign-in query reads that organization
 * and the caller's membership with the session or token (authorize.ts uses it). Anything else names none.
 */
export function orgSlugOf(request: FastifyRequest): string | undefined {
  if (!request.routeOptions.config.permission) return undefined;
  const slug = (request.params as { org?: unknown } | undefined)?.org;
  return typeof slug === 'string' && slugSchema.safeParse(slug).success ? slug : undefined;
}

export function authUser(request: FastifyRequest) {
  const a = request.auth;
  if (!a) return null;
  return a.kind === 'session' ? a.session.user : a.token.user;
}
