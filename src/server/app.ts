import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import Fastify, { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { DEFAULT_AUTH_SETTINGS, type AuthSettings } from '../core/auth/settings.js';
import { REGISTER_MODULES, VERSIONED_MODULES } from '../core/modules.js';
import type { DatabaseHandle } from '../db/connect.js';
import { generateInstanceKey, type InstanceKey } from '../core/signing/instance-key.js';
import { startCheckpointTimer } from './checkpoint-timer.js';
import { instanceRoutes } from './routes/instance.routes.js';
import { registerAuthentication } from './plugins/authenticate.js';
import { registerAuthorization } from './plugins/authorize.js';
import { registerHousekeeping } from './plugins/housekeeping.js';
import { registerMeasureSampling } from './plugins/measure-sampling.js';
import { registerOpenApi } from './plugins/openapi.js';
import { registerProblemHandlers, sendProblem } from './plugins/problem.js';
import { registerNulGuard } from './plugins/reject-nul.js';
import { registerRequestTargetGuard } from './plugins/request-target.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { registerWebUi } from './plugins/web-ui.js';
import { assetRoutes } from './routes/assets.routes.js';
import { auditRoutes } from './routes/audit.routes.js';
import { authRoutes } from './routes/auth.routes.js';
import { contextRoutes } from './routes/context.routes.js';
import { healthRoutes } from './routes/health.routes.js';
import { invitationRoutes } from './routes/invitations.routes.js';
import { leadershipRoutes } from './routes/leadership.routes.js';
import { riskRoutes } from './routes/risks.routes.js';
import { automationRoutes } from './routes/automation.routes.js';
import { controlRoutes } from './routes/controls.routes.js';
import { ismsRiskRoutes } from './routes/isms-risks.routes.js';
import { internalAuditRoutes } from './routes/internal-audit.routes.js';
import { internalAuditFindingRoutes } from './routes/internal-audit-findings.routes.js';
import { nonconformityRoutes } from './routes/nonconformities.routes.js';
import { improvementRoutes } from './routes/improvements.routes.js';
import { measureRoutes } from './routes/measures.routes.js';
import { measureReportRoutes } from './routes/measures-report.routes.js';
import { measureBuiltInRoutes } from './routes/measure-builtins.routes.js';
import { objectiveRoutes } from './routes/objectives.routes.js';
import { objectiveMeasureRoutes } from './routes/objectives-measures.routes.js';
import { objectivesDocumentRoutes } from './routes/objectives-document.routes.js';
import { managementReviewRoutes } from './routes/management-review.routes.js';
import { evidenceRoutes } from './routes/evidence.routes.js';
import { documentRoutes } from './routes/documents.routes.js';
import { documentExportRoutes } from './routes/document-exports.routes.js';
import { linkRoutes } from './routes/links.routes.js';
import { orgRoutes } from './routes/orgs.routes.js';
import { pageSummaryRoutes } from './routes/page-summaries.routes.js';
import { registerRoutesFor } from './routes/register.routes.js';
import { tokenRoutes } from './routes/tokens.routes.js';
import { versionedRoutesFor } from './routes/versioned.routes.js';
import { createResponseSerializer } from './response-serializer.js';
import type { App } from './types.js';

export const BODY_LIMIT = 1024 * 1024;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_WEB_DIR = path.join(ROOT, 'dist/web');

export interface BuildOptions {
  handle: DatabaseHandle;
  auth?: Partial<AuthSettings>;
  logger?: boolean;
  /** where the log goes when `logger` is on (default: standard output) */
  logStream?: NodeJS.WritableStream;
  webDir?: string;
  /** false, a hop count, or the proxies' addresses / CIDR ranges; never `true` (it believes any X-Forwarded-For) */
  trustProxy?: false | number | string[];
  version?: string;
  /** the instance signing key (`rampart start` loads it from its file); a throwaway key when absent (tests) */
  signingKey?: InstanceKey;
  checkpointLog?: string;
  /** sign the audit chain heads that moved, this often (`rampart start`: every minute); never when absent */
  checkpointEveryMs?: number;
  /** sample the built-in measures that are due, this often, once listening (`rampart start`); never when absent */
  measureSamplingEveryMs?: number;
  /**
   * also encode every answer with Zod and compare it with the fast projection (response-serializer.ts); default:
   * under tests (NODE_ENV=test) and when RAMPART_CHECK_RESPONSES=1
   */
  checkResponses?: boolean;
}

const checkResponsesByDefault = () => process.env.NODE_ENV === 'test' || process.env.RAMPART_CHECK_RESPONSES === '1';

/**
 * A hop count trusts the nearest `hops` addresses (the socket's peer, then X-Forwarded-For from the right): Fastify
 * itself now refuses a bare number (it cannot tell a proxy from a client that connects directly), so the count is
 * given as a function. It assumes the server is reachable only through the proxies; naming them is safer.
 */
function trustProxyOption(tp: BuildOptions['trustProxy']) {
  if (typeof tp === 'number') return tp > 0 ? (_address: string, hop: number) => hop < tp : false;
  return tp ?? false;
}

/**
 * One log line per request (method, path without its query, status, milliseconds, client) instead of Fastify's two
 * (incoming, completed); a request that failed logs that line at error level with the error.
 */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}
  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      method: request.method,
      path: request.url.split('?')[0],
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      ip: request.ip,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request');
    else reply.log.info(line, 'request');
  }
}

/** Builds the whole server (API, OpenAPI, web UI) without listening: tests call inject() on it. */
export async function buildApp(opts: BuildOptions): Promise<App> {
  const app = Fastify({
    logger: opts.logger
      ? {
          level: 'info',
          redact: ['req.headers.authorization', 'req.headers.cookie'],
          ...(opts.logStream ? { stream: opts.logStream } : {}),
        }
      : false,
    bodyLimit: BODY_LIMIT,
    logController: new OneLinePerRequest(),
    trustProxy: trustProxyOption(opts.trustProxy),
    routerOptions: { maxParamLength: 200 },
    // Malformed or over-long URLs are answered by the router before any handler: keep them problem+json too.
    frameworkErrors: (err, _request, reply) =>
      err.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? sendProblem(reply, 414, 'uri-too-long', 'A part of the URL is too long')
        : sendProblem(reply, 400, 'bad-request', 'The URL is not valid'),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(createResponseSerializer({ check: opts.checkResponses ?? checkResponsesByDefault() }));
  const signingKey = opts.signingKey ?? generateInstanceKey();
  app.decorate('deps', {
    handle: opts.handle,
    auth: { ...DEFAULT_AUTH_SETTINGS, ...opts.auth },
    signingKey,
    checkpointLog: opts.checkpointLog,
  });

  app.decorate('routeCatalog', []);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      app.routeCatalog.push({
        method,
        url: route.url,
        permission: route.config?.permission,
        access: route.config?.access,
        ...(route.bodyLimit === undefined ? {} : { bodyLimit: route.bodyLimit }),
      });
    }
  });
  registerProblemHandlers(app);
  registerRequestTargetGuard(app);
  await app.register(fastifyCookie);
  registerAuthentication(app);
  registerAuthorization(app);
  registerNulGuard(app);
  registerSecurityHeaders(app);
  registerHousekeeping(app);
  if (opts.measureSamplingEveryMs) registerMeasureSampling(app, opts.measureSamplingEveryMs);
  await registerOpenApi(app, opts.version ?? '0.1.0');

  await app.register(healthRoutes);
  await app.register(instanceRoutes);
  await app.register(authRoutes);
  await app.register(orgRoutes);
  await app.register(invitationRoutes);
  await app.register(tokenRoutes);
  await app.register(automationRoutes);
  await app.register(auditRoutes);
  await app.register(linkRoutes);
  await app.register(contextRoutes);
  await app.register(leadershipRoutes);
  await app.register(assetRoutes);
  await app.register(riskRoutes);
  await app.register(controlRoutes);
  await app.register(pageSummaryRoutes);
  await app.register(ismsRiskRoutes);
  await app.register(internalAuditRoutes);
  await app.register(internalAuditFindingRoutes);
  await app.register(nonconformityRoutes);
  await app.register(improvementRoutes);
  await app.register(measureRoutes);
  await app.register(measureReportRoutes);
  await app.register(measureBuiltInRoutes);
  await app.register(objectiveRoutes);
  await app.register(objectivesDocumentRoutes);
  await app.register(managementReviewRoutes);
  await app.register(objectiveMeasureRoutes);
  await app.register(evidenceRoutes);
  await app.register(documentRoutes);
  await app.register(documentExportRoutes);
  for (const mod of REGISTER_MODULES) await app.register(registerRoutesFor(mod));
  for (const vm of VERSIONED_MODULES) await app.register(versionedRoutesFor(vm));

  await registerWebUi(app, opts.webDir ?? DEFAULT_WEB_DIR);
  if (opts.checkpointEveryMs) startCheckpointTimer(app, opts.checkpointEveryMs);
  await app.ready();
  return app;
}
