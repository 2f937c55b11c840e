import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyTreatmentStatus } from '../../src/schema/controls/treatment-result.versioned.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { chooseEdition, setTreatment } from '../helpers/control-factories.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildAction, buildOrg, type TestOrg } from '../helpers/factories.js';
import { approveMethodology, buildRisk, startingMethodology } from '../helpers/risk-factories.js';

type Status = {
  statusDate: string;
  counts: { risks: number; actions: number; actionsDone: number; residualBeyondAcceptance: number; accepted: number };
  rows: {
    ref: string;
    options: { option: string }[];
    controls: { ref: string }[];
    actions: { title: string; status: string }[];
    residualAcceptable: boolean | null;
    acceptance: { state: string } | null;
  }[];
};
type Version = { versionNo: number; state: string; contentHash: string; content: { plan: Status } };

/** Results of risk treatment (27001 8.3): the treatment plan's status at a date, frozen in approved versions. */
describe.each(DIALECTS)('risk treatment results (8.3) on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const url = (p: string) => `/api/v1/orgs/${org.slug}${p}`;
  const m = () => org.as.isms_manager;

  it('freezes the plan as it stands on the draft date; the approved version never moves with the plan', async () => {
    await approveMethodology(org, startingMethodology('five-by-five'));
    const controls = await chooseEdition(org);
    const risk = await buildRisk(org.as.contributor, org.slug, {
      title: 'Laptop stolen from a car',
      ownerId: org.users.contributor.id,
      likelihood: 4,
      consequence: 4,
    });
    await setTreatment(org.as.contributor, org.slug, risk.id, {
      options: [{ option: 'modify', rationale: 'Encrypt the disks' }],
      controls: [{ controlId: controls.get('8.1')!.id, effect: 'consequence' }],
      residual: { likelihood: 4, consequence: 4 },
    });
    const action = await buildAction(org.as.contributor, org.slug, {
      title: 'Turn on disk encryption',
      sourceType: 'risk',
      sourceId: risk.id,
      status: 'in_progress',
      dueDate: '2099-01-01',
    });

    const created = await m().post(url('/treatment-results'), { title: 'Treatment results, first half' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect(created.json()).toMatchObject({ statusDate: null, latestVersion: null });
    // whatever the client sends for the plan, the server takes it from the treatment plan
    const draft = await m().request('PUT', url(`/treatment-results/${id}/draft`), {
      content: { summary: 'Encryption under way', plan: { ...emptyTreatmentStatus, statusDate: '2000-01-01' } },
    });
    expect(draft.statusCode, draft.body).toBe(200);
    const v1 = draft.json() as Version;
    const today = new Date().toISOString().slice(0, 10);
    expect(v1.content.plan.statusDate).toBe(today);
    expect(v1.content.plan.counts).toMatchObject({ risks: 1, actions: 1, actionsDone: 0, residualBeyondAcceptance: 1 });
    expect(v1.content.plan.rows).toHaveLength(1);
    expect(v1.content.plan.rows[0]).toMatchObject({
      ref: risk.ref,
      options: [{ option: 'modify' }],
      controls: [{ ref: '8.1' }],
      actions: [{ title: 'Turn on disk encryption', status: 'in_progress' }],
      residualAcceptable: false,
      acceptance: null,
    });
    expect((await org.as.viewer.get(url(`/treatment-results/${id}`))).json().statusDate).toBe(today);

    // contributors and viewers do not approve; the ISMS manager (or top management) does
    expect(
      (
        await org.as.contributor.post(url(`/treatment-results/${id}/versions/1/approve`), {
          contentHash: v1.contentHash,
        })
      ).statusCode,
    ).toBe(403);
    const approved = await m().post(url(`/treatment-results/${id}/versions/1/approve`), {
      contentHash: v1.contentHash,
    });
    expect(approved.statusCode, approved.body).toBe(200);

    // the plan moves on: the action is done
    const done = await org.as.contributor.patch(url(`/actions/${action.id}`), { status: 'done' });
    expect(done.statusCode, done.body).toBe(200);
    const again = (await org.as.viewer.get(url(`/treatment-results/${id}/versions/1`))).json() as Version;
    expect(again.contentHash).toBe(v1.contentHash);
    expect(again.content).toEqual(v1.content);
    // the next draft takes the plan as it stands now
    const v2 = (
      await m().request('PUT', url(`/treatment-results/${id}/draft`), { content: { summary: 'Done' } })
    ).json();
    expect((v2 as Version).versionNo).toBe(2);
    expect((v2 as Version).content.plan.counts.actionsDone).toBe(1);
  });

  it('names the field of a bad request, writes nothing, and keeps to its organization', async () => {
    const before = (await org.as.viewer.get(url('/treatment-results'))).json().total as number;
    const noTitle = await m().post(url('/treatment-results'), { ownerId: org.users.contributor.id });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.body).toContain('body.title');
    const serverSet = await m().post(url('/treatment-results'), { title: 'x', statusDate: '2020-01-01' });
    expect(serverSet.statusCode).toBe(400);
    expect(serverSet.body).toContain('statusDate');
    expect((await org.as.viewer.get(url('/treatment-results'))).json().total).toBe(before);

    const id = (await m().post(url('/treatment-results'), { title: 'Ours' })).json().id as string;
    const other = await buildOrg(env.app, env.handle);
    const foreign = (p: string) => `/api/v1/orgs/${other.slug}/treatment-results/${id}${p}`;
    expect((await other.as.admin.get(foreign(''))).statusCode).toBe(404);
    expect((await other.as.admin.patch(foreign(''), { title: 'Theirs' })).statusCode).toBe(404);
    expect((await other.as.admin.request('PUT', foreign('/draft'), { content: { summary: 'x' } })).statusCode).toBe(
      404,
    );
    expect((await org.as.viewer.get(url(`/treatment-results/${id}`))).json()).toMatchObject({
      title: 'Ours',
      latestVersion: null,
    });
    expect((await org.as.viewer.get(url(`/treatment-results/${id}/versions`))).json().items).toEqual([]);
  });
});
