import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/core/demo/demo.service.js';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';
import { buildIssue, buildParty, buildRequirement } from '../helpers/context-factories.js';
import { buildIsmsRisk, planAction } from '../helpers/isms-risk-factories.js';

const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const fields = (res: { json(): { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);

describe.each(DIALECTS)('ISMS risks and opportunities (6.1.1) on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let other: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
    other = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const url = (path = '', o = org) => `/api/v1/orgs/${o.slug}/isms-risks${path}`;
  const titles = (res: { json(): { items: { title: string }[] } }) => res.json().items.map((i) => i.title);
  const row = (id: string) =>
    env.handle.db.selectFrom('ismsRisks').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('records risks and opportunities numbered RO-nnn with their sources, and filters them on the server', async () => {
    const issue = await buildIssue(org.as.contributor, org.slug, {
      title: 'Small IT team',
      direction: 'internal',
      category: 'capabilities',
    });
    const party = await buildParty(org.as.contributor, org.slug);
    const req = await buildRequirement(org.as.contributor, org.slug, party.id, {
      title: 'Certification within a year',
    });
    const risk = await buildIsmsRisk(org.as.contributor, org.slug, {
      title: 'F-IT cannot keep up',
      category: 'insufficient_resources',
      significance: 'high',
      sourceIssueId: issue.id,
      ownerId: org.users.contributor.id,
    });
    expect(risk.ref).toMatch(/^RO-\d{3}$/);
    expect(risk).toMatchObject({ status: 'identified', effectiveness: 'not_evaluated', evaluatedOn: null });
    await buildIsmsRisk(org.as.contributor, org.slug, {
      title: 'F-tenders need a certificate',
      kind: 'opportunity',
      category: 'new_markets',
      sourceRequirementId: req.id,
      aim: 'intended_outcomes',
    });
    await buildIsmsRisk(org.as.contributor, org.slug, {
      title: 'F-nobody owns access reviews',
      category: 'unclear_responsibilities',
      significance: 'low',
    });

    const one = await org.as.viewer.get(url(`/${risk.id}`));
    expect(one.json().related[issue.id]).toEqual({
      type: 'issue',
      id: issue.id,
      ref: issue.ref,
      title: 'Small IT team',
    });
    expect(titles(await org.as.viewer.get(url('?q=F-&kind=opportunity')))).toEqual(['F-tenders need a certificate']);
    expect(
      titles(
        await org.as.viewer.get(
          url('?q=F-&category=insufficient_resources,unclear_responsibilities&sort=title&order=asc'),
        ),
      ),
    ).toEqual(['F-IT cannot keep up', 'F-nobody owns access reviews']);
    expect(titles(await org.as.viewer.get(url('?q=F-&significance=high')))).toEqual(['F-IT cannot keep up']);
    expect(titles(await org.as.contributor.get(url('?q=F-&ownerId=me')))).toEqual(['F-IT cannot keep up']);
    expect(titles(await org.as.viewer.get(url('?q=F-&source=none')))).toEqual(['F-nobody owns access reviews']);
    expect(titles(await org.as.viewer.get(url('?q=F-&source=requirement')))).toEqual(['F-tenders need a certificate']);
    expect((await org.as.viewer.get(url('?q=F-&source=any'))).json().total).toBe(2);
    expect(titles(await org.as.viewer.get(url(`?sourceId=${issue.id}`)))).toEqual(['F-IT cannot keep up']);
    expect(titles(await org.as.viewer.get(url(`?sourceRequirementId=${req.id}`)))).toEqual([
      'F-tenders need a certificate',
    ]);
    expect((await org.as.viewer.get(url('?q=F-&status=identified&effectiveness=not_evaluated'))).json().total).toBe(3);
  });

  it('refuses a category of the other kind, on create, on update and when only the kind changes; nothing is written', async () => {
    const before = await writeCounts(env.handle);
    const wrong = await org.as.contributor.post(url(), { kind: 'opportunity', title: 'x', category: 'weak_awareness' });
    expect(wrong.statusCode).toBe(400);
    expect(fields(wrong)).toEqual(['body.category']);
    expect(await writeCounts(env.handle)).toEqual(before);

    const risk = await buildIsmsRisk(org.as.contributor, org.slug, { category: 'weak_awareness' });
    expect(fields(await org.as.contributor.patch(url(`/${risk.id}`), { kind: 'opportunity' }))).toEqual([
      'body.category',
    ]);
    expect(fields(await org.as.contributor.patch(url(`/${risk.id}`), { category: 'automation' }))).toEqual([
      'body.category',
    ]);
    const both = await org.as.contributor.patch(url(`/${risk.id}`), { kind: 'opportunity', category: 'automation' });
    expect(both.statusCode).toBe(200);
    expect(both.json()).toMatchObject({ kind: 'opportunity', category: 'automation', version: 2 });
  });

  it('requires the way to evaluate effectiveness once an action is planned (status beyond identified)', async () => {
    const before = await writeCounts(env.handle);
    const create = await org.as.contributor.post(url(), {
      kind: 'risk',
      title: 'x',
      category: 'weak_awareness',
      status: 'action_planned',
    });
    expect(create.statusCode).toBe(400);
    expect(fields(create)).toEqual(['body.evaluationMethod']);
    expect(await writeCounts(env.handle)).toEqual(before);

    const risk = await buildIsmsRisk(org.as.contributor, org.slug);
    for (const status of ['action_planned', 'monitoring', 'closed'])
      expect(fields(await org.as.contributor.patch(url(`/${risk.id}`), { status }))).toEqual(['body.evaluationMethod']);
    expect(
      fields(await org.as.contributor.patch(url(`/${risk.id}`), { status: 'monitoring', evaluationMethod: '   ' })),
    ).toEqual(['body.evaluationMethod']);
    const ok = await org.as.contributor.patch(url(`/${risk.id}`), {
      status: 'monitoring',
      evaluationMethod: 'Quiz results above 85%',
    });
    expect(ok.statusCode).toBe(200);
    expect(fields(await org.as.contributor.patch(url(`/${risk.id}`), { evaluationMethod: null }))).toEqual([
      'body.evaluationMethod',
    ]);
    expect((await row(risk.id)).evaluationMethod).toBe('Quiz results above 85%');
  });

  it('records effectiveness only for planned actions, dated today unless given, never in the future; resetting clears the date', async () => {
    const risk = await buildIsmsRisk(org.as.contributor, org.slug);
    expect(fields(await org.as.contributor.patch(url(`/${risk.id}`), { effectiveness: 'effective' }))).toEqual([
      'body.effectiveness',
    ]);
    await org.as.contributor.patch(url(`/${risk.id}`), { status: 'monitoring', evaluationMethod: 'Audit sample' });
    const found = await org.as.contributor.patch(url(`/${risk.id}`), {
      effectiveness: 'partially_effective',
      evaluationNotes: '7 of 10',
    });
    expect(found.json()).toMatchObject({ effectiveness: 'partially_effective', evaluatedOn: day(0) });
    const dated = await org.as.contributor.patch(url(`/${risk.id}`), {
      effectiveness: 'effective',
      evaluatedOn: day(-3),
    });
    expect(dated.json().evaluatedOn).toBe(day(-3));
    expect(fields(await org.as.contributor.patch(url(`/${risk.id}`), { evaluatedOn: day(2) }))).toEqual([
      'body.evaluatedOn',
    ]);
    expect(fields(await org.as.contributor.patch(url(`/${risk.id}`), { evaluatedOn: null }))).toEqual([
      'body.evaluatedOn',
    ]);
    expect(fields(await org.as.contributor.patch(url(`/${risk.id}`), { status: 'identified' }))).toEqual([
      'body.status',
    ]);
    const reset = await org.as.contributor.patch(url(`/${risk.id}`), { effectiveness: 'not_evaluated' });
    expect(reset.json()).toMatchObject({ effectiveness: 'not_evaluated', evaluatedOn: null });
    expect(fields(await org.as.contributor.patch(url(`/${risk.id}`), { evaluatedOn: day(-1) }))).toEqual([
      'body.evaluatedOn',
    ]);
  });

  it('moves an identified record to "action planned" with its first action, in the same transaction and audited', async () => {
    const risk = await buildIsmsRisk(org.as.contributor, org.slug, { evaluationMethod: 'Reporting rate above 50%' });
    const first = await planAction(org.as.contributor, org.slug, risk.id, { evaluation: 'Training attended' });
    expect(first.statusCode, first.body).toBe(201);
    expect(await row(risk.id)).toMatchObject({
      status: 'action_planned',
      evaluationMethod: 'Reporting rate above 50%',
      version: 2,
    });
    const history = (await org.as.viewer.get(url(`/${risk.id}/history`))).json().items;
    expect(history[0]).toMatchObject({
      type: 'record.updated',
      actorLabel: org.users.contributor.email,
      payload: { changes: { status: { from: 'identified', to: 'action_planned' } } },
    });
    const events = await env.handle.db
      .selectFrom('auditEvents')
      .select(['seq', 'entityId', 'type'])
      .where('orgId', '=', org.id)
      .orderBy('seq', 'desc')
      .limit(2)
      .execute();
    expect(events.map((e) => e.entityId).sort()).toEqual([first.json().id, risk.id].sort());

    await planAction(org.as.contributor, org.slug, risk.id);
    expect((await row(risk.id)).version).toBe(2);
    const list = await org.as.viewer.get(`/api/v1/orgs/${org.slug}/actions?sourceType=isms_risk&sourceId=${risk.id}`);
    expect(list.json().total).toBe(2);
    expect(list.json().items.every((a: { sourceId: string }) => a.sourceId === risk.id)).toBe(true);
  });

  it("takes the first action's evaluation as the method when the record has none, and refuses an action that says neither", async () => {
    const bare = await buildIsmsRisk(org.as.contributor, org.slug);
    const before = await writeCounts(env.handle);
    const refused = await planAction(org.as.contributor, org.slug, bare.id);
    expect(refused.statusCode).toBe(400);
    expect(fields(refused)).toEqual(['body.evaluation']);
    expect(await writeCounts(env.handle)).toEqual(before);
    expect(await row(bare.id)).toMatchObject({ status: 'identified', version: 1 });

    const cancelled = await planAction(org.as.contributor, org.slug, bare.id, { status: 'cancelled' });
    expect(cancelled.statusCode).toBe(201);
    expect((await row(bare.id)).status).toBe('identified');
    const ok = await planAction(org.as.contributor, org.slug, bare.id, { evaluation: 'Champions named in every team' });
    expect(ok.statusCode).toBe(201);
    expect(await row(bare.id)).toMatchObject({
      status: 'action_planned',
      evaluationMethod: 'Champions named in every team',
    });
  });

  it('moves the record when an existing action is re-pointed at it, and leaves records past identified alone', async () => {
    const risk = await buildIsmsRisk(org.as.contributor, org.slug, { evaluationMethod: 'Audit result' });
    const action = (
      await org.as.contributor.post(`/api/v1/orgs/${org.slug}/actions`, { title: 'Loose action' })
    ).json();
    expect(
      (
        await org.as.contributor.patch(`/api/v1/orgs/${org.slug}/actions/${action.id}`, {
          sourceType: 'isms_risk',
          sourceId: risk.id,
        })
      ).statusCode,
    ).toBe(200);
    expect((await row(risk.id)).status).toBe('action_planned');
    await org.as.contributor.patch(url(`/${risk.id}`), { status: 'monitoring' });
    await planAction(org.as.contributor, org.slug, risk.id);
    expect((await row(risk.id)).status).toBe('monitoring');
  });

  it('flags overdue evaluations (due date passed, not evaluated, not closed) and sums the register up', async () => {
    const o = await buildOrg(env.app, env.handle);
    const method = { evaluationMethod: 'Measure', status: 'action_planned' };
    await buildIsmsRisk(o.as.contributor, o.slug, { title: 'overdue', evaluationDueDate: day(-1), ...method });
    await buildIsmsRisk(o.as.contributor, o.slug, { title: 'due today', evaluationDueDate: day(0), ...method });
    await buildIsmsRisk(o.as.contributor, o.slug, {
      title: 'evaluated',
      evaluationDueDate: day(-5),
      ...method,
      effectiveness: 'effective',
    });
    await buildIsmsRisk(o.as.contributor, o.slug, {
      title: 'closed',
      evaluationDueDate: day(-5),
      ...method,
      status: 'closed',
    });
    await buildIsmsRisk(o.as.contributor, o.slug, { title: 'no date', kind: 'opportunity', category: 'automation' });
    expect(titles(await o.as.viewer.get(url('?evaluationOverdue=true', o)))).toEqual(['overdue']);
    expect(titles(await o.as.viewer.get(url('?evaluationOverdue=false&sort=title&order=asc', o)))).toEqual([
      'closed',
      'due today',
      'evaluated',
      'no date',
    ]);

    const summary = await o.as.viewer.get(url('/summary', o));
    expect(summary.statusCode).toBe(200);
    expect(summary.json()).toEqual({
      total: 5,
      byKind: {
        risk: { total: 4, effectiveness: { not_evaluated: 3, effective: 1, partially_effective: 0, not_effective: 0 } },
        opportunity: {
          total: 1,
          effectiveness: { not_evaluated: 1, effective: 0, partially_effective: 0, not_effective: 0 },
        },
      },
      byStatus: { identified: 1, action_planned: 3, monitoring: 0, closed: 1 },
      evaluationOverdue: 1,
      withoutSource: 5,
    });
    expect((await other.as.viewer.get(url('/summary', other))).json().total).toBe(0);
  });

  it('refuses sources and processes of another organization, and archived ones, naming the field; nothing is written', async () => {
    const foreignIssue = await buildIssue(other.as.admin, other.slug);
    const foreignParty = await buildParty(other.as.admin, other.slug);
    const foreignReq = await buildRequirement(other.as.admin, other.slug, foreignParty.id);
    const foreignProcess = (
      await other.as.admin.post(`/api/v1/orgs/${other.slug}/isms-processes`, { name: 'Theirs' })
    ).json();
    const mine = await buildIsmsRisk(org.as.contributor, org.slug);
    const before = await writeCounts(env.handle);
    for (const [field, id] of [
      ['sourceIssueId', foreignIssue.id],
      ['sourceRequirementId', foreignReq.id],
      ['processId', foreignProcess.id],
    ] as const) {
      const created = await org.as.contributor.post(url(), {
        kind: 'risk',
        title: 'x',
        category: 'weak_awareness',
        [field]: id,
      });
      expect(created.statusCode).toBe(400);
      expect(fields(created)).toEqual([`body.${field}`]);
      expect(fields(await org.as.contributor.patch(url(`/${mine.id}`), { [field]: id }))).toEqual([`body.${field}`]);
    }
    expect(await writeCounts(env.handle)).toEqual(before);

    const archived = await buildIssue(org.as.contributor, org.slug);
    await org.as.isms_manager.del(`/api/v1/orgs/${org.slug}/issues/${archived.id}`);
    expect(fields(await org.as.contributor.patch(url(`/${mine.id}`), { sourceIssueId: archived.id }))).toEqual([
      'body.sourceIssueId',
    ]);

    const theirs = await buildIsmsRisk(other.as.admin, other.slug, { evaluationMethod: 'x' });
    expect((await org.as.admin.get(url(`/${theirs.id}`))).statusCode).toBe(404);
    expect((await org.as.admin.patch(url(`/${theirs.id}`), { title: 'taken over' })).statusCode).toBe(404);
    const cross = await planAction(org.as.contributor, org.slug, theirs.id, { evaluation: 'x' });
    expect(fields(cross)).toEqual(['body.sourceId']);
    expect((await row(theirs.id)).status).toBe('identified');
    expect(
      (await org.as.admin.get(`/api/v1/orgs/${org.slug}/actions?sourceType=isms_risk&sourceId=${theirs.id}`)).json()
        .total,
    ).toBe(0);
  });

  it('names the field of bad input: a kind that does not exist, an unknown field, a bad date, a bad source filter', async () => {
    const before = await writeCounts(env.handle);
    expect(
      fields(await org.as.contributor.post(url(), { kind: 'threat', title: 'x', category: 'weak_awareness' })),
    ).toEqual(['body.kind']);
    expect(
      fields(
        await org.as.contributor.post(url(), { kind: 'risk', title: 'x', category: 'weak_awareness', likelihood: 3 }),
      ),
    ).toEqual(['body.likelihood']);
    expect(
      fields(
        await org.as.contributor.post(url(), {
          kind: 'risk',
          title: 'x',
          category: 'weak_awareness',
          evaluationDueDate: '31/12/2030',
        }),
      ),
    ).toEqual(['body.evaluationDueDate']);
    expect((await org.as.viewer.get(url('?source=somewhere'))).statusCode).toBe(400);
    expect((await org.as.viewer.get(`/api/v1/orgs/${org.slug}/actions?sourceId=not-a-uuid`)).statusCode).toBe(400);
    expect(await writeCounts(env.handle)).toEqual(before);
  });

  it('exports with the source as "ISS-nnn — title" (CSV and XLSX), and re-importing the export changes nothing', async () => {
    const issue = await buildIssue(org.as.contributor, org.slug, { title: 'Board attention fades' });
    await buildIsmsRisk(org.as.contributor, org.slug, {
      title: 'EXP-management engagement',
      category: 'poor_management_engagement',
      sourceIssueId: issue.id,
      status: 'monitoring',
      evaluationMethod: 'Minutes',
      effectiveness: 'effective',
      evaluatedOn: day(-2),
    });
    const csv = await org.as.viewer.get(url('/export.csv?q=EXP-'));
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toMatch(/^Reference,Kind,Title,Category,Aim,Description,Effect,Source issue,Source requirement,/);
    expect(lines[1]).toContain(`${issue.ref} — Board attention fades`);
    const before = await writeCounts(env.handle);
    const again = await org.as.contributor.request('POST', url('/import?dryRun=false'), csv.body, {
      'content-type': 'text/csv',
    });
    expect(again.json()).toMatchObject({ applied: true, created: 0, updated: 0, unchanged: 1 });
    expect(await writeCounts(env.handle)).toEqual(before);

    const xlsx = await org.as.viewer.request('GET', url('/export.xlsx?q=EXP-'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    expect(sheet.getRow(2).getCell(header.indexOf('Source issue')).value).toBe(`${issue.ref} — Board attention fades`);
    expect(sheet.getRow(2).getCell(header.indexOf('Evaluated on')).value).toBeInstanceOf(Date);
  });

  it('lets editors write, managers archive and everyone read', async () => {
    const risk = await buildIsmsRisk(org.as.contributor, org.slug);
    expect((await org.as.viewer.post(url(), { kind: 'risk', title: 'x', category: 'weak_awareness' })).statusCode).toBe(
      403,
    );
    expect((await org.as.auditor.patch(url(`/${risk.id}`), { title: 'x' })).statusCode).toBe(403);
    expect((await org.as.contributor.del(url(`/${risk.id}`))).statusCode).toBe(403);
    expect((await org.as.approver.get(url('/summary'))).statusCode).toBe(200);
    expect((await org.as.isms_manager.del(url(`/${risk.id}`))).statusCode).toBe(204);
  });
});

describe.each(DIALECTS)('demo ISMS risks and opportunities of Example Ltd on %s', (kind) => {
  it('ties believable records to the issues and requirements, with actions in the tracker and evaluations', async () => {
    const { openTestDatabase } = await import('../helpers/databases.js');
    const handle = await openTestDatabase(kind);
    try {
      await loadDemo(handle.db);
      const org = await handle.db
        .selectFrom('organizations')
        .select('id')
        .where('slug', '=', 'example')
        .executeTakeFirstOrThrow();
      const items = await handle.db.selectFrom('ismsRisks').selectAll().where('orgId', '=', org.id).execute();
      expect(items.filter((i) => i.kind === 'risk').length).toBeGreaterThanOrEqual(4);
      expect(items.filter((i) => i.kind === 'opportunity').length).toBeGreaterThanOrEqual(2);
      expect(items.every((i) => i.sourceIssueId || i.sourceRequirementId)).toBe(true);
      expect(new Set(items.map((i) => i.effectiveness))).toEqual(
        new Set(['not_evaluated', 'effective', 'partially_effective', 'not_effective']),
      );
      expect(
        items.filter((i) => i.effectiveness !== 'not_evaluated').every((i) => i.evaluatedOn && i.evaluationMethod),
      ).toBe(true);
      expect(
        items.some(
          (i) =>
            i.evaluationDueDate &&
            i.evaluationDueDate < day(0) &&
            i.effectiveness === 'not_evaluated' &&
            i.status !== 'closed',
        ),
      ).toBe(true);
      const actions = await handle.db
        .selectFrom('actions')
        .select(['sourceId'])
        .where('orgId', '=', org.id)
        .where('sourceType', '=', 'isms_risk')
        .execute();
      expect(actions.length).toBeGreaterThanOrEqual(6);
      const withActions = new Set(actions.map((a) => a.sourceId));
      expect(items.filter((i) => withActions.has(i.id)).every((i) => i.status !== 'identified')).toBe(true);
      expect(items.filter((i) => !withActions.has(i.id)).every((i) => i.status === 'identified')).toBe(true);
    } finally {
      await handle.close();
    }
  });
});
