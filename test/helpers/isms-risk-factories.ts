import crypto from 'node:crypto';
import type { Caller } from './http.js';

const uniq = () => crypto.randomBytes(4).toString('hex');
type Made = { id: string; ref: string; version: number } & Record<string, unknown>;

/** An ISMS risk (or, with `kind: 'opportunity'` and a fitting category, an opportunity) of the organization. */
export async function buildIsmsRisk(c: Caller, org: string, overrides: Record<string, unknown> = {}): Promise<Made> {
  const res = await c.post(`/api/v1/orgs/${org}/isms-risks`, {
    kind: 'risk',
    title: `ISMS risk ${uniq()}`,
    category: 'weak_awareness',
    ...overrides,
  });
  if (res.statusCode !== 201) throw new Error(`buildIsmsRisk: ${res.statusCode} ${res.body}`);
  return res.json() as Made;
}

/** An action planned from an ISMS risk, as the "Plan an action" page sends it. */
export async function planAction(c: Caller, org: string, riskId: string, overrides: Record<string, unknown> = {}) {
  return c.post(`/api/v1/orgs/${org}/actions`, {
    title: `Action ${uniq()}`,
    sourceType: 'isms_risk',
    sourceId: riskId,
    ...overrides,
  });
}
