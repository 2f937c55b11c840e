import type { App } from '../types.js';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

/** One year: browsers then refuse plain HTTP to this host for that long after one HTTPS visit. */
const HSTS = 'max-age=31536000';

export function registerSecurityHeaders(app: App) {
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    // Served over HTTPS (directly, or as the trusted proxy's X-Forwarded-Proto says; an untrusted one is ignored).
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
    // The API reader sets its own CSP, with the hashes of its inline scripts (openapi.ts).
    if (!request.url.startsWith('/api/docs')) reply.header('content-security-policy', CSP);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
}
