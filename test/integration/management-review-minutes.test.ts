import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REVIEW_INPUT_KEYS } from '../../src/schema/management-review/review-inputs.schema.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { addMembership, buildAction, buildOrg, buildUser, PASSWORD, type TestOrg } from '../helpers/factories.js';
import { signIn } from '../helpers/http.js';
import { answerEveryInput } from '../helpers/management-review-bodies.js';
import {
  approveMinutes,
  buildDecision,
  buildReview,
  decisionsPath,
  reviewsPath,
  saveMinutes,
} from '../helpers/management-review-factories.js';
import { buildRegisterRecord, registerOf } from '../helpers/routes.js';

describe.each(DIALECTS)('management review minutes (9.3.3) on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const actionsPath = () => `/api/v1/orgs/${org.slug}/actions`;
  const minutes = (id: string, no: number) => `${reviewsPath(org)}/${id}/versions/${no}`;

  it('fills the draft with attendance, inputs a–g in order and the decisions, whatever the client sent', async () => {
    const r = await buildReview(org);
    await org.as.isms_manager.request('PUT', `${reviewsPath(org)}/${r.id}/attendance`, {
      members: [{ userId: org.users.approver.id, capacity: 'Chair', present: true }],
      others: [],
    });
    const d1 = await buildDecision(org, r.id, { input: 'riskResults', kind: 'treatment_soa' });
    const d = await saveMinutes(org, r.id, {
      comment_performance: 'Fewer incidents than last year',
      inputs: { compiledAt: 'forged', asOf: '1999-01-01', since: null, sections: [] },
      decisions: { decisions: [] },
    });
    const c = d.content as {
      attendance: { members: { userId: string }[] };
      inputs: { asOf: string; sections: { key: string }[] };
      decisions: { decisions: { ref: string; status: string }[] };
      comment_performance: string;
    };
    expect(c.attendance.members.map((m) => m.userId)).toEqual([org.users.approver.id]);
    expect(c.inputs.asOf).not.toBe('1999-01-01');
    expect(c.inputs.sections.map((s) => s.key)).toEqual([...REVIEW_INPUT_KEYS]);
    expect(c.decisions.decisions).toEqual([expect.objectContaining({ ref: d1.ref, status: 'open' })]);
    expect(c.comment_performance).toBe('Fewer incidents than last year');
  });

  it('compiles input a) from the decisions of earlier reviews: the previous one’s all, older ones still open', async () => {
    const o = await buildOrg(env.app, env.handle);
    const first = await buildReview(o, { plannedDate: '2024-03-01', heldOn: '2024-03-01' });
    const oldOpen = await buildDecision(o, first.id, { statement: 'Budget for awareness' });
    const oldDone = await buildDecision(o, first.id, { statement: 'Rewrite the policy' });
    await buildAction(o.as.contributor, o.slug, {
      sourceType: 'management_review_decision',
      sourceId: oldDone.id,
      status: 'done',
    });
    const prev = await buildReview(o, { plannedDate: '2025-03-01', heldOn: '2025-03-03' });
    const open = await buildDecision(o, prev.id, { dueDate: '2025-06-30' });
    const noAction = await buildDecision(o, prev.id, { input: 'partyFeedback', kind: 'no_action' });
    const act = await buildAction(o.as.contributor, o.slug, {
      sourceType: 'management_review_decision',
      sourceId: open.id,
    });
    const next = await buildReview(o, { plannedDate: '2026-03-01' });

    const inputs = async () =>
      (await o.as.viewer.get(`/api/v1/orgs/${o.slug}/management-reviews/${next.id}/inputs`)).json();
    let i = await inputs();
    expect(i.since).toEqual({ ref: prev.ref, heldOn: '2025-03-03' });
    expect(i.sections.map((s: { key: string }) => s.key)).toEqual([...REVIEW_INPUT_KEYS]);
    const a = () => i.sections[0] as { facts: [string, string][]; tables: { rows: string[][] }[] };
    const fact = (label: string) => a().facts.find(([l]) => l === label)?.[1];
    const refs = () => a().tables[0]!.rows.map((row) => row[1]);
    expect(refs()).toEqual([oldOpen.ref, open.ref, noAction.ref]);
    expect(refs()).not.toContain(oldDone.ref);
    expect(fact('Decisions reported on')).toBe('3');
    expect(fact('Open')).toBe('2');
    expect(fact('Overdue')).toBe('1');
    expect(fact('No action needed')).toBe('1');
    expect(fact('Their tracker actions open')).toBe('1');
    const row = a().tables[0]!.rows.find((x) => x[1] === open.ref)!;
    expect(row[0]).toBe(prev.ref);
    // Review, Decision, Input, Kind, Statement, Owner and due, Status, Follow-up (labels in words)
    expect(row[6]).toBe('Open');
    expect(row[7]).toBe(`${act.ref} open`);

    // the action done: the decision is done, and input a) says so
    const done = await o.as.contributor.patch(`/api/v1/orgs/${o.slug}/actions/${act.id}`, { status: 'done' });
    expect(done.statusCode, done.body).toBe(200);
    expect((await o.as.viewer.get(`/api/v1/orgs/${o.slug}/management-review-decisions/${open.id}`)).json().status).toBe(
      'done',
    );
    i = await inputs();
    expect(fact('Done')).toBe('1');
    expect(fact('Overdue')).toBe('0');
    expect(fact('Their tracker actions done')).toBe('1');

    // the first review of a unit: nothing earlier at its level
    const unit = await buildReview(o, { level: 'unit', unitName: 'Plant', plannedDate: '2026-03-01' });
    const u = (await o.as.viewer.get(`/api/v1/orgs/${o.slug}/management-reviews/${unit.id}/inputs`)).json();
    expect(u.since).toBeNull();
    expect(u.sections[0].tables[0].rows).toEqual([]);
    expect(u.sections[0].tables[0].emptyText).toMatch(/first management review/);
  });

  it('derives a decision’s status from its tracker actions; a no-action decision takes none', async () => {
    const r = await buildReview(org);
    const d = await buildDecision(org, r.id);
    const status = async () => (await org.as.viewer.get(`${decisionsPath(org)}/${d.id}`)).json().status;
    expect(d.status).toBe('open');
    const a1 = await buildAction(org.as.contributor, org.slug, {
      sourceType: 'management_review_decision',
      sourceId: d.id,
    });
    const a2 = await buildAction(org.as.contributor, org.slug, {
      sourceType: 'management_review_decision',
      sourceId: d.id,
    });
    await org.as.contributor.patch(`${actionsPath()}/${a1.id}`, { status: 'done' });
    expect(await status()).toBe('open');
    await org.as.contributor.patch(`${actionsPath()}/${a2.id}`, { status: 'cancelled' });
    expect(await status()).toBe('done');
    await org.as.contributor.patch(`${actionsPath()}/${a1.id}`, { status: 'in_progress' });
    expect(await status()).toBe('open');
    await org.as.isms_manager.del(`${actionsPath()}/${a1.id}`);
    expect(await status()).toBe('open');
    // a client cannot set it
    const forged = await org.as.contributor.patch(`${decisionsPath(org)}/${d.id}`, { status: 'done' });
    expect(forged.statusCode).toBeLessThan(500);
    expect(await status()).toBe('open');

    const none = await buildDecision(org, r.id, { kind: 'no_action' });
    expect(none.status).toBe('no_action');
    const refused = await org.as.contributor.post(actionsPath(), {
      title: 'Nothing to do',
      sourceType: 'management_review_decision',
      sourceId: none.id,
    });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().errors[0].field).toBe('body.sourceId');
  });

  it('refuses approval while an input has no decision (409 naming them) and while the draft misses a decision', async () => {
    const r = await buildReview(org);
    await buildDecision(org, r.id, { input: 'performance' });
    await buildDecision(org, r.id, { input: 'riskResults', kind: 'no_action' });
    const d = await saveMinutes(org, r.id);
    const res = await org.as.approver.post(`${minutes(r.id, d.versionNo)}/approve`, { contentHash: d.contentHash });
    expect(res.statusCode, res.body).toBe(409);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      ['previousActions', 'contextChanges', 'partyChanges', 'partyFeedback', 'improvement'].map(
        (k) => `decisions.${k}`,
      ),
    );
    const after = (await org.as.viewer.get(`${reviewsPath(org)}/${r.id}`)).json();
    expect(after).toMatchObject({ approvedVersion: null, latestState: 'draft' });
    expect((await org.as.viewer.get(minutes(r.id, d.versionNo))).json().approvals).toEqual([]);

    // every input answered, but after the draft was saved: save it again first
    await answerEveryInput(org, r.id);
    const stale = await org.as.approver.post(`${minutes(r.id, d.versionNo)}/approve`, { contentHash: d.contentHash });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json().detail).toMatch(/save the draft again/);
    const fresh = await saveMinutes(org, r.id);
    const ok = await org.as.approver.post(`${minutes(r.id, fresh.versionNo)}/approve`, {
      contentHash: fresh.contentHash,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await org.as.viewer.get(`${reviewsPath(org)}/${r.id}`)).json()).toMatchObject({
      status: 'approved',
      approvedVersion: fresh.versionNo,
    });
  });

  it('is approved by the chair only; without a chair by nobody, saying why', async () => {
    const second = await buildUser(env.handle, { name: 'Second director' });
    await addMembership(env.handle, org.id, second.id, 'approver');
    const director = await signIn(env.app, second.email, PASSWORD);
    const r = await buildReview(org);
    await answerEveryInput(org, r.id);
    const d = await saveMinutes(org, r.id);
    const approve = (c: typeof director) =>
      c.post(`${minutes(r.id, d.versionNo)}/approve`, { contentHash: d.contentHash });
    expect((await approve(org.as.isms_manager)).statusCode).toBe(403);
    expect((await approve(org.as.admin)).statusCode).toBe(403);
    expect((await approve(director)).statusCode).toBe(403);

    const chairless = await buildReview(org, { chairId: null });
    await answerEveryInput(org, chairless.id);
    const c = await saveMinutes(org, chairless.id);
    const nobody = await org.as.approver.post(`${minutes(chairless.id, c.versionNo)}/approve`, {
      contentHash: c.contentHash,
    });
    expect(nobody.statusCode).toBe(403);
    expect(nobody.json().detail).toMatch(/Name the chair/);
    expect((await approve(org.as.approver)).statusCode).toBe(200);
  });

  it('freezes the approved minutes and the review’s decisions while records and statuses move on', async () => {
    const r = await buildReview(org, { location: 'Boardroom' });
    const d = await buildDecision(org, r.id, { input: 'improvement', kind: 'improvement' });
    const act = await buildAction(org.as.contributor, org.slug, {
      sourceType: 'management_review_decision',
      sourceId: d.id,
    });
    const v = await approveMinutes(org, r.id);
    const before = (await org.as.viewer.get(minutes(r.id, v.versionNo))).json();
    expect(before.state).toBe('approved');

    // records change: an issue added, a nonconformity raised, the decision's action done
    await buildRegisterRecord(org.as.admin, org, registerOf('issue'));
    await buildRegisterRecord(org.as.admin, org, registerOf('nonconformity'));
    await org.as.contributor.patch(`${actionsPath()}/${act.id}`, { status: 'done' });
    expect((await org.as.viewer.get(`${decisionsPath(org)}/${d.id}`)).json().status).toBe('done');
    const after = (await org.as.viewer.get(minutes(r.id, v.versionNo))).json();
    expect(after.contentHash).toBe(before.contentHash);
    expect(after.content).toEqual(before.content);

    // the decisions are frozen: no change of what was decided, no new one, none archived
    const edit = await org.as.contributor.patch(`${decisionsPath(org)}/${d.id}`, { statement: 'Something else' });
    expect(edit.statusCode, edit.body).toBe(409);
    expect(edit.json().errors[0].field).toBe('body.statement');
    const add = await org.as.contributor.post(decisionsPath(org), {
      reviewId: r.id,
      input: 'general',
      kind: 'other',
      statement: 'Late decision',
    });
    expect(add.statusCode, add.body).toBe(409);
    expect((await org.as.isms_manager.del(`${decisionsPath(org)}/${d.id}`)).statusCode).toBe(409);
    // who follows it up may still change
    const owner = await org.as.contributor.patch(`${decisionsPath(org)}/${d.id}`, {
      ownerId: org.users.contributor.id,
    });
    expect(owner.statusCode, owner.body).toBe(200);
    // the review itself is kept as the minutes' record
    expect((await org.as.isms_manager.del(`${reviewsPath(org)}/${r.id}`)).statusCode).toBe(409);

    // the meeting's place and chair as the minutes froze them, whatever the review record says now
    const moved = await org.as.isms_manager.patch(`${reviewsPath(org)}/${r.id}`, {
      location: 'Somewhere else',
      chairId: null,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await org.as.viewer.get(minutes(r.id, v.versionNo))).json().content.meeting).toMatchObject({
      location: 'Boardroom',
      chair: `${org.name} approver`,
    });
    const docx = await org.as.viewer.get(`${minutes(r.id, v.versionNo)}/export.docx`);
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Boardroom');
    expect(xml).toContain(`${org.name} approver`);
    expect(xml).not.toContain('Somewhere else');
    const pdf = await org.as.viewer.get(`${minutes(r.id, v.versionNo)}/export.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
