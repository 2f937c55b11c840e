import crypto from 'node:crypto';
import type { Caller } from './http.js';

const uniq = () => crypto.randomBytes(4).toString('hex');
type Made = { id: string; ref: string; version: number } & Record<string, unknown>;

async function post(c: Caller, url: string, body: Record<string, unknown>, what: string): Promise<Made> {
  const res = await c.post(url, body);
  if (res.statusCode !== 201) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as Made;
}

export const buildAsset = (c: Caller, org: string, overrides: Record<string, unknown> = {}) =>
  post(c, `/api/v1/orgs/${org}/assets`, { name: `Asset ${uniq()}`, type: 'information', ...overrides }, 'buildAsset');

export const buildDependency = (
  c: Caller,
  org: string,
  supportingAssetId: string,
  supportedAssetId: string,
  overrides: Record<string, unknown> = {},
) =>
  post(
    c,
    `/api/v1/orgs/${org}/asset-dependencies`,
    { supportingAssetId, supportedAssetId, ...overrides },
    'buildDependency',
  );

export const buildThreat = (c: Caller, org: string, overrides: Record<string, unknown> = {}) =>
  post(
    c,
    `/api/v1/orgs/${org}/threats`,
    { name: `Threat ${uniq()}`, group: 'physical', origin: 'accidental', ...overrides },
    'buildThreat',
  );

export const buildVulnerability = (c: Caller, org: string, overrides: Record<string, unknown> = {}) =>
  post(
    c,
    `/api/v1/orgs/${org}/vulnerabilities`,
    { name: `Vulnerability ${uniq()}`, group: 'software', ...overrides },
    'buildVulnerability',
  );
