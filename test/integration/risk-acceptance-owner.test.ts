import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { chooseEdition, setTreatment } from '../helpers/control-factories.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { approveMethodology, buildRisk, startingMethodology } from '../helpers/risk-factories.js';

/**
 * The owner's acceptance of a residual risk (6.1.3 f) is bound to the owner who gave it: a change of owner makes it
 * outdated, so a contributor cannot make themself owner, accept, and hand the risk back with the acceptance
 * standing. The acceptance moves the risk to "accepted"; an outdated acceptance moves it back.
 */
describe.each(DIALECTS)("the risk owner's acceptance is bound to the owner on %s", (kind) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv(kind);
  });
  afterAll(() => env?.close());
  const url = (org: TestOrg, path: string) => `/api/v1/orgs/${org.slug}${path}`;

  /** A risk owned by the ISMS manager, beyond acceptance, with a treatment whose residual is still beyond it. */
  async function treatedRisk() {
    const org = await buildOrg(env.app, env.handle);
    await approveMethodology(org, startingMethodology('five-by-five'));
    const controls = await chooseEdition(org);
    const risk = await buildRisk(org.as.contributor, org.slug, {
      ownerId: org.users.isms_manager.id,
      likelihood: 5,
      consequence: 5,
    });
    const t = await setTreatment(org.as.contributor, org.slug, risk.id, {
      options: [{ option: 'modify', rationale: 'Reduce' }],
      controls: [{ controlId: controls.get('8.7')!.id, effect: 'likelihood' }],
      residual: { likelihood: 4, consequence: 4 },
    });
    return { org, risk, t };
  }
  const riskOf = async (org: TestOrg, id: string) =>
    (await org.as.viewer.get(url(org, `/risks/${id}`))).json() as { version: number; status: string; ownerId: string };
  const setOwner = async (org: TestOrg, id: string, ownerId: string) => {
    const current = await riskOf(org, id);
    const res = await org.as.contributor.patch(url(org, `/risks/${id}`), { ownerId, expectedVersion: current.version });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { status: string };
  };
  const accept = (org: TestOrg, as: 'contributor' | 'isms_manager', riskId: string, treatmentVersion: number) =>
    org.as[as].post(url(org, `/risks/${riskId}/acceptance`), {
      kind: 'concession',
      justification: 'Budget next year',
      treatmentVersion,
    });
  const acceptedIds = async (org: TestOrg) =>
    ((await org.as.viewer.get(url(org, '/risks?status=accepted'))).json().items as { id: string }[]).map((r) => r.id);
  const checkRefs = async (org: TestOrg, key: string) =>
    (
      (await org.as.viewer.get(url(org, '/treatment-checks'))).json().checks as {
        key: string;
        items: { ref: string }[];
      }[]
    )
      .find((c) => c.key === key)!
      .items.map((i) => i.ref);

  it('a contributor who makes themself owner, accepts a concession and hands ownership back leaves no valid acceptance', async () => {
    const { org, risk, t } = await treatedRisk();
    expect((await accept(org, 'contributor', risk.id, t.version)).statusCode).toBe(403);

    await setOwner(org, risk.id, org.users.contributor.id);
    const ok = await accept(org, 'contributor', risk.id, t.version);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().acceptance.state).toBe('valid');
    expect(await acceptedIds(org)).toEqual([risk.id]);

    const back = await setOwner(org, risk.id, org.users.isms_manager.id);
    expect(back.status).toBe('treatment_planned');
    const treatment = (await org.as.viewer.get(url(org, `/risks/${risk.id}/treatment`))).json();
    expect(treatment.acceptance).toMatchObject({ state: 'outdated', acceptedBy: org.users.contributor.id });
    const plan = (await org.as.viewer.get(url(org, '/risk-treatment-plan'))).json();
    expect(plan.items.find((r: { riskId: string }) => r.riskId === risk.id).acceptance.state).toBe('outdated');
    expect(
      (await org.as.viewer.get(url(org, '/risk-treatment-plan?attention=true')))
        .json()
        .items.map((r: { riskId: string }) => r.riskId),
    ).toContain(risk.id);
    expect(await checkRefs(org, 'risk_without_owner_approval')).toEqual([risk.ref]);
    expect(await checkRefs(org, 'residual_above_acceptance')).toEqual([risk.ref]);
    expect(await acceptedIds(org)).toEqual([]);

    // the real owner's own acceptance holds
    expect((await accept(org, 'isms_manager', risk.id, t.version)).statusCode).toBe(200);
    expect(await checkRefs(org, 'risk_without_owner_approval')).toEqual([]);
    expect(await acceptedIds(org)).toEqual([risk.id]);
  });

  it("an owner's acceptance is outdated once ownership moved away, even when it comes back to them", async () => {
    const { org, risk, t } = await treatedRisk();
    expect((await accept(org, 'isms_manager', risk.id, t.version)).statusCode).toBe(200);
    await setOwner(org, risk.id, org.users.contributor.id);
    await setOwner(org, risk.id, org.users.isms_manager.id);
    expect((await org.as.viewer.get(url(org, `/risks/${risk.id}/treatment`))).json().acceptance.state).toBe('outdated');
    expect(await checkRefs(org, 'risk_without_owner_approval')).toEqual([risk.ref]);
    expect((await riskOf(org, risk.id)).status).toBe('treatment_planned');
  });

  it('nobody sets "accepted" by hand on an acceptance outdated by a change of owner, even back to the one who accepted', async () => {
    const { org, risk, t } = await treatedRisk();
    expect((await accept(org, 'isms_manager', risk.id, t.version)).statusCode).toBe(200);
    await setOwner(org, risk.id, org.users.contributor.id);
    await setOwner(org, risk.id, org.users.isms_manager.id);
    const before = await riskOf(org, risk.id);
    expect(before.status).toBe('treatment_planned');
    const res = await org.as.isms_manager.patch(url(org, `/risks/${risk.id}`), {
      status: 'accepted',
      expectedVersion: before.version,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect((res.json().errors as { field: string }[]).map((e) => e.field)).toEqual(['body.status']);
    expect(await riskOf(org, risk.id)).toEqual(before);
  });

  it('accepting sets the status to accepted (audited), a changed treatment sets it back, and the status filter follows', async () => {
    const { org, risk, t } = await treatedRisk();
    expect(await acceptedIds(org)).toEqual([]);
    expect((await accept(org, 'isms_manager', risk.id, t.version)).statusCode).toBe(200);
    expect((await riskOf(org, risk.id)).status).toBe('accepted');
    expect(await acceptedIds(org)).toEqual([risk.id]);
    const history = (await org.as.viewer.get(url(org, `/risks/${risk.id}/history`))).json().items as {
      type: string;
      payload: Record<string, unknown>;
    }[];
    expect(history[0]).toMatchObject({
      type: 'risk.accepted',
      payload: { statusFrom: 'treatment_planned', statusTo: 'accepted' },
    });

    await setTreatment(org.as.contributor, org.slug, risk.id, {
      options: [{ option: 'modify', rationale: 'Reduce more' }],
      controls: [],
      residual: { likelihood: 4, consequence: 4 },
    });
    expect((await riskOf(org, risk.id)).status).toBe('treatment_planned');
    expect(await acceptedIds(org)).toEqual([]);
  });

  it('nobody sets "accepted" by hand without a valid acceptance (400 naming the field, nothing written)', async () => {
    const { org, risk } = await treatedRisk();
    const before = await riskOf(org, risk.id);
    const res = await org.as.isms_manager.patch(url(org, `/risks/${risk.id}`), {
      status: 'accepted',
      expectedVersion: before.version,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect((res.json().errors as { field: string }[]).map((e) => e.field)).toEqual(['body.status']);
    expect(await riskOf(org, risk.id)).toEqual(before);
  });
});
