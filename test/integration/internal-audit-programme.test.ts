import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { chooseEdition } from '../helpers/control-factories.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { buildAudit, buildProgramme } from '../helpers/internal-audit-factories.js';

const PARALLEL = 20;

describe.each(DIALECTS)('internal audit programme and coverage (9.2.2) on %s', (kind) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv(kind);
  });
  afterAll(() => env?.close());

  const url = (o: TestOrg, path: string) => `/api/v1/orgs/${o.slug}${path}`;

  it('keeps one current programme per organization, even with twenty creators at once', async () => {
    const org = await buildOrg(env.app, env.handle);
    const res = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        org.as.isms_manager.post(url(org, '/audit-programmes'), { title: `Programme ${i}` }),
      ),
    );
    const codes = res.map((r) => r.statusCode);
    expect(
      codes.filter((c) => c === 201),
      JSON.stringify(codes),
    ).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(PARALLEL - 1);
    const list = (await org.as.viewer.get(url(org, '/audit-programmes'))).json();
    expect(list.total).toBe(1);
  });

  it('refuses a plan naming a control of another organization, naming the field, and saves no draft', async () => {
    const org = await buildOrg(env.app, env.handle);
    const other = await buildOrg(env.app, env.handle);
    const foreign = [...(await chooseEdition(other)).values()][0]!;
    const p = (await org.as.isms_manager.post(url(org, '/audit-programmes'), { title: 'Programme' })).json();
    const res = await org.as.isms_manager.request('PUT', url(org, `/audit-programmes/${p.id}/draft`), {
      content: { plan: { periodFrom: '2030-01-01', periodTo: '2032-12-31', keyControlIds: [foreign.id] } },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors[0].field).toBe('body.content.plan.keyControlIds.0');
    const versions = (await org.as.viewer.get(url(org, `/audit-programmes/${p.id}/versions`))).json();
    expect(versions.items ?? versions).toHaveLength(0);
  });

  it('refuses two planned audits with the same key and a period that ends before it starts', async () => {
    const org = await buildOrg(env.app, env.handle);
    const p = (await org.as.isms_manager.post(url(org, '/audit-programmes'), { title: 'Programme' })).json();
    const audit = { key: 'A1', title: 'Leadership', plannedFrom: '2030-01-01', plannedTo: '2030-01-31' };
    const res = await org.as.isms_manager.request('PUT', url(org, `/audit-programmes/${p.id}/draft`), {
      content: { plan: { periodFrom: '2031-01-01', periodTo: '2030-01-01', plannedAudits: [audit, audit] } },
    });
    expect(res.statusCode, res.body).toBe(400);
    const fields = (res.json().errors as { field: string }[]).map((e) => e.field);
    expect(fields).toContain('body.content.plan.periodTo');
    expect(fields).toContain('body.content.plan.plannedAudits.1.key');
  });

  it('shows every clause and applicable control as planned, done or uncovered within the period', async () => {
    const org = await buildOrg(env.app, env.handle);
    const controls = await chooseEdition(org);
    const [key, planned, other] = [controls.get('5.1')!, controls.get('8.1')!, controls.get('5.2')!];
    for (const c of [key, planned, other]) {
      const r = await org.as.isms_manager.patch(url(org, `/controls/${c.id}`), {
        applicability: 'applicable',
        statedReason: 'Needed',
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    const programme = await buildProgramme(org, {
      periodFrom: '2030-01-01',
      periodTo: '2032-12-31',
      keyControlIds: [key.id],
      plannedAudits: [
        { key: 'LEAD', title: 'Leadership', plannedFrom: '2030-02-01', plannedTo: '2030-02-05', clauses: ['5'] },
        {
          key: 'OPS',
          title: 'Operations',
          plannedFrom: '2031-02-01',
          plannedTo: '2031-02-05',
          clauses: ['8.1'],
          controlIds: [planned.id],
        },
        // outside the period: covers nothing
        { key: 'LATE', title: 'Late', plannedFrom: '2033-02-01', plannedTo: '2033-02-05', clauses: ['7'] },
      ],
    });
    // LEAD is carried out and completed, concluding 5.2's requirements
    const audit = await buildAudit(org, { programmeId: programme.id, plannedAuditKey: 'LEAD', clauses: '5.2' });
    const gen = await org.as.auditor.post(url(org, `/internal-audits/${audit.id}/checklist/generate`), {});
    expect(gen.statusCode, gen.body).toBe(200);
    const item = (gen.json().items as { id: string; clause: string; version: number }[]).find(
      (i) => i.clause === '5.2',
    )!;
    const concl = await org.as.auditor.patch(url(org, `/internal-audits/${audit.id}/checklist/${item.id}`), {
      conclusion: 'conforms',
      expectedVersion: item.version,
    });
    expect(concl.statusCode, concl.body).toBe(200);
    let version = audit.version;
    for (const to of ['in_progress', 'reporting', 'completed']) {
      const t = await org.as.auditor.post(url(org, `/internal-audits/${audit.id}/transition`), {
        to,
        expectedVersion: version,
      });
      expect(t.statusCode, t.body).toBe(200);
      version = t.json().version;
    }

    const res = await org.as.auditor.get(url(org, '/audit-programmes/coverage'));
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json();
    expect(m.audits.map((a: { key: string }) => a.key)).toEqual(['LEAD', 'OPS']);
    const row = (k: string, kind = 'clause') =>
      m.rows.find((r: { key: string; kind: string }) => r.key === k && r.kind === kind);
    expect(row('5.2')).toMatchObject({ state: 'done', plannedBy: ['LEAD'], doneBy: ['LEAD'] });
    expect(row('5.1')).toMatchObject({ state: 'planned', plannedBy: ['LEAD'], doneBy: [] });
    expect(row('8.1')).toMatchObject({ state: 'planned', plannedBy: ['OPS'] });
    expect(row('7.2')).toMatchObject({ state: 'uncovered', plannedBy: [] });
    expect(row('5.1', 'control')).toMatchObject({ state: 'planned', plannedBy: ['LEAD', 'OPS'] });
    expect(row('8.1', 'control')).toMatchObject({ state: 'planned', plannedBy: ['OPS'] });
    expect(row('5.2', 'control')).toMatchObject({ state: 'uncovered' });
    // only applicable controls are rows
    expect(m.rows.filter((r: { kind: string }) => r.kind === 'control')).toHaveLength(3);
    expect(m.counts.done + m.counts.planned + m.counts.uncovered).toBe(m.rows.length);
  });

  it('answers an empty matrix before any programme, every clause uncovered', async () => {
    const org = await buildOrg(env.app, env.handle);
    const res = await org.as.viewer.get(url(org, '/audit-programmes/coverage'));
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json();
    expect(m.programme).toBeNull();
    expect(m.rows.every((r: { state: string }) => r.state === 'uncovered')).toBe(true);
    expect(m.rows.length).toBeGreaterThanOrEqual(30);
  });
});
