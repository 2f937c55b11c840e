import crypto from 'node:crypto';
import type { Caller } from './http.js';

const uniq = () => crypto.randomBytes(4).toString('hex');
type Made = { id: string; ref: string; version: number } & Record<string, unknown>;

async function post(c: Caller, url: string, body: Record<string, unknown>, what: string): Promise<Made> {
  const res = await c.post(url, body);
  if (res.statusCode !== 201) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as Made;
}

export const buildIssue = (c: Caller, org: string, overrides: Record<string, unknown> = {}) =>
  post(
    c,
    `/api/v1/orgs/${org}/issues`,
    { title: `Issue ${uniq()}`, direction: 'external', category: 'technological', ...overrides },
    'buildIssue',
  );

export const buildParty = (c: Caller, org: string, overrides: Record<string, unknown> = {}) =>
  post(
    c,
    `/api/v1/orgs/${org}/interested-parties`,
    { name: `Party ${uniq()}`, direction: 'external', type: 'customer', ...overrides },
    'buildParty',
  );

export const buildRequirement = (c: Caller, org: string, partyId: string, overrides: Record<string, unknown> = {}) =>
  post(
    c,
    `/api/v1/orgs/${org}/requirements`,
    { partyId, title: `Requirement ${uniq()}`, kind: 'contractual', ...overrides },
    'buildRequirement',
  );

export const buildFeedback = (c: Caller, org: string, overrides: Record<string, unknown> = {}) =>
  post(
    c,
    `/api/v1/orgs/${org}/party-feedback`,
    { summary: `Feedback ${uniq()}`, kind: 'complaint', receivedOn: '2026-03-01', ...overrides },
    'buildFeedback',
  );
