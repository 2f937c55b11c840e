import type { App } from '../types.js';
import { sendProblem } from './problem.js';

/**
 * Only origin-form request targets (`/path?query`) are served. An absolute-form target (`GET http://host/path`,
 * which only proxies must accept) or `*` would reach the router with a URL that path-based code misreads. Refused
 * first of all, before any credential, permission or body is looked at; the connection is closed so that a body
 * sent with the request is never read.
 */
export function registerRequestTargetGuard(app: App) {
  app.addHook('onRequest', async (request, reply) => {
    if (request.raw.url?.startsWith('/')) return;
    reply.header('connection', 'close');
    return sendProblem(reply, 400, 'bad-request', 'The request target must be a path starting with "/"');
  });
}

/**
 * Routes that third-party plugins add (the API reader, the web app's files) cannot carry our access declaration:
 * registered inside `scope`, they are declared public and read no credentials. Every other route declares its access
 * itself, and one without a declaration is refused (see authorize.ts).
 */
export function declareFileRoutes(scope: App) {
  scope.addHook('onRoute', (route) => {
    route.config = { ...route.config, access: 'public', files: true };
  });
}
