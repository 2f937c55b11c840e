import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { approveMethodology, buildRisk, startingMethodology } from '../helpers/risk-factories.js';

describe.each(DIALECTS)('risk assessment cycles and reassessment triggers on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  type Made = { id: string; ref: string; version: number };
  const risks = {} as Record<'phone' | 'backup' | 'printer' | 'cloud' | 'q1', Made>;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const url = (path = '') => `/api/v1/orgs/${org.slug}${path}`;
  const owner = () => org.users.contributor.id;
  const newAssessment = async (title: string) => {
    const res = await org.as.isms_manager.post(url('/risk-assessments'), {
      title,
      startedOn: '2026-01-15',
      scopeDescription: 'Whole ISMS scope',
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; ref: string; version: number; status: string; methodologyVersion: number };
  };

  /**
   * A new organization at the point of the story a test starts from, so any test runs alone: 'methodology' has the
   * 5 × 5 approved; 'q1' adds three risks and the closed Q1 assessment, the printer risk raised after it; 'q2' also
   * lowers the backup risk, archives the phone risk and adds the cloud one.
   */
  async function stage(at: 'methodology' | 'q1' | 'q2') {
    org = await buildOrg(env.app, env.handle);
    await approveMethodology(org, startingMethodology('five-by-five'));
    if (at === 'methodology') return;
    risks.phone = await buildRisk(org.as.contributor, org.slug, {
      title: 'Theft or loss of a mobile phone',
      ownerId: owner(),
      likelihood: 3,
      consequenceC: 4,
      consequenceA: 2,
    });
    risks.backup = await buildRisk(org.as.contributor, org.slug, {
      title: 'Backups fail silently',
      ownerId: owner(),
      likelihood: 2,
      consequence: 4,
    });
    risks.printer = await buildRisk(org.as.contributor, org.slug, {
      title: 'Printer leaks documents',
      ownerId: owner(),
      likelihood: 1,
      consequence: 1,
    });
    risks.q1 = await newAssessment('Q1 assessment');
    const ok = (res: { statusCode: number; body: string }, what: string) => {
      if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
    };
    ok(await org.as.isms_manager.post(url(`/risk-assessments/${risks.q1.id}/close`)), 'close Q1');
    ok(
      await org.as.contributor.patch(url(`/risks/${risks.printer.id}`), { likelihood: 5, consequence: 5 }),
      'raise printer',
    );
    if (at === 'q1') return;
    ok(
      await org.as.contributor.patch(url(`/risks/${risks.backup.id}`), { likelihood: 1, consequence: 1 }),
      'lower backups',
    );
    ok(await org.as.isms_manager.del(url(`/risks/${risks.phone.id}`)), 'archive phone');
    risks.cloud = await buildRisk(org.as.contributor, org.slug, {
      title: 'Cloud region outage',
      ownerId: owner(),
      likelihood: 2,
      consequence: 5,
    });
  }

  it('opens an assessment only on an approved methodology', async () => {
    const res = await org.as.isms_manager.post(url('/risk-assessments'), {
      title: 'Too early',
      startedOn: '2026-01-01',
    });
    expect(res.statusCode).toBe(409);
    await approveMethodology(org, startingMethodology('five-by-five'));
    const a = await newAssessment('Annual assessment 2026');
    expect(a).toMatchObject({ status: 'open', methodologyVersion: 1 });
    expect(a.ref).toMatch(/^RA-\d{3}$/);
    // status is kept by the server
    expect(
      (
        await org.as.isms_manager.post(url('/risk-assessments'), {
          title: 'x',
          startedOn: '2026-01-01',
          status: 'closed',
        })
      ).statusCode,
    ).toBe(400);
  });

  it('closes an assessment into a frozen snapshot that no one can change', async () => {
    await stage('methodology');
    risks.phone = await buildRisk(org.as.contributor, org.slug, {
      title: 'Theft or loss of a mobile phone',
      ownerId: owner(),
      likelihood: 3,
      consequenceC: 4,
      consequenceA: 2,
    });
    risks.backup = await buildRisk(org.as.contributor, org.slug, {
      title: 'Backups fail silently',
      ownerId: owner(),
      likelihood: 2,
      consequence: 4,
    });
    risks.printer = await buildRisk(org.as.contributor, org.slug, {
      title: 'Printer leaks documents',
      ownerId: owner(),
      likelihood: 1,
      consequence: 1,
    });
    expect(risks.phone).toMatchObject({ consequenceLevel: 4, level: 'high' });
    const a = await newAssessment('Q1 assessment');
    const closed = await org.as.isms_manager.post(url(`/risk-assessments/${a.id}/close`));
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ riskCount: 3, methodologyVersion: 1 });
    expect((await org.as.isms_manager.post(url(`/risk-assessments/${a.id}/close`))).statusCode).toBe(409);
    expect(
      (await org.as.isms_manager.patch(url(`/risk-assessments/${a.id}`), { notes: 'changed later' })).statusCode,
    ).toBe(409);
    expect((await org.as.contributor.post(url(`/risk-assessments/${a.id}/close`))).statusCode).toBe(403);
    const entries = (await org.as.viewer.get(url(`/risk-assessments/${a.id}/entries`))).json();
    expect(entries.total).toBe(3);
    expect(entries.items[0]).toMatchObject({
      title: 'Theft or loss of a mobile phone',
      level: 'high',
      acceptable: false,
    });
    // the database refuses changes to a snapshot row
    const db = env.handle.db;
    await expect(sql`UPDATE risk_assessment_entries SET level = 'low'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM risk_assessment_entries`.execute(db)).rejects.toThrow(/append-only/);
    // later changes to risks leave the snapshot as it was
    await org.as.contributor.patch(url(`/risks/${risks.printer.id}`), { likelihood: 5, consequence: 5 });
    const again = (await org.as.viewer.get(url(`/risk-assessments/${a.id}/entries?pageSize=200`))).json();
    expect(again.items.find((e: { title: string }) => e.title === 'Printer leaks documents')).toMatchObject({
      level: 'low',
    });
    risks.q1 = a;
  });

  it('compares two assessments: new, removed, rose, fell, crossed the acceptance line', async () => {
    await stage('q1');
    // since Q1: printer rose to critical (crossed), backups fell to acceptable, phone removed, a new risk added
    await org.as.contributor.patch(url(`/risks/${risks.backup.id}`), { likelihood: 1, consequence: 1 });
    await org.as.isms_manager.del(url(`/risks/${risks.phone.id}`));
    risks.cloud = await buildRisk(org.as.contributor, org.slug, {
      title: 'Cloud region outage',
      ownerId: owner(),
      likelihood: 2,
      consequence: 5,
    });
    const q2 = await newAssessment('Q2 assessment');
    await org.as.isms_manager.post(url(`/risk-assessments/${q2.id}/close`));
    const c = (await org.as.viewer.get(url(`/risk-assessments/compare?from=${risks.q1.id}&to=${q2.id}`))).json();
    const byTitle = Object.fromEntries(c.rows.map((r: { title: string }) => [r.title, r]));
    expect(byTitle['Printer leaks documents']).toMatchObject({
      change: 'rose',
      crossed: 'to_unacceptable',
      before: { level: 'low' },
      after: { level: 'critical' },
    });
    expect(byTitle['Backups fail silently']).toMatchObject({ change: 'fell', crossed: 'to_acceptable' });
    expect(byTitle['Theft or loss of a mobile phone']).toMatchObject({ change: 'removed', after: null });
    expect(byTitle['Cloud region outage']).toMatchObject({ change: 'added', before: null });
    expect(c.summary).toMatchObject({
      added: 1,
      removed: 1,
      rose: 1,
      fell: 1,
      toUnacceptable: 1,
      toAcceptable: 1,
      unchanged: 0,
    });
    expect(c.methodologyChanged).toBe(false);
    // against the register as it stands: nothing moved since Q2
    const now = (await org.as.viewer.get(url(`/risk-assessments/compare?from=${q2.id}&to=current`))).json();
    expect(now.rows).toEqual([]);
    expect(now.summary.unchanged).toBe(3);
    // an open assessment has no results to compare
    const open = await newAssessment('Q3 assessment');
    expect((await org.as.viewer.get(url(`/risk-assessments/compare?from=${open.id}&to=current`))).statusCode).toBe(409);
    expect((await org.as.viewer.get(url('/risk-assessments/compare?from=nope&to=current'))).statusCode).toBe(400);
    // exports
    const csv = await org.as.viewer.get(url(`/risk-assessments/compare/export.csv?from=${risks.q1.id}&to=${q2.id}`));
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Printer leaks documents');
    expect(csv.body).toContain('Now beyond acceptance');
    expect(csv.body).toContain('Critical');
    const xlsx = await org.as.viewer.get(url(`/risk-assessments/compare/export.xlsx?from=${risks.q1.id}&to=${q2.id}`));
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('records a trigger that calls given risks to be reassessed, until they are evaluated again', async () => {
    await stage('q2');
    const t = await org.as.contributor.post(url('/reassessment-triggers'), {
      title: 'Moved hosting to a new provider',
      kind: 'significant_change',
      occurredOn: '2099-01-01',
    });
    expect(t.statusCode).toBe(201);
    const trigger = t.json();
    const set = await org.as.contributor.request('PUT', url(`/reassessment-triggers/${trigger.id}/risks`), {
      riskIds: [risks.cloud.id, risks.backup.id],
    });
    expect(set.statusCode).toBe(200);
    expect(
      set
        .json()
        .items.map((r: { id: string }) => r.id)
        .sort(),
    ).toEqual([risks.cloud.id, risks.backup.id].sort());
    const due = async () =>
      ((await org.as.viewer.get(url('/risks?reassessmentDue=true'))).json().items as { id: string }[])
        .map((r) => r.id)
        .sort();
    expect(await due()).toEqual([risks.cloud.id, risks.backup.id].sort());
    // a foreign or unknown risk is refused by name of the field, and nothing changes
    const bad = await org.as.contributor.request('PUT', url(`/reassessment-triggers/${trigger.id}/risks`), {
      riskIds: [risks.cloud.id, '00000000-0000-4000-8000-000000000000'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { field: 'body.riskIds.1', message: 'No risk with this id in this organization' },
    ]);
    expect(await due()).toHaveLength(2);
    // closing the trigger ends it
    await org.as.contributor.patch(url(`/reassessment-triggers/${trigger.id}`), { status: 'done' });
    expect(await due()).toEqual([]);
  });
});
