import crypto from 'node:crypto';
import type { Methodology } from '../../src/schema/risks/methodology.schema.js';
import { STARTING_METHODOLOGIES } from '../../src/schema/risks/starting-methodologies.js';
import type { TestOrg } from './factories.js';
import type { Caller } from './http.js';

const uniq = () => crypto.randomBytes(4).toString('hex');
type Made = { id: string; ref: string; version: number } & Record<string, unknown>;

export const startingMethodology = (key: 'five-by-five' | 'three-by-three' | 'semi-quantitative'): Methodology =>
  structuredClone(STARTING_METHODOLOGIES.find((m) => m.key === key)!.methodology);

/** A 4 × 4 matrix made from the 3 × 3 starting methodology: one more level on each scale. */
export function fourByFour(): Methodology {
  const m = startingMethodology('three-by-three');
  m.likelihood.levels.push({ value: 4, label: 'Very high', description: '', from: null, to: null });
  m.consequence.levels.push({ value: 4, label: 'Very high', description: '', from: null, to: null });
  m.rule = {
    kind: 'matrix',
    cells: [
      ['low', 'low', 'medium', 'medium'],
      ['low', 'medium', 'medium', 'high'],
      ['medium', 'medium', 'high', 'high'],
      ['medium', 'high', 'high', 'high'],
    ],
  };
  return m;
}

async function ok(res: { statusCode: number; body: string; json: () => unknown }, expected: number, what: string) {
  if (res.statusCode !== expected) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as Made;
}

/** Saves `methodology` as the next draft of the organization's methodology (created when missing) and approves it. */
export async function approveMethodology(
  org: TestOrg,
  methodology: Methodology,
  recordId?: string,
): Promise<{ id: string; versionNo: number }> {
  const base = `/api/v1/orgs/${org.slug}/risk-methodologies`;
  const id =
    recordId ??
    (
      await ok(
        await org.as.isms_manager.post(base, { title: 'Risk assessment methodology' }),
        201,
        'create methodology',
      )
    ).id;
  const draft = await ok(
    await org.as.isms_manager.request('PUT', `${base}/${id}/draft`, {
      content: { summary: 'Assessed yearly and on change.', methodology },
    }),
    200,
    'save methodology draft',
  );
  const versionNo = draft.versionNo as number;
  await ok(
    await org.as.approver.post(`${base}/${id}/versions/${versionNo}/approve`, { contentHash: draft.contentHash }),
    200,
    'approve methodology',
  );
  return { id, versionNo };
}

export const buildRisk = async (c: Caller, org: string, overrides: Record<string, unknown> = {}) =>
  ok(await c.post(`/api/v1/orgs/${org}/risks`, { title: `Risk ${uniq()}`, ...overrides }), 201, 'buildRisk');
