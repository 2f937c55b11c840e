import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, RateLimitedError } from '../../core/errors.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { PROBLEM_BASE, type FieldError, type Problem } from '../../schema/common/problem.js';
import type { App } from '../types.js';

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Request body too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Internal error',
};

/** A body can name any number of bad fields (60,000 unknown keys): the answer lists this many and counts the rest. */
export const MAX_LISTED_ERRORS = 100;

export function sendProblem(
  reply: FastifyReply,
  status: number,
  type: string,
  detail?: string,
  errors?: FieldError[],
  alsoNotListed = 0,
) {
  const notListed = Math.max(0, (errors?.length ?? 0) - MAX_LISTED_ERRORS) + alsoNotListed;
  const body: Problem = {
    type: PROBLEM_BASE + type,
    title: TITLES[status] ?? 'Error',
    status,
    ...(detail ? { detail } : {}),
    ...(errors?.length ? { errors: errors.slice(0, MAX_LISTED_ERRORS) } : {}),
    ...(notListed ? { errorsNotListed: notListed } : {}),
  };
  return reply.code(status).type('application/problem+json').send(body);
}

const CONTEXT_NAMES: Record<string, string> = { querystring: 'query', body: 'body', params: 'path', headers: 'header' };
const REQUEST_PARTS: Record<string, 'query' | 'body' | 'params' | 'headers'> = {
  querystring: 'query',
  body: 'body',
  params: 'params',
  headers: 'headers',
};

/** Whether the request left out the value at `path` (Zod's own message would read "expected string, received undefined"). */
export function isMissing(input: unknown, path: readonly PropertyKey[]): boolean {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return false;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v === undefined;
}

/**
 * Zod issues (as Fastify hands them over) → one entry per bad field, unknown keys named one by one. Only the first
 * MAX_LISTED_ERRORS entries are built; `total` counts them all.
 */
function fieldErrors(
  err: FastifyError & { validation: unknown[]; validationContext?: string },
  request: FastifyRequest,
): { errors: FieldError[]; total: number } {
  const part = REQUEST_PARTS[err.validationContext ?? 'body'];
  const input = part ? request[part] : undefined;
  const context = CONTEXT_NAMES[err.validationContext ?? 'body'] ?? err.validationContext ?? 'body';
  const errors: FieldError[] = [];
  let total = 0;
  const add = (e: () => FieldError) => {
    if (total++ < MAX_LISTED_ERRORS) errors.push(e());
  };
  for (const v of err.validation as Array<{
    keyword?: string;
    instancePath?: string;
    message?: string;
    params?: { keys?: string[] };
  }>) {
    const path = (v.instancePath ?? '').split('/').filter(Boolean);
    const base = [context, ...path].join('.');
    if (v.keyword === 'unrecognized_keys' && v.params?.keys?.length) {
      for (const key of v.params.keys) add(() => ({ field: `${base}.${key}`, message: 'Unknown field' }));
    } else if (v.keyword === 'invalid_type' && isMissing(input, path)) {
      add(() => ({ field: base, message: 'Required' }));
    } else {
      add(() => ({ field: base, message: v.message ?? 'Invalid value' }));
    }
  }
  return { errors, total };
}

export function registerProblemHandlers(app: App) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const { errors, total } = fieldErrors(err as never, request);
      const detail = `${total} field${total === 1 ? ' is' : 's are'} not valid${total > errors.length ? ` (the first ${errors.length} are listed)` : ''}`;
      return sendProblem(reply, 400, 'validation', detail, errors, total - errors.length);
    }
    if (err instanceof DomainError) {
      if (err instanceof RateLimitedError) reply.header('retry-after', String(err.retryAfterSeconds));
      return sendProblem(reply, err.status, err.problem, err.message, err.errors);
    }
    // A rule the database holds (a unique index) refused a write that slipped past the check before it.
    if (isUniqueViolation(err))
      return sendProblem(
        reply,
        409,
        'conflict',
        'This conflicts with a record written at the same moment; reload and try again',
      );
    const status = err.statusCode ?? 500;
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const limit = request.routeOptions.bodyLimit ?? 1024 * 1024;
      return sendProblem(
        reply,
        413,
        'payload-too-large',
        `The request body is larger than this route's limit of ${Math.round(limit / 1048576)} MiB`,
      );
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return sendProblem(reply, 415, 'unsupported-media-type', 'Send JSON (content-type: application/json)');
    if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
      return sendProblem(reply, 400, 'validation', 'The JSON body is empty', [{ field: 'body', message: 'Required' }]);
    if (
      status === 400 &&
      (err.code === 'FST_ERR_CTP_INVALID_JSON' || err instanceof SyntaxError || /JSON/.test(err.message))
    ) {
      return sendProblem(reply, 400, 'validation', 'The body is not valid JSON', [
        { field: 'body', message: 'Not valid JSON' },
      ]);
    }
    if (status >= 400 && status < 500)
      return sendProblem(reply, status, status === 404 ? 'not-found' : 'bad-request', err.message);
    request.log.error({ err }, 'unhandled error');
    return sendProblem(reply, 500, 'internal', 'Something went wrong on our side; the error has been logged');
  });
}
