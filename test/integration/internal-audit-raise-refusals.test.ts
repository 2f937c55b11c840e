import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditWithFinding, daysFromToday, followUpPlan, raiseCounts } from '../helpers/audit-finding-factories.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';

const PARALLEL = 20;

/** What a raise refuses: bad input naming fields, foreign ids, states, a second raise, twenty at once. */
describe.each(DIALECTS)('refusals of raising an audit finding on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let other: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
    other = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const itemRow = (id: string) =>
    env.handle.db.selectFrom('auditChecklistItems').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const fieldsOf = (res: { json: () => { errors?: { field: string }[] } }) =>
    (res.json().errors ?? []).map((e) => e.field).sort();

  it('bad input names the field and writes nothing', async () => {
    const f = await auditWithFinding(org, 'minor_nc');
    const obs = await auditWithFinding(org, 'observation');
    const before = await raiseCounts(env.handle, org.id);
    const itemBefore = await itemRow(f.item.id);
    const cases: [Record<string, unknown>, string[]][] = [
      [{ expectedVersion: f.item.version }, ['body.followUp', 'body.ownerId']],
      [{ expectedVersion: f.item.version, ownerId: org.users.contributor.id }, ['body.followUp']],
      [
        {
          expectedVersion: f.item.version,
          ownerId: org.users.contributor.id,
          followUp: { ...followUpPlan(), correction: ' ' },
        },
        ['body.followUp.correction'],
      ],
      [
        {
          expectedVersion: f.item.version,
          ownerId: org.users.contributor.id,
          followUp: { ...followUpPlan(), dueOn: '31/12/2030' },
        },
        ['body.followUp.dueOn'],
      ],
      [
        {
          expectedVersion: f.item.version,
          ownerId: org.users.contributor.id,
          followUp: { ...followUpPlan(), dueOn: daysFromToday(-1) },
        },
        ['body.followUp.dueOn'],
      ],
      [
        {
          expectedVersion: f.item.version,
          ownerId: org.users.contributor.id,
          followUp: { ...followUpPlan(), extra: 1 },
        },
        ['body.followUp'],
      ],
      // an owner from another organization
      [
        { expectedVersion: f.item.version, ownerId: other.users.contributor.id, followUp: followUpPlan() },
        ['body.ownerId'],
      ],
      [
        { expectedVersion: 'one', ownerId: org.users.contributor.id, followUp: followUpPlan() },
        ['body.expectedVersion'],
      ],
      [{ expectedVersion: f.item.version, ownerId: 'not-a-uuid', followUp: followUpPlan() }, ['body.ownerId']],
      [
        {
          expectedVersion: f.item.version,
          title: 'x'.repeat(201),
          ownerId: org.users.contributor.id,
          followUp: followUpPlan(),
        },
        ['body.title'],
      ],
      [{ expectedVersion: f.item.version, unknown: true }, ['body']],
    ];
    for (const [body, fields] of cases) {
      const res = await org.as.auditor.post(f.raiseUrl, body);
      expect(res.statusCode, `${JSON.stringify(body)} → ${res.body}`).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const named = fieldsOf(res);
      for (const field of fields)
        expect(
          named.some((n) => n === field || n.startsWith(`${field}.`) || field.startsWith(n)),
          `${field} in ${named.join()}`,
        ).toBe(true);
    }
    // a follow-up plan on an observation
    const plan = await org.as.auditor.post(obs.raiseUrl, {
      expectedVersion: obs.item.version,
      followUp: followUpPlan(),
    });
    expect(plan.statusCode, plan.body).toBe(400);
    expect(fieldsOf(plan)).toEqual(['body.followUp']);
    expect(await raiseCounts(env.handle, org.id)).toEqual(before);
    expect(await itemRow(f.item.id)).toEqual(itemBefore);
  });

  it('foreign ids: another organization’s audit or item answers 404; an item of another audit too', async () => {
    const mine = await auditWithFinding(org, 'minor_nc');
    const theirs = await auditWithFinding(other, 'minor_nc');
    const body = { expectedVersion: 2, ownerId: org.users.contributor.id, followUp: followUpPlan() };
    const base = `/api/v1/orgs/${org.slug}/internal-audits`;
    for (const url of [
      `${base}/${theirs.audit.id}/checklist/${theirs.item.id}/raise`,
      `${base}/${mine.audit.id}/checklist/${theirs.item.id}/raise`,
      `${base}/${theirs.audit.id}/checklist/${mine.item.id}/raise`,
    ]) {
      const res = await org.as.auditor.post(url, body);
      expect(res.statusCode, `${url} → ${res.body}`).toBe(404);
    }
    const second = await auditWithFinding(org, 'minor_nc');
    const crossed = await org.as.auditor.post(`${base}/${second.audit.id}/checklist/${mine.item.id}/raise`, body);
    expect(crossed.statusCode, crossed.body).toBe(404);
    expect((await itemRow(theirs.item.id)).raisedId).toBeNull();
  });

  it('refuses an item that is not a finding, naming item.conclusion', async () => {
    for (const conclusion of ['conforms', 'not_assessed']) {
      const f = await auditWithFinding(org, conclusion);
      const before = await raiseCounts(env.handle, org.id);
      const res = await org.as.auditor.post(f.raiseUrl, { expectedVersion: f.item.version });
      expect(res.statusCode, res.body).toBe(409);
      expect(fieldsOf(res)).toEqual(['item.conclusion']);
      expect(await raiseCounts(env.handle, org.id)).toEqual(before);
    }
  });

  it('refuses a second raise naming the record raised, and a stale version naming body.expectedVersion', async () => {
    const f = await auditWithFinding(org, 'observation');
    const stale = await org.as.auditor.post(f.raiseUrl, { expectedVersion: f.item.version - 1 });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(fieldsOf(stale)).toEqual(['body.expectedVersion']);
    const first = await org.as.auditor.post(f.raiseUrl, { expectedVersion: f.item.version });
    expect(first.statusCode, first.body).toBe(201);
    const again = await org.as.auditor.post(f.raiseUrl, { expectedVersion: first.json().item.version });
    expect(again.statusCode, again.body).toBe(409);
    expect(fieldsOf(again)).toEqual(['item.raised']);
    expect(again.json().detail).toContain(first.json().ref);
  });

  it('refuses a completed or cancelled audit, naming audit.status', async () => {
    const f = await auditWithFinding(org, 'minor_nc');
    let version = f.audit.version;
    for (const to of ['in_progress', 'reporting', 'completed']) {
      const t = await org.as.auditor.post(`${f.a}/transition`, { to, expectedVersion: version });
      expect(t.statusCode, t.body).toBe(200);
      version = t.json().version;
    }
    const done = await org.as.auditor.post(f.raiseUrl, {
      expectedVersion: f.item.version,
      ownerId: org.users.contributor.id,
      followUp: followUpPlan(),
    });
    expect(done.statusCode, done.body).toBe(409);
    expect(fieldsOf(done)).toEqual(['audit.status']);

    const c = await auditWithFinding(org, 'ofi');
    const cancel = await org.as.auditor.post(`${c.a}/transition`, {
      to: 'cancelled',
      expectedVersion: c.audit.version,
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const res = await org.as.auditor.post(c.raiseUrl, { expectedVersion: c.item.version });
    expect(res.statusCode, res.body).toBe(409);
    expect(fieldsOf(res)).toEqual(['audit.status']);
  });

  it(`of ${PARALLEL} raises of one item at once exactly one creates a nonconformity, the others 409, no 5xx`, async () => {
    const f = await auditWithFinding(org, 'major_nc');
    const res = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        org.as.auditor.post(f.raiseUrl, {
          expectedVersion: f.item.version,
          ownerId: org.users.contributor.id,
          followUp: followUpPlan(),
        }),
      ),
    );
    const codes = res.map((r) => r.statusCode).sort();
    expect(
      codes.filter((c) => c === 201),
      codes.join(),
    ).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(PARALLEL - 1);
    const ncs = await env.handle.db
      .selectFrom('nonconformities')
      .select('id')
      .where('orgId', '=', org.id)
      .where('sourceId', '=', f.audit.id)
      .execute();
    expect(ncs).toHaveLength(1);
    expect((await itemRow(f.item.id)).raisedId).toBe(ncs[0]!.id);
  });
});
