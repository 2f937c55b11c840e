import crypto from 'node:crypto';
import { expect } from 'vitest';
import type { TestOrg } from './factories.js';
import { answerEveryInput } from './management-review-bodies.js';

const uniq = () => crypto.randomBytes(4).toString('hex');
export const reviewsPath = (org: TestOrg) => `/api/v1/orgs/${org.slug}/management-reviews`;
export const decisionsPath = (org: TestOrg) => `/api/v1/orgs/${org.slug}/management-review-decisions`;

export interface ReviewRecord {
  id: string;
  ref: string;
  version: number;
  status: string;
  nextReviewDue: string | null;
  approvedVersion: number | null;
  [k: string]: unknown;
}

/** A review planned by the ISMS manager, chaired by the approver (top management) unless overridden. */
export async function buildReview(org: TestOrg, fields: Record<string, unknown> = {}) {
  const res = await org.as.isms_manager.post(reviewsPath(org), {
    title: `Management review ${uniq()}`,
    plannedDate: '2026-03-01',
    chairId: org.users.approver.id,
    ...fields,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as ReviewRecord;
}

export async function buildDecision(org: TestOrg, reviewId: string, fields: Record<string, unknown> = {}) {
  const res = await org.as.contributor.post(decisionsPath(org), {
    reviewId,
    input: 'performance',
    kind: 'performance_actions',
    statement: `Decided ${uniq()}`,
    ...fields,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; ref: string; status: string; version: number } & Record<string, unknown>;
}

/** Saves the minutes' draft (as the ISMS manager): the server fills attendance, inputs and decisions. */
export async function saveMinutes(org: TestOrg, reviewId: string, content: Record<string, unknown> = {}) {
  const res = await org.as.isms_manager.request('PUT', `${reviewsPath(org)}/${reviewId}/draft`, {
    content: { conclusions: 'The ISMS remains suitable, adequate and effective', ...content },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { versionNo: number; contentHash: string; content: Record<string, unknown> };
}

/** Every input answered, the draft saved, approved by the chair (the approver): version approved. */
export async function approveMinutes(org: TestOrg, reviewId: string, answer = true) {
  if (answer) await answerEveryInput(org, reviewId);
  const d = await saveMinutes(org, reviewId);
  const res = await org.as.approver.post(`${reviewsPath(org)}/${reviewId}/versions/${d.versionNo}/approve`, {
    contentHash: d.contentHash,
  });
  expect(res.statusCode, res.body).toBe(200);
  return d;
}
