import { z } from 'zod';
import { problemSchema } from '../schema/common/problem.js';

/**
 * What the OpenAPI document says about each operation beyond its own schemas: a stable `operationId` and the
 * problem+json answers it can really give. Both are derived from facts of the route (method, path, access,
 * permission, whether it takes a body) so that a new route is described like the others without anyone
 * remembering to. docs/API.md states the rules; test/integration/openapi-operations.test.ts holds them.
 */

export interface OperationFacts {
  method: string;
  /** the route's path as Fastify declares it (`/api/v1/orgs/:org/risks/:id`) */
  url: string;
  access?: 'public' | 'user';
  permission?: string;
  /** takes a JSON body or an upload (413 and 415 can answer) */
  takesBody: boolean;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Answers a few routes give beyond what their kind implies (a body names the record that may be gone, a sign-in is throttled). */
const EXTRA: Record<string, number[]> = {
  'POST /api/v1/auth/login': [429],
  'POST /api/v1/invitations/preview': [404],
  'POST /api/v1/invitations/redeem': [404],
};

/**
 * `GET /api/v1/orgs/:org/risks/:id/treatment` → `getOrgRisksByIdTreatment`: the HTTP method, then each path
 * segment after `/api/v1` in PascalCase, a parameter as `By<Name>`, except that the leading `orgs/{org}` of an
 * organization route reads `Org`. Deterministic and unique because paths are (the test checks uniqueness anyway).
 */
export function operationIdFor(method: string, url: string): string {
  let segs = url.split('/').filter(Boolean).slice(1); // drop "api"
  if (segs[0] === 'v1') segs = segs.slice(1);
  if (segs[0] === 'orgs' && segs[1] === ':org') segs = ['org', ...segs.slice(2)];
  const pascal = (s: string) =>
    s
      .split(/[^A-Za-z0-9]+/)
      .filter(Boolean)
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join('');
  const words = segs.map((s) => (s.startsWith(':') ? `By${pascal(s.slice(1))}` : pascal(s)));
  return method.toLowerCase() + words.join('');
}

/** The problem statuses an operation can answer, by its kind (see docs/API.md, "Errors each operation lists"). */
export function errorStatusesFor(f: OperationFacts): number[] {
  const write = WRITES.has(f.method);
  const hasParams = f.url.includes('/:');
  const statuses = new Set<number>([400]); // every /api route: NUL characters, malformed URL, invalid input
  if (f.access !== 'public') statuses.add(401);
  if (f.permission || (f.access !== 'public' && write)) statuses.add(403); // a role, or the CSRF header on writes
  if (hasParams) statuses.add(404).add(414); // a record not found (or in another organization); an over-long segment
  if (write) statuses.add(409); // a stale version, a rule the record breaks, a unique index
  if (f.takesBody) statuses.add(413).add(415);
  if (f.url.endsWith('/import')) statuses.add(429); // the table reader is busy
  // PDFs are laid out in the worker pool: busy (429), or beyond one export's memory or time (422)
  if (f.url.endsWith('.pdf') || f.url.endsWith('/evidence-package') || (write && f.url.endsWith('/certification-pack')))
    statuses.add(422).add(429);
  for (const s of EXTRA[`${f.method} ${f.url}`] ?? []) statuses.add(s);
  return [...statuses].sort((a, b) => a - b);
}

const RESPONSE_NAMES: Record<number, [string, string]> = {
  400: ['BadRequest', 'Invalid request: a field is missing or wrong (each named in `errors`), or the URL is malformed'],
  401: ['Unauthenticated', 'Not signed in, or the session or token is not valid'],
  403: ['Forbidden', "Your role does not allow this, or a session's write lacks the x-csrf-token header"],
  404: ['NotFound', 'No such record (or organization) that you can see'],
  409: ['Conflict', 'The record changed since you read it (expectedVersion), or the change breaks a rule'],
  413: ['PayloadTooLarge', "The body is larger than this route's limit"],
  414: ['UriTooLong', 'A part of the URL is too long'],
  415: ['UnsupportedMediaType', 'The body is not in a content type this route reads'],
  422: ['TooLargeToRender', 'The document is too large to render as a PDF here: export it as DOCX or XLSX'],
  429: ['TooManyRequests', 'Too many attempts, or the server is busy: wait for the Retry-After seconds'],
};

type Doc = {
  paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, unknown> }>>;
  components?: { schemas?: Record<string, unknown>; responses?: Record<string, unknown> };
  [k: string]: unknown;
};

/** Adds the shared Problem schema and one named response per status, and references them from every operation. */
export function describeOperations(doc: Doc, facts: Map<string, OperationFacts>): Doc {
  const { $schema: _drop, ...problem } = z.toJSONSchema(problemSchema, { target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  const responses: Record<string, unknown> = {};
  for (const [name, description] of Object.values(RESPONSE_NAMES)) {
    responses[name] = {
      description,
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    };
  }
  const paths: Doc['paths'] = {};
  for (const [path, ops] of Object.entries(doc.paths)) {
    paths[path] = {};
    for (const [method, op] of Object.entries(ops)) {
      const f = facts.get(`${method.toUpperCase()} ${path}`);
      if (!f) {
        paths[path][method] = op;
        continue;
      }
      const errors = Object.fromEntries(
        errorStatusesFor(f).map((s) => [String(s), { $ref: `#/components/responses/${RESPONSE_NAMES[s]![0]}` }]),
      );
      paths[path][method] = {
        ...op,
        operationId: operationIdFor(f.method, f.url),
        responses: { ...op.responses, ...errors },
      };
    }
  }
  return {
    ...doc,
    paths,
    components: {
      ...doc.components,
      schemas: { ...doc.components?.schemas, Problem: problem },
      responses: { ...doc.components?.responses, ...responses },
    },
  };
}

/** `/api/v1/orgs/:org/risks/:id` → `/api/v1/orgs/{org}/risks/{id}`, as the document writes paths. */
export const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');
