import { expect } from 'vitest';
import type { TestOrg } from './factories.js';
import { buildAction } from './factories.js';
import { buildIssue, buildParty, buildRequirement } from './context-factories.js';
import { chooseEdition, setTreatment } from './control-factories.js';
import { buildEvidence } from './evidence-factories.js';
import { approveMethodology, buildRisk, startingMethodology } from './risk-factories.js';

/**
 * What the page summary tests (issue 15) read: a risk with one of everything its page shows (treatment control,
 * planned action, linked issue, attached evidence) and one with thirty of each; a control needed by one risk and
 * one needed by thirty, each with as many linked requirements and evidence.
 */
export interface PageFixture {
  one: { id: string; ref: string };
  many: { id: string; ref: string };
  controlFew: { id: string };
  controlMany: { id: string };
}

const PAST = '2020-01-01';

async function linked(org: TestOrg, body: Record<string, string>) {
  const res = await org.as.isms_manager.post(`/api/v1/orgs/${org.slug}/links`, body);
  expect(res.statusCode, res.body).toBe(201);
}

/** A risk owned and analysed, treated with `controlIds`, with `n` planned actions, linked issues and evidence. */
async function seedRisk(org: TestOrg, n: number, controlIds: string[]) {
  const manager = org.as.isms_manager;
  const risk = await buildRisk(manager, org.slug, {
    likelihood: 4,
    consequence: 4,
    ownerId: org.users.isms_manager.id,
  });
  await setTreatment(manager, org.slug, risk.id, {
    options: [{ option: 'modify', rationale: 'Reduce the likelihood' }],
    controls: controlIds.map((controlId) => ({ controlId, effect: 'likelihood' })),
  });
  for (let i = 0; i < n; i++) {
    // every other action is the manager's and overdue, so the home page's counts have something to count
    await buildAction(manager, org.slug, {
      sourceType: 'risk',
      sourceId: risk.id,
      ...(i % 2 === 0 ? { ownerId: org.users.isms_manager.id, dueDate: PAST } : {}),
    });
    const issue = await buildIssue(manager, org.slug);
    await linked(org, { fromType: 'issue', fromId: issue.id, toType: 'risk', toId: risk.id });
    await buildEvidence(manager, org.slug, { attachToType: 'risk', attachToId: risk.id });
  }
  return { id: risk.id, ref: risk.ref };
}

/** A control with `n` linked requirements and `n` attached evidence. */
async function seedControl(org: TestOrg, n: number, controlId: string) {
  const party = await buildParty(org.as.isms_manager, org.slug);
  for (let i = 0; i < n; i++) {
    const requirement = await buildRequirement(org.as.isms_manager, org.slug, party.id);
    await linked(org, { fromType: 'requirement', fromId: requirement.id, toType: 'control', toId: controlId });
    await buildEvidence(org.as.isms_manager, org.slug, { attachToType: 'control', attachToId: controlId });
  }
}

export async function seedPages(org: TestOrg): Promise<PageFixture> {
  await approveMethodology(org, startingMethodology('five-by-five'));
  const controls = [...(await chooseEdition(org)).values()].map((c) => c.id);
  const [controlFew, controlMany] = [controls[40]!, controls[41]!];
  const one = await seedRisk(org, 1, [controlFew]);
  const many = await seedRisk(org, 30, [...controls.slice(0, 30), controlMany]);
  // 29 more risks need controlMany: 30 in all
  for (let i = 0; i < 29; i++) {
    const r = await buildRisk(org.as.isms_manager, org.slug);
    await setTreatment(org.as.isms_manager, org.slug, r.id, {
      options: [{ option: 'modify', rationale: 'Reduce it' }],
      controls: [{ controlId: controlMany, effect: 'both' }],
    });
  }
  await seedControl(org, 1, controlFew);
  await seedControl(org, 30, controlMany);
  return { one, many, controlFew: { id: controlFew }, controlMany: { id: controlMany } };
}

/** Calls a reassessment trigger on the risk (occurring in the future, so the risk is due until evaluated again). */
export async function callForReassessment(org: TestOrg, riskId: string) {
  const base = `/api/v1/orgs/${org.slug}/reassessment-triggers`;
  const t = await org.as.isms_manager.post(base, {
    title: 'Moved hosting to a new provider',
    kind: 'significant_change',
    occurredOn: '2099-01-01',
  });
  expect(t.statusCode, t.body).toBe(201);
  const set = await org.as.isms_manager.request('PUT', `${base}/${t.json().id}/risks`, { riskIds: [riskId] });
  expect(set.statusCode, set.body).toBe(200);
}
