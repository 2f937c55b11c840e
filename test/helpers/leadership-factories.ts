import crypto from 'node:crypto';
import type { Caller } from './http.js';

const uniq = () => crypto.randomBytes(4).toString('hex');
type Made = { id: string; ref: string; version: number } & Record<string, unknown>;

async function post(c: Caller, url: string, body: Record<string, unknown>, what: string): Promise<Made> {
  const res = await c.post(url, body);
  if (res.statusCode !== 201) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as Made;
}

export const buildProcess = (c: Caller, org: string, overrides: Record<string, unknown> = {}) =>
  post(c, `/api/v1/orgs/${org}/isms-processes`, { name: `Process ${uniq()}`, ...overrides }, 'buildProcess');

export const buildInteraction = (
  c: Caller,
  org: string,
  fromProcessId: string,
  toProcessId: string,
  overrides: Record<string, unknown> = {},
) =>
  post(
    c,
    `/api/v1/orgs/${org}/process-interactions`,
    { fromProcessId, toProcessId, flows: `Flow ${uniq()}`, ...overrides },
    'buildInteraction',
  );

export const buildRole = (c: Caller, org: string, overrides: Record<string, unknown> = {}) =>
  post(
    c,
    `/api/v1/orgs/${org}/isms-roles`,
    { name: `Role ${uniq()}`, roleType: 'process_owner', ...overrides },
    'buildRole',
  );

export const buildActivity = (c: Caller, org: string, overrides: Record<string, unknown> = {}) =>
  post(c, `/api/v1/orgs/${org}/isms-activities`, { name: `Activity ${uniq()}`, ...overrides }, 'buildActivity');
