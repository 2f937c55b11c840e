import crypto from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import type { DatabaseKind } from '../../src/db/connect.js';
import { testEnv, type TestEnv } from './app.js';
import type { Control } from './control-factories.js';
import { buildOrg, type TestOrg } from './factories.js';
import { buildRisk } from './risk-factories.js';

/** The 2022 Annex A identifiers in catalog order, written out independently of the catalog data. */
export const REFS_2022 = [
  ...Array.from({ length: 37 }, (_, i) => `5.${i + 1}`),
  ...Array.from({ length: 8 }, (_, i) => `6.${i + 1}`),
  ...Array.from({ length: 14 }, (_, i) => `7.${i + 1}`),
  ...Array.from({ length: 34 }, (_, i) => `8.${i + 1}`),
];
export const uuid = () => crypto.randomUUID();
/** The fields a problem answer names (`body.x`). */
export const fields = (res: LightMyRequestResponse) =>
  ((res.json().errors ?? []) as { field: string }[]).map((e) => e.field);

/** What `GET /controls/{id}/drivers` answers. */
export interface Drivers {
  risks: {
    id: string;
    ref: string;
    effect: string;
    level: string | null;
    acceptable: boolean | null;
    status: string;
  }[];
  requirements: { id: string; ref: string; title: string }[];
}

/**
 * The set-up every controls and risk-treatment test file shares (they were split from one file): a server on a
 * fresh database of `kind` with an organization (and, with `other`, a second one for isolation checks), made
 * before the file's tests and closed after them, and helpers bound to it. `org` and `controls` may be replaced by a
 * test that builds its own organization; the helpers read them when called. Call it inside `describe.each(DIALECTS)`.
 */
export class ControlsSuite {
  env!: TestEnv;
  org!: TestOrg;
  other!: TestOrg;
  controls = new Map<string, Control>();

  url = (path = '', o: TestOrg = this.org) => `/api/v1/orgs/${o.slug}${path}`;
  db = () => this.env.handle.db;
  /** the control of this reference in `controls` */
  c = (ref: string): Control => {
    const found = this.controls.get(ref);
    if (!found) throw new Error(`no control ${ref} in this test's controls`);
    return found;
  };
  controlRow = (id: string) =>
    this.db().selectFrom('controls').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  events = (type: string, o: TestOrg = this.org) =>
    this.db()
      .selectFrom('auditEvents')
      .select(['type', 'entityId', 'payload'])
      .where('orgId', '=', o.id)
      .where('type', '=', type)
      .orderBy('seq')
      .execute();
  listRefs = async (query: string, o: TestOrg = this.org) => {
    const res = await o.as.viewer.get(this.url(`/controls?pageSize=200${query}`, o));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return (res.json().items as Control[]).map((x) => x.ref);
  };
  drivers = async (id: string, o: TestOrg = this.org): Promise<Drivers> => {
    const res = await o.as.viewer.get(this.url(`/controls/${id}/drivers`, o));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json();
  };
  patchOk = async (o: TestOrg, id: string, body: Record<string, unknown>): Promise<Control> => {
    const res = await o.as.isms_manager.patch(this.url(`/controls/${id}`, o), body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  /** a risk with an owner and an analysis (status assessed) once the organization has an approved methodology */
  assessedRisk = (o: TestOrg = this.org, overrides: Record<string, unknown> = {}) =>
    buildRisk(o.as.contributor, o.slug, {
      ownerId: o.users.contributor.id,
      likelihood: 3,
      consequence: 3,
      ...overrides,
    });
}

export function controlsSuite(kind: DatabaseKind, opts: { other?: boolean } = {}): ControlsSuite {
  const s = new ControlsSuite();
  beforeAll(async () => {
    s.env = await testEnv(kind);
    s.org = await buildOrg(s.env.app, s.env.handle);
    if (opts.other) s.other = await buildOrg(s.env.app, s.env.handle);
  });
  afterAll(() => s.env?.close());
  return s;
}
