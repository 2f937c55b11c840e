import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewInputsBlocks } from '../../src/core/management-review/review-inputs-blocks.js';
import {
  REVIEW_INPUT_KEYS,
  reviewInputSectionSchema,
} from '../../src/schema/management-review/review-inputs.schema.js';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { buildFeedback, buildIssue, buildParty, buildRequirement } from '../helpers/context-factories.js';
import { compile, ctxOf, daysFrom, today } from '../helpers/review-inputs-helpers.js';
import { compileRecordInputs } from '../../src/core/management-review/review-inputs.service.js';

/**
 * The management review's inputs b, c, e and g compiled from records seeded through the API: each figure moves when
 * a record changes, and only changes inside (since, asOf] count.
 */
describe.each(DIALECTS)('management review inputs b, c, e, g on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let other: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
    other = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  /** A record as if recorded long ago: its creation moved back (the API always stamps now). */
  const backdate = (table: 'issues' | 'interestedParties' | 'requirements', id: string) =>
    env.handle.db
      .updateTable(table)
      .set({ createdAt: '2025-01-10T09:00:00.000Z', updatedAt: '2025-01-10T09:00:00.000Z' })
      .where('id', '=', id)
      .execute();

  it('b) lists issues added, changed (with the fields) and removed in the window, and nothing outside it', async () => {
    const d = today();
    const old = await buildIssue(org.as.contributor, org.slug, { title: 'Old issue' });
    const gone = await buildIssue(org.as.contributor, org.slug, { title: 'Gone issue' });
    await backdate('issues', old.id);
    await backdate('issues', gone.id);
    const before = await compile(env, org, d, daysFrom(d, -1));
    expect(before.fact('contextChanges', 'Issues changed')).toBe(0);
    expect(before.fact('contextChanges', 'Issues removed')).toBe(0);
    const added0 = before.fact('contextChanges', 'Issues added');

    const added = await buildIssue(org.as.contributor, org.slug, { title: 'New regulator', direction: 'external' });
    expect(
      (await org.as.contributor.patch(`/api/v1/orgs/${org.slug}/issues/${old.id}`, { status: 'monitoring' }))
        .statusCode,
    ).toBe(200);
    expect((await org.as.isms_manager.del(`/api/v1/orgs/${org.slug}/issues/${gone.id}`)).statusCode).toBe(204);

    const after = await compile(env, org, d, daysFrom(d, -1));
    expect(after.fact('contextChanges', 'Issues added')).toBe(added0 + 1);
    expect(after.fact('contextChanges', 'Issues changed')).toBe(1);
    expect(after.fact('contextChanges', 'Issues removed')).toBe(1);
    const rows = after.table('contextChanges', 'Issues added').rows;
    expect(rows.find((r) => r[0] === added.ref)).toEqual([added.ref, 'New regulator', 'External', 'Added', d]);
    expect(rows.find((r) => r[0] === old.ref)?.[3]).toBe('Changed: Status');
    expect(rows.find((r) => r[0] === gone.ref)?.[3]).toBe('Removed');

    // the previous review held today: today's changes were its own; a review date before today: not yet happened
    for (const [asOf, since] of [
      [d, d],
      [daysFrom(d, -1), daysFrom(d, -5)],
    ] as const) {
      const outside = await compile(env, org, asOf, since);
      for (const f of ['Issues added', 'Issues changed', 'Issues removed'])
        expect(outside.fact('contextChanges', f)).toBe(0);
      expect(outside.table('contextChanges', 'Issues added').rows).toEqual([]);
      expect(outside.table('contextChanges', 'Issues added').emptyText).toContain(`since ${since}`);
    }
    // the first review (no previous one): everything recorded up to the date counts (the old issue as added)
    const first = await compile(env, org, d, null);
    expect(first.fact('contextChanges', 'Issues added')).toBe(added0 + 2);
    expect(first.fact('contextChanges', 'Issues removed')).toBe(1);
    expect(first.table('contextChanges', 'Issues added').rows.find((r) => r[0] === old.ref)?.[3]).toBe('Added');
  });

  it('c) lists interested parties and requirements added, changed and removed', async () => {
    const d = today();
    const party = await buildParty(org.as.contributor, org.slug, { name: 'Cyber insurer' });
    await backdate('interestedParties', party.id);
    const before = await compile(env, org, d, daysFrom(d, -1));
    const req = await buildRequirement(org.as.contributor, org.slug, party.id, { title: 'MFA on remote access' });
    await org.as.contributor.patch(`/api/v1/orgs/${org.slug}/interested-parties/${party.id}`, { relevance: 'high' });
    const after = await compile(env, org, d, daysFrom(d, -1));
    expect(after.fact('partyChanges', 'Requirements added')).toBe(
      before.fact('partyChanges', 'Requirements added') + 1,
    );
    expect(after.fact('partyChanges', 'Interested parties changed')).toBe(
      before.fact('partyChanges', 'Interested parties changed') + 1,
    );
    expect(after.table('partyChanges', 'Needs and expectations').rows.find((r) => r[0] === req.ref)).toEqual([
      req.ref,
      'MFA on remote access',
      'Cyber insurer',
      'Contractual',
      'Added',
      d,
    ]);
    expect(after.table('partyChanges', 'Interested parties').rows.find((r) => r[0] === party.ref)?.[3]).toBe(
      'Changed: Relevance',
    );
  });

  it('e) counts feedback received in the window by kind, lists it, and caps the table at 200 rows', async () => {
    const o = await buildOrg(env.app, env.handle);
    const d = today();
    const party = await buildParty(o.as.contributor, o.slug, { name: 'Key customer' });
    await buildFeedback(o.as.contributor, o.slug, { kind: 'complaint', receivedOn: daysFrom(d, -40) });
    const inWindow = await buildFeedback(o.as.contributor, o.slug, {
      kind: 'request_for_change',
      partyId: party.id,
      receivedOn: daysFrom(d, -3),
      summary: 'Asks for SSO',
    });
    const r = await compile(env, o, d, daysFrom(d, -30));
    expect(r.fact('partyFeedback', 'Feedback received')).toBe(1);
    expect(r.fact('partyFeedback', 'Request for change')).toBe(1);
    expect(r.fact('partyFeedback', 'Complaint')).toBe(0);
    expect(r.fact('partyFeedback', 'Feedback not yet answered')).toBe(2);
    expect(r.table('partyFeedback', 'Feedback received').rows).toEqual([
      [inWindow.ref, 'Request for change', 'Key customer', daysFrom(d, -3), 'Received', 'Asks for SSO'],
    ]);
    expect(r.section('partyFeedback').charts[0]!.chart.series[0]!.values).toEqual([0, 1, 0, 0, 0]);
    await o.as.contributor.patch(`/api/v1/orgs/${o.slug}/party-feedback/${inWindow.id}`, { status: 'answered' });
    expect((await compile(env, o, d, daysFrom(d, -30))).fact('partyFeedback', 'Feedback not yet answered')).toBe(1);
    // before the feedback came in: not there yet
    expect((await compile(env, o, daysFrom(d, -4), daysFrom(d, -30))).fact('partyFeedback', 'Feedback received')).toBe(
      0,
    );

    for (let i = 0; i < 205; i += 15)
      await Promise.all(
        Array.from({ length: Math.min(15, 205 - i) }, () =>
          buildFeedback(o.as.contributor, o.slug, { kind: 'suggestion', receivedOn: daysFrom(d, -1) }),
        ),
      );
    const many = await compile(env, o, d, daysFrom(d, -30));
    expect(many.fact('partyFeedback', 'Feedback received')).toBe(206);
    expect(many.table('partyFeedback', 'Feedback received').rows).toHaveLength(200);
    expect(many.fact('partyFeedback', 'Feedback received from interested parties: rows not listed')).toBe(6);
  });

  it('g) counts improvements open and decided in the window', async () => {
    const o = await buildOrg(env.app, env.handle);
    const d = today();
    const url = `/api/v1/orgs/${o.slug}/improvements`;
    const before = await compile(env, o, d, daysFrom(d, -1));
    expect(before.fact('improvement', 'Improvements open')).toBe(0);
    const idea = (await o.as.viewer.post(`${url}/suggest`, { title: 'Automate access reviews' })).json();
    const mid = await compile(env, o, d, daysFrom(d, -1));
    expect(mid.fact('improvement', 'Improvements open')).toBe(1);
    expect(mid.table('improvement', 'Improvements open').rows).toEqual([
      [idea.ref, 'Automate access reviews', 'Suggestion', 'Suggested', ''],
    ]);
    const rejected = await o.as.contributor.post(`${url}/${idea.id}/evaluation`, {
      expectedVersion: idea.version,
      worthPursuing: false,
      evaluationNote: 'Not worth it',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const after = await compile(env, o, d, daysFrom(d, -1));
    expect(after.fact('improvement', 'Improvements open')).toBe(0);
    expect(after.fact('improvement', 'Improvements decided')).toBe(1);
    expect(after.fact('improvement', 'Of which rejected')).toBe(1);
    expect((await compile(env, o, d, d)).fact('improvement', 'Improvements decided')).toBe(0);
  });

  it('compiles b–g in order, in the schema’s shape, with every label from the catalog and no other org’s record', async () => {
    await buildIssue(other.as.admin, other.slug, { title: 'Bravo only issue' });
    await buildFeedback(other.as.admin, other.slug, { summary: 'Bravo only feedback', receivedOn: today() });
    const r = await compile(env, org, today(), null);
    expect(r.sections.map((s) => s.key)).toEqual(REVIEW_INPUT_KEYS.slice(1));
    for (const s of r.sections) reviewInputSectionSchema.parse(s);
    const text = JSON.stringify(r.sections);
    expect(text).not.toMatch(/review-inputs\.|"[a-z]+\.[a-z]+\.[a-z_]+"/);
    expect(text).not.toContain('Bravo only');
    expect(r.section('performance').notBuilt[0]).toMatch(/no incident module yet/);

    const blocks = reviewInputsBlocks({ compiledAt: '', asOf: today(), since: null, sections: r.sections });
    const headings = blocks.filter((b) => !b.subheading).map((b) => b.heading);
    expect(headings).toEqual([
      'b) Changes in external and internal issues relevant to the ISMS',
      'c) Changes in needs and expectations of interested parties',
      'd) Feedback on information security performance, with trends',
      'e) Feedback from interested parties',
      'f) Results of risk assessment and status of the risk treatment plan',
      'g) Opportunities for continual improvement',
    ]);
    const facts = blocks.find((b) => b.kind === 'table' && b.heading === 'Key figures');
    expect(facts?.kind === 'table' && facts.columns).toEqual(['Figure', 'Value']);
    expect(blocks.filter((b) => b.kind === 'chart').length).toBe(r.sections.flatMap((s) => s.charts).length);
    expect(blocks.some((b) => b.kind === 'text' && b.paragraphs.some((p) => /no incident module/.test(p)))).toBe(true);

    // inside the caller's transaction (the minutes' draft): every query goes through it (on SQLite one outside it
    // would wait for the connection the transaction holds), and the answer is the same
    const inTrx = await env.handle.db
      .transaction()
      .execute((trx) => compileRecordInputs(ctxOf(env, org), trx, { asOf: today(), since: null }));
    expect(inTrx).toEqual(r.sections);
  });
});
