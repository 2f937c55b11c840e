import crypto from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can } from '../../src/schema/auth/permissions.js';
import { ROLES } from '../../src/schema/auth/roles.js';
import type { RouteEntry } from '../../src/server/types.js';
import { testEnv, type TestEnv } from './app.js';
import { DIALECTS } from './databases.js';
import { buildOrg, type TestOrg } from './factories.js';
import { anonymous, type Caller } from './http.js';
import {
  fillUrl,
  isApiDocs,
  isRawBody,
  loadApi,
  makeParams,
  routeKey,
  send,
  validBody,
  validQuery,
  type JsonSchema,
} from './routes.js';

/**
 * Generated input over the whole OpenAPI document: for every operation, a caller allowed to make it sends path
 * parameters, query strings and JSON bodies generated from the operation's schemas (fast-check), on real records
 * of a seeded organization, and no answer may be a 5xx. Integers lean on the edges where databases differ (a 32-bit
 * column on PostgreSQL, 2^53 in JSON), strings on their length limits and beyond, objects get unknown keys.
 * The operations are split over several test files (shards), one test per operation and a fixed number of runs
 * each, seeded by the operation so a failure reproduces.
 */

type Schema = JsonSchema & {
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
};
type Parameter = { in: string; name: string; required?: boolean; schema?: Schema };

export const RUNS_PER_OPERATION = 12;
const EDGE_INTEGERS = [
  0,
  1,
  -1,
  2_147_483_647,
  2_147_483_648,
  -2_147_483_649,
  2 ** 31 * 4,
  2 ** 53 - 1,
  2 ** 53,
  -(2 ** 53),
  1e300,
];
const edgeStrings = (max = 200) => [
  '',
  ' ',
  'x'.repeat(max),
  'x'.repeat(max + 1),
  '\u{1F600}'.repeat(max),
  "' OR 1=1 --",
  '%00',
  '../../etc/passwd',
  '__proto__',
];

/** Not fuzzed: signing out would end the session the other runs use. */
const SKIPPED = new Set(['POST /api/v1/auth/logout']);

function integerArb(s: Schema): fc.Arbitrary<number> {
  const bounds = [s.minimum, s.maximum, s.exclusiveMinimum].filter(
    (v): v is number => typeof v === 'number' && Number.isFinite(v),
  );
  const near = bounds.flatMap((b) => [b - 1, b, b + 1]).filter((v) => Number.isSafeInteger(v) || Math.abs(v) > 2 ** 53);
  return fc.oneof(
    { arbitrary: fc.constantFrom(...EDGE_INTEGERS, ...near), weight: 3 },
    { arbitrary: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), weight: 1 },
    { arbitrary: fc.maxSafeInteger(), weight: 1 },
  );
}

function stringArb(s: Schema): fc.Arbitrary<string> {
  const generic = fc.oneof(
    fc.constantFrom(...edgeStrings(s.maxLength)),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
  );
  if (s.enum)
    return fc.oneof(
      { arbitrary: fc.constantFrom(...(s.enum as string[])), weight: 3 },
      { arbitrary: generic, weight: 1 },
    );
  if (s.format === 'uuid')
    return fc.oneof({ arbitrary: fc.uuid({ version: 4 }), weight: 2 }, { arbitrary: generic, weight: 1 });
  if (s.format === 'date')
    return fc.oneof(
      fc
        .date({ noInvalidDate: true, min: new Date(-62135596800000), max: new Date(253402300799000) })
        .map((d) => d.toISOString().slice(0, 10)),
      fc.constantFrom('2024-02-30', '0000-01-01', '9999-12-31'),
      generic,
    );
  return generic;
}

/** Values for a JSON schema: mostly of its type (at and beyond its limits), sometimes of another type. */
export function arbFor(s: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s) return fc.anything({ maxDepth: 1 });
  if (s.anyOf?.length || s.oneOf?.length)
    return fc.oneof(...(s.anyOf ?? s.oneOf)!.map((x) => arbFor(x as Schema, depth)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  const other = fc.constantFrom<unknown>(null, true, 'text', 12, [], {});
  let own: fc.Arbitrary<unknown>;
  if (type === 'integer' || type === 'number') own = integerArb(s);
  else if (type === 'string' || s.enum) own = stringArb(s);
  else if (type === 'boolean') own = fc.boolean();
  else if (type === 'array')
    own = depth > 3 ? fc.constant([]) : fc.array(arbFor(s.items as Schema, depth + 1), { maxLength: 3 });
  else if (type === 'object') own = depth > 3 ? fc.constant({}) : objectArb(s, depth);
  else own = fc.anything({ maxDepth: 1 });
  return fc.oneof({ arbitrary: own, weight: 6 }, { arbitrary: other, weight: 1 });
}

/** Some of the object's properties, generated, sometimes with an unknown key. */
function objectArb(s: Schema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.fromEntries(
    Object.entries(s.properties ?? {}).map(([k, v]) => [k, arbFor(v as Schema, depth + 1)]),
  );
  return fc
    .tuple(
      fc.record(props, { requiredKeys: [] }),
      fc.option(fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.integer(), { maxKeys: 3 }), { freq: 3 }),
    )
    .map(([known, unknown]) => ({ ...known, ...(unknown ?? {}) }));
}

const seedOf = (key: string) => crypto.createHash('sha256').update(key).digest().readInt32BE(0);

function queryString(params: URLSearchParams, generated: Record<string, unknown>): string {
  const q = new URLSearchParams(params);
  for (const [k, v] of Object.entries(generated)) {
    if (v === undefined) continue;
    q.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Defines the tests of one shard (`shard` of `shards`) of the OpenAPI operations, on every database. */
export async function fuzzShard(shard: number, shards: number) {
  const api = await loadApi();
  const routes = api.catalog
    .filter((r) => !isApiDocs(r) && !SKIPPED.has(routeKey(r)))
    .filter((_, i) => i % shards === shard);

  describe.each(DIALECTS)(`generated input (shard ${shard + 1} of ${shards}) on %s`, (kind) => {
    let env: TestEnv;
    let org: TestOrg;
    beforeAll(async () => {
      env = await testEnv(kind);
      org = await buildOrg(env.app, env.handle);
    });
    afterAll(() => env?.close());

    const roleFor = (r: RouteEntry) => (r.permission ? ROLES.find((role) => can(role, r.permission!))! : 'admin');
    const callerFor = (r: RouteEntry): Caller => (r.access === 'public' ? anonymous(env.app) : org.as[roleFor(r)]);

    it.each(routes.map((r) => [routeKey(r), r] as const))('%s answers no 5xx', async (key, r) => {
      const op = api.operation(r);
      const params = (op?.parameters ?? []) as Parameter[];
      const ctx = { env, org, role: roleFor(r) };
      const made: Record<string, string> = { ...(await makeParams(r.url, ctx)), org: org.slug };
      const validQ = new URLSearchParams((await validQuery(r, ctx, made)).replace(/^\?/, ''));
      const valid = await validBody(r, ctx, made);
      const bodySchema = op?.requestBody?.content['application/json']?.schema as Schema | undefined;

      const pathArb = fc.record(
        Object.fromEntries(
          params
            .filter((p) => p.in === 'path' && p.name !== 'org')
            .map((p) => [
              p.name,
              fc.oneof(
                { arbitrary: fc.constant(made[p.name]), weight: 2 },
                { arbitrary: arbFor(p.schema).map(String), weight: 1 },
              ),
            ]),
        ),
      );
      const queryArb = fc.record(
        Object.fromEntries(params.filter((p) => p.in === 'query').map((p) => [p.name, arbFor(p.schema)])),
        { requiredKeys: [] },
      );
      const bodyArb =
        bodySchema && !isRawBody(valid)
          ? fc.oneof({ arbitrary: objectArb(bodySchema, 0), weight: 3 }, { arbitrary: arbFor(bodySchema), weight: 1 })
          : fc.constant(undefined);

      await fc.assert(
        fc.asyncProperty(pathArb, queryArb, bodyArb, async (path, query, generated) => {
          const url = fillUrl(r.url, { ...made, ...(path as Record<string, string>) }) + queryString(validQ, query);
          const body =
            generated === undefined
              ? valid
              : typeof generated === 'object' && generated && !Array.isArray(generated) && valid && !isRawBody(valid)
                ? { ...valid, ...generated }
                : generated;
          const res = await send(callerFor(r), r.method, url, body as never);
          expect(
            res.statusCode,
            `${key}: ${r.method} ${url.slice(0, 300)} ${JSON.stringify(body)?.slice(0, 300)} → ${res.body.slice(0, 300)}`,
          ).toBeLessThan(500);
        }),
        { numRuns: RUNS_PER_OPERATION, seed: seedOf(key), endOnFailure: true },
      );
    });
  });
}
