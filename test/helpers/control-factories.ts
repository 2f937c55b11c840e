import crypto from 'node:crypto';
import type { TestOrg } from './factories.js';
import type { Caller } from './http.js';

const uniq = () => crypto.randomBytes(4).toString('hex');
export type Control = { id: string; ref: string; version: number; source: string; applicability: string } & Record<
  string,
  unknown
>;

async function ok(res: { statusCode: number; body: string; json: () => unknown }, expected: number, what: string) {
  if (res.statusCode !== expected) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Chooses the organization's Annex A edition (as its ISMS manager) and returns its controls by reference. */
export async function chooseEdition(
  org: TestOrg,
  edition: 'iso27001-2022' | 'iso27001-2013' = 'iso27001-2022',
): Promise<Map<string, Control>> {
  await ok(
    await org.as.isms_manager.post(`/api/v1/orgs/${org.slug}/control-settings/edition`, { edition }),
    200,
    'chooseEdition',
  );
  return controlsByRef(org);
}

/** Every current control of the organization, by reference, in list order (Map keeps insertion order). */
export async function controlsByRef(org: TestOrg, query = ''): Promise<Map<string, Control>> {
  const out = new Map<string, Control>();
  for (let page = 1; ; page++) {
    const body = (await ok(
      await org.as.viewer.get(`/api/v1/orgs/${org.slug}/controls?pageSize=200&page=${page}${query}`),
      200,
      'list controls',
    )) as { items: Control[]; total: number };
    for (const c of body.items) out.set(c.ref, c);
    if (out.size >= body.total || !body.items.length) return out;
  }
}

export const buildCustomControl = async (c: Caller, org: string, overrides: Record<string, unknown> = {}) =>
  (await ok(
    await c.post(`/api/v1/orgs/${org}/controls`, { title: `Custom control ${uniq()}`, ...overrides }),
    201,
    'buildCustomControl',
  )) as Control;

export interface TreatmentBody {
  options?: { option: string; rationale: string }[];
  controls?: { controlId: string; effect: string; note?: string | null }[];
  residual?: Record<string, unknown> | null;
  expectedVersion?: number;
}

/** PUTs a risk's treatment (as a contributor unless told) and returns the raw response. */
export const putTreatment = (c: Caller, org: string, riskId: string, body: TreatmentBody) =>
  c.request('PUT', `/api/v1/orgs/${org}/risks/${riskId}/treatment`, { options: [], controls: [], ...body });

export async function setTreatment(c: Caller, org: string, riskId: string, body: TreatmentBody) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read any field of the answer they assert on
  return (await ok(await putTreatment(c, org, riskId, body), 200, 'setTreatment')) as Record<string, any>;
}
