import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { approveMethodology, buildRisk, startingMethodology } from '../helpers/risk-factories.js';

type Version = {
  versionNo: number;
  state: string;
  contentHash: string;
  content: {
    summary: string;
    results: {
      assessment: { ref: string };
      methodology: { versionNo: number } | null;
      counts: { total: number; notAcceptable: number };
      risks: { rank: number | null; ref: string; title: string; levelLabel: string | null; likelihood: number }[];
      changes: { summary: { added: number; rose: number }; rows: { ref: string; change: string }[] } | null;
    };
  };
};

/** Results of risk assessment (27001 8.2): a controlled document drafted when an assessment closes. */
describe.each(DIALECTS)('risk assessment results (8.2) on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
  });
  afterAll(() => env?.close());

  const url = (path = '') => `/api/v1/orgs/${org.slug}${path}`;
  const ra = (id: string, path = '') => url(`/risk-assessments/${id}${path}`);
  const m = () => org.as.isms_manager;

  async function newAssessment(title: string, extra: Record<string, unknown> = {}) {
    const res = await m().post(url('/risk-assessments'), { title, startedOn: '2026-01-15', ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; ref: string; version: number };
  }
  async function close(id: string) {
    const res = await m().post(ra(id, '/close'));
    expect(res.statusCode, res.body).toBe(200);
  }
  async function version(id: string, no: number) {
    const res = await org.as.viewer.get(ra(id, `/versions/${no}`));
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Version;
  }

  /** A fresh organization with the 5 × 5 methodology approved and three risks of different levels. */
  async function setting() {
    org = await buildOrg(env.app, env.handle);
    await approveMethodology(org, startingMethodology('five-by-five'));
    const owner = org.users.contributor.id;
    const low = await buildRisk(org.as.contributor, org.slug, {
      title: 'Printer leaks documents',
      ownerId: owner,
      likelihood: 1,
      consequence: 1,
      event: 'Printouts left in the tray',
    });
    const high = await buildRisk(org.as.contributor, org.slug, {
      title: 'Ransomware encrypts the file server',
      ownerId: owner,
      likelihood: 5,
      consequence: 5,
    });
    const mid = await buildRisk(org.as.contributor, org.slug, {
      title: 'Backups fail silently',
      ownerId: owner,
      likelihood: 3,
      consequence: 3,
    });
    return { low, high, mid };
  }

  it('is refused while the assessment is open, drafted in priority order when it closes, frozen once approved', async () => {
    const { low, high } = await setting();
    const a = await newAssessment('Yearly assessment 2026');
    // open: no results yet (409), and nothing written
    const early = await m().request('PUT', ra(a.id, '/draft'), { content: { summary: 'Too early' } });
    expect(early.statusCode, early.body).toBe(409);
    expect(early.body).toContain('still open');
    expect((await org.as.viewer.get(ra(a.id, '/versions'))).json().items).toEqual([]);

    await close(a.id);
    const listed = (await org.as.viewer.get(ra(a.id, '/versions'))).json().items as { versionNo: number }[];
    expect(listed.map((v) => v.versionNo)).toEqual([1]);
    const record = (await org.as.viewer.get(ra(a.id))).json();
    expect(record).toMatchObject({ latestVersion: 1, latestState: 'draft', approvedVersion: null });
    const v1 = await version(a.id, 1);
    expect(v1.state).toBe('draft');
    const r = v1.content.results;
    expect(r.assessment.ref).toBe(a.ref);
    expect(r.methodology?.versionNo).toBe(1);
    expect(r.counts.total).toBe(3);
    expect(r.risks.map((x) => x.title)).toEqual([
      'Ransomware encrypts the file server',
      'Backups fail silently',
      'Printer leaks documents',
    ]);
    expect(r.risks.map((x) => x.rank)).toEqual([1, 2, 3]);
    expect(r.changes).toBeNull();

    // the summary is the manager's; whatever the client sends for the results, the server fills them
    const saved = await m().request('PUT', ra(a.id, '/draft'), {
      content: { summary: 'Ransomware first.', results: { tampered: true }, conclusions: 'Treat RSK first' },
    });
    expect(saved.statusCode, saved.body).toBe(400);
    const v1b = await m().request('PUT', ra(a.id, '/draft'), {
      content: { summary: 'Ransomware first.', conclusions: 'Treat the ransomware risk first' },
      baseVersion: 1,
    });
    expect(v1b.statusCode, v1b.body).toBe(200);
    const draft = v1b.json() as Version;
    expect(draft.content.results).toEqual(r);

    const approved = await m().post(ra(a.id, '/versions/1/approve'), { contentHash: draft.contentHash });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().state).toBe('approved');

    // risks move on after the assessment: the approved results do not
    expect(
      (await org.as.contributor.patch(url(`/risks/${low.id}`), { likelihood: 5, consequence: 5 })).statusCode,
    ).toBe(200);
    expect((await m().del(url(`/risks/${high.id}`))).statusCode).toBeLessThan(300);
    await buildRisk(org.as.contributor, org.slug, {
      title: 'New supplier outage',
      ownerId: org.users.contributor.id,
      likelihood: 2,
      consequence: 2,
    });
    const later = await version(a.id, 1);
    expect(later.contentHash).toBe(draft.contentHash);
    expect(later.content).toEqual(draft.content);
    // a revision takes the same frozen results, not the register as it stands now
    const v2 = await m().request('PUT', ra(a.id, '/draft'), { content: { summary: 'Revised wording' } });
    expect(v2.statusCode, v2.body).toBe(200);
    expect((v2.json() as Version).content.results).toEqual(r);

    // the next assessment's results say what changed since this one
    const b = await newAssessment('Reassessment after the supplier change');
    await close(b.id);
    const changes = (await version(b.id, 1)).content.results.changes!;
    expect(changes.summary).toMatchObject({ added: 1, rose: 1 });
    expect(changes.rows.find((x) => x.ref === low.ref)?.change).toBe('rose');
    expect(changes.rows.find((x) => x.ref === high.ref)?.change).toBe('removed');
  });

  it('is approved by the ISMS manager, and by top management too where the assessment asks for it', async () => {
    await setting();
    const a = await newAssessment('Manager only');
    await close(a.id);
    const v = await version(a.id, 1);
    const approve = (who: keyof TestOrg['as'], id: string) =>
      org.as[who].post(ra(id, '/versions/1/approve'), { contentHash: v.contentHash });
    // no approve permission
    expect((await approve('contributor', a.id)).statusCode).toBe(403);
    expect((await approve('viewer', a.id)).statusCode).toBe(403);
    expect((await approve('auditor', a.id)).statusCode).toBe(403);
    // top management holds the permission, but this assessment asks only for the ISMS manager
    const top = await approve('approver', a.id);
    expect(top.statusCode).toBe(403);
    expect(top.body).toContain('ISMS manager');
    expect((await approve('admin', a.id)).json().state).toBe('approved');

    const b = await newAssessment('Both sign');
    await close(b.id);
    // closed: nothing may change but whether top management signs (until approved)
    expect((await m().patch(ra(b.id), { title: 'Renamed' })).statusCode).toBe(409);
    const asked = await m().patch(ra(b.id), { topManagementApproval: true });
    expect(asked.statusCode, asked.body).toBe(200);
    const vb = await version(b.id, 1);
    expect(vb.contentHash).toBeTruthy();
    const sign = (who: keyof TestOrg['as']) =>
      org.as[who].post(ra(b.id, '/versions/1/approve'), { contentHash: vb.contentHash });
    const first = await sign('isms_manager');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ state: 'draft', requiredApprovals: 2 });
    // a second manager signature does not make it: top management signs next
    const admin = await sign('admin');
    expect(admin.statusCode).toBe(403);
    expect(admin.body).toContain('top management');
    const second = await sign('approver');
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().state).toBe('approved');
    expect((second.json().approvals as { signerRole: string }[]).map((x) => x.signerRole).sort()).toEqual([
      'approver',
      'isms_manager',
    ]);
    // once approved, the choice is frozen with the rest
    expect((await m().patch(ra(b.id), { topManagementApproval: false })).statusCode).toBe(409);
  });

  it('twenty managers closing the same assessment at once: one closes it, one version 1, one snapshot', async () => {
    await setting();
    const a = await newAssessment('Raced');
    const answers = await Promise.all(Array.from({ length: 20 }, () => m().post(ra(a.id, '/close'))));
    expect(answers.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(answers.filter((r) => r.statusCode === 409)).toHaveLength(19);
    const versions = (await org.as.viewer.get(ra(a.id, '/versions'))).json().items as { versionNo: number }[];
    expect(versions.map((v) => v.versionNo)).toEqual([1]);
    expect((await version(a.id, 1)).content.results.counts.total).toBe(3);
  });

  it('keeps each organization to its own results, and names the field of a bad request', async () => {
    await setting();
    const a = await newAssessment('Mine');
    await close(a.id);
    const v = await version(a.id, 1);
    const mine = org;
    const other = await buildOrg(env.app, env.handle);
    const foreign = (p: string) => `/api/v1/orgs/${other.slug}/risk-assessments/${a.id}${p}`;
    for (const p of ['/versions', '/versions/1', '/versions/1/export.pdf', '/versions/1/export.xlsx'])
      expect((await other.as.admin.get(foreign(p))).statusCode, p).toBe(404);
    expect((await other.as.admin.request('PUT', foreign('/draft'), { content: { summary: 'x' } })).statusCode).toBe(
      404,
    );
    expect((await other.as.admin.post(foreign('/versions/1/approve'), { contentHash: v.contentHash })).statusCode).toBe(
      404,
    );
    org = mine;
    expect((await version(a.id, 1)).contentHash).toBe(v.contentHash);
    expect((await org.as.viewer.get(ra(a.id, '/versions'))).json().items).toHaveLength(1);

    const wrongType = await m().request('PUT', ra(a.id, '/draft'), { content: { summary: 42 } });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.body).toContain('content.summary');
    const noHash = await m().post(ra(a.id, '/versions/1/approve'), {});
    expect(noHash.statusCode).toBe(400);
    expect(noHash.body).toContain('contentHash');
    expect((await version(a.id, 1)).state).toBe('draft');
  });
});
