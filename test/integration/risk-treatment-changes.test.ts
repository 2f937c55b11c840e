import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildCustomControl, chooseEdition, putTreatment, setTreatment } from '../helpers/control-factories.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';
import { approveMethodology, buildRisk, startingMethodology } from '../helpers/risk-factories.js';

/**
 * Changing a risk's treatment never drops what the client did not mention (issue 13, what an integrator hit): PUT
 * keeps the stored residual rating unless `residual` is given (`null` clears it), PATCH changes only the parts
 * given, and a request that changes nothing writes nothing, so the owner's acceptance still holds.
 */
describe.each(DIALECTS)('partial changes of a risk treatment on %s', (kind) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv(kind);
  });
  afterAll(() => env?.close());
  const url = (org: TestOrg, path: string) => `/api/v1/orgs/${org.slug}${path}`;
  const residual = { likelihood: 1, consequence: 1, rationale: 'Restore within a day' };

  /** An organization whose contributor owns a risk treated with two controls and a rated residual, and accepted. */
  async function acceptedRisk() {
    const org = await buildOrg(env.app, env.handle);
    await approveMethodology(org, startingMethodology('three-by-three'));
    const controls = await chooseEdition(org);
    const risk = await buildRisk(org.as.contributor, org.slug, {
      ownerId: org.users.contributor.id,
      likelihood: 3,
      consequence: 3,
    });
    const body = {
      options: [{ option: 'modify', rationale: 'Backups and patching' }],
      controls: [
        { controlId: controls.get('8.13')!.id, effect: 'consequence', note: 'Offline copies' },
        { controlId: controls.get('8.8')!.id, effect: 'likelihood' },
      ],
      residual,
    };
    const t = await setTreatment(org.as.contributor, org.slug, risk.id, body);
    const accepted = await org.as.contributor.post(url(org, `/risks/${risk.id}/acceptance`), {
      kind: 'within_criteria',
      treatmentVersion: t.version,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    return { org, risk, controls, body, version: t.version as number };
  }
  const patch = (org: TestOrg, riskId: string, body: Record<string, unknown>) =>
    org.as.contributor.patch(url(org, `/risks/${riskId}/treatment`), body);
  const read = async (org: TestOrg, riskId: string) =>
    (await org.as.viewer.get(url(org, `/risks/${riskId}/treatment`))).json();
  const status = async (org: TestOrg, riskId: string) =>
    ((await org.as.viewer.get(url(org, `/risks/${riskId}`))).json() as { status: string }).status;

  it('PUT without the residual key keeps the stored rating; resending what is stored keeps the acceptance', async () => {
    const { org, risk, body, version } = await acceptedRisk();
    const { residual: _left, ...resend } = body;
    const before = await writeCounts(env.handle);
    const same = await setTreatment(org.as.contributor, org.slug, risk.id, resend);
    expect(same).toMatchObject({ version, residual, acceptance: { state: 'valid' } });
    expect(await writeCounts(env.handle)).toEqual(before);
    expect(await status(org, risk.id)).toBe('accepted');

    // other controls without `residual`: a new version (the owner accepts it again), the rating still there
    const changed = await setTreatment(org.as.contributor, org.slug, risk.id, {
      ...resend,
      controls: resend.controls.slice(0, 1),
    });
    expect(changed).toMatchObject({ version: version + 1, residual, acceptance: { state: 'outdated' } });
    expect(changed.residualEvaluation).toMatchObject({ level: 'low', acceptable: true });
    expect(await status(org, risk.id)).toBe('treatment_planned');
  });

  it('PUT with residual null clears the rating', async () => {
    const { org, risk, body, version } = await acceptedRisk();
    const cleared = await setTreatment(org.as.contributor, org.slug, risk.id, { ...body, residual: null });
    expect(cleared).toMatchObject({
      version: version + 1,
      residual: { likelihood: null, consequence: null, rationale: null },
      residualEvaluation: null,
      acceptance: { state: 'outdated' },
    });
  });

  it('PATCH of the controls the risk already has keeps the residual, the version and the acceptance', async () => {
    const { org, risk, body, version } = await acceptedRisk();
    const before = await writeCounts(env.handle);
    const res = await patch(org, risk.id, { controls: body.controls, expectedVersion: version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version, residual, acceptance: { state: 'valid' }, proposedApplicable: [] });
    expect(await writeCounts(env.handle)).toEqual(before);
    expect(await status(org, risk.id)).toBe('accepted');
  });

  it('PATCH of the options alone keeps the controls and the residual; the changed treatment is accepted again', async () => {
    const { org, risk, body, version } = await acceptedRisk();
    const res = await patch(org, risk.id, {
      options: [
        { option: 'modify', rationale: 'Backups and patching' },
        { option: 'retain', rationale: 'What is left is within appetite' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const t = res.json();
    expect(t).toMatchObject({ version: version + 1, residual, acceptance: { state: 'outdated' } });
    expect(t.options.map((o: { option: string }) => o.option)).toEqual(['modify', 'retain']);
    expect(t.controls.map((c: { controlId: string; note: string | null }) => [c.controlId, c.note])).toEqual(
      body.controls.map((c) => [c.controlId, c.note ?? null]),
    );
    expect(await status(org, risk.id)).toBe('treatment_planned');
    const again = await org.as.contributor.post(url(org, `/risks/${risk.id}/acceptance`), {
      kind: 'within_criteria',
      treatmentVersion: t.version,
    });
    expect(again.statusCode, again.body).toBe(200);
  });

  it('PATCH of the residual alone keeps options and controls; an undecided control it does not name stays undecided', async () => {
    const { org, risk, body, controls } = await acceptedRisk();
    const res = await patch(org, risk.id, { residual: { likelihood: 2, consequence: 2 } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      options: body.options,
      residual: { likelihood: 2, consequence: 2, rationale: null },
      proposedApplicable: [],
    });
    expect(res.json().controls).toHaveLength(2);
    const untouched = (await org.as.viewer.get(url(org, `/controls/${controls.get('5.1')!.id}`))).json();
    expect(untouched.applicability).toBe('undecided');
  });

  it('PATCH of the controls makes the undecided ones it names applicable, audited, and keeps the options', async () => {
    const { org, risk, body, controls } = await acceptedRisk();
    const added = controls.get('5.15')!;
    const res = await patch(org, risk.id, {
      controls: [...body.controls, { controlId: added.id, effect: 'both' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ options: body.options, residual, proposedApplicable: ['5.15'] });
    const control = (await org.as.viewer.get(url(org, `/controls/${added.id}`))).json();
    expect(control.applicability).toBe('applicable');
  });

  it('refuses a bad PATCH with the field named, writing nothing', async () => {
    const { org, risk, version } = await acceptedRisk();
    const other = await buildOrg(env.app, env.handle);
    const theirs = await buildCustomControl(other.as.admin, other.slug, { title: 'Other org control' });
    const before = await writeCounts(env.handle);
    const cases: [Record<string, unknown>, string, number][] = [
      [{ bogus: 1 }, 'body', 400],
      [{ residual: { likelihood: 4, consequence: 1 } }, 'body.residual.likelihood', 400],
      [{ controls: [{ controlId: theirs.id, effect: 'likelihood' }] }, 'body.controls.0.controlId', 400],
      [{ options: [{ option: 'modify', rationale: '' }] }, 'body.options.0.rationale', 400],
      [{ options: [], expectedVersion: version - 1 }, 'body.expectedVersion', 409],
    ];
    for (const [b, field, code] of cases) {
      const res = await patch(org, risk.id, b);
      expect(res.statusCode, `${JSON.stringify(b)} → ${res.body}`).toBe(code);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const fields = ((res.json().errors ?? []) as { field: string }[]).map((e) => e.field);
      if (field !== 'body') expect(fields).toContain(field);
    }
    expect(await writeCounts(env.handle)).toEqual(before);
    expect((await read(org, risk.id)).acceptance.state).toBe('valid');
    // a viewer may not change it; another organization's risk is not found
    expect((await org.as.viewer.patch(url(org, `/risks/${risk.id}/treatment`), { options: [] })).statusCode).toBe(403);
    expect((await other.as.admin.patch(url(other, `/risks/${risk.id}/treatment`), { options: [] })).statusCode).toBe(
      404,
    );
  });

  it('a PUT leaving out the options or the controls is still refused (PUT replaces the whole treatment)', async () => {
    const { org, risk } = await acceptedRisk();
    const res = await org.as.contributor.request('PUT', url(org, `/risks/${risk.id}/treatment`), { controls: [] });
    expect(res.statusCode).toBe(400);
    expect(((res.json().errors ?? []) as { field: string }[]).map((e) => e.field)).toContain('body.options');
    expect((await putTreatment(org.as.contributor, org.slug, risk.id, {})).statusCode).toBe(200);
  });
});
