import { expect } from 'vitest';
import type { PackIndex, PackItem } from '../../src/schema/certification/certification-pack.schema.js';
import type { TestOrg } from './factories.js';
import type { Caller } from './http.js';

export const packPath = (org: TestOrg) => `/api/v1/orgs/${org.slug}/certification-pack`;

/** The pack index as the ISMS manager (or `as`) reads it. */
export async function packIndex(org: TestOrg, date?: string, as: Caller = org.as.isms_manager): Promise<PackIndex> {
  const res = await as.get(`${packPath(org)}${date ? `?date=${date}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PackIndex;
}

export const itemOf = (index: PackIndex, key: string): PackItem => {
  const item = index.items.find((i) => i.key === key);
  expect(item, `item ${key} in ${index.items.map((i) => i.key).join(', ')}`).toBeDefined();
  return item!;
};

/** A scope statement with one approved version (the approver signs the final stage): the record and its hash. */
export async function newScope(org: TestOrg) {
  const res = await org.as.isms_manager.post(`/api/v1/orgs/${org.slug}/scopes`, {
    title: 'ISMS scope',
    ownerId: org.users.isms_manager.id,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; ref: string };
}

export async function approveScope(org: TestOrg, id: string, statement: string, baseContentHash?: string) {
  const base = `/api/v1/orgs/${org.slug}/scopes/${id}`;
  const draft = await org.as.isms_manager.request('PUT', `${base}/draft`, {
    content: {
      statement,
      organizationalScope: 'Head office operations and the customer support unit.',
      exclusions: [],
    },
    stage: 'final',
    ...(baseContentHash ? { baseContentHash } : {}),
  });
  expect(draft.statusCode, draft.body).toBe(200);
  const v = draft.json() as { versionNo: number; contentHash: string };
  const ok = await org.as.approver.post(`${base}/versions/${v.versionNo}/approve`, { contentHash: v.contentHash });
  expect(ok.statusCode, ok.body).toBe(200);
  return v;
}
