import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';
import { approveMethodology, buildRisk, fourByFour, startingMethodology } from '../helpers/risk-factories.js';

type Risk = Record<string, unknown> & { id: string; ref: string; version: number };

describe.each(DIALECTS)('risk register and methodology on %s', (kind) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv(kind);
  });
  afterAll(() => env?.close());

  /**
   * Each test builds its own organization, brought to the stage of the story it starts from, so any test runs
   * alone: 'methodology' has the 3 × 3 approved; 'evaluated' adds the four risks the evaluation test makes;
   * 'draft' adds a 4 × 4 draft as version 2; 'rescored' approves it.
   */
  async function register(stage: 'none' | 'methodology' | 'evaluated' | 'draft' | 'rescored') {
    const org = await buildOrg(env.app, env.handle);
    if (stage === 'none') return { org, methodologyId: '' };
    const { id: methodologyId } = await approveMethodology(org, startingMethodology('three-by-three'));
    if (stage === 'methodology') return { org, methodologyId };
    const ownerId = org.users.contributor.id;
    await buildRisk(org.as.contributor, org.slug, { title: 'Identified only' });
    await buildRisk(org.as.contributor, org.slug, {
      title: 'Loss of a mobile phone',
      ownerId,
      likelihood: 3,
      consequence: 2,
      affectsAvailability: true,
      affectsConfidentiality: true,
      rationale: 'Phones are lost every quarter.',
    });
    const low = await buildRisk(org.as.contributor, org.slug, {
      title: 'Printer jam',
      ownerId,
      likelihood: 1,
      consequence: 1,
    });
    await buildRisk(org.as.contributor, org.slug, {
      title: 'Ranked by hand',
      ownerId,
      likelihood: 1,
      consequence: 1,
      priorityOverride: 1,
    });
    const changed = await org.as.contributor.patch(`/api/v1/orgs/${org.slug}/risks/${low.id}`, {
      likelihood: 3,
      consequence: 3,
      expectedVersion: low.version,
    });
    if (changed.statusCode !== 200) throw new Error(`re-evaluate: ${changed.statusCode} ${changed.body}`);
    if (stage === 'evaluated') return { org, methodologyId };
    if (stage === 'draft') {
      const res = await org.as.isms_manager.request(
        'PUT',
        `/api/v1/orgs/${org.slug}/risk-methodologies/${methodologyId}/draft`,
        { content: { summary: 'Now 4 × 4.', methodology: fourByFour() } },
      );
      if (res.statusCode !== 200) throw new Error(`4 × 4 draft: ${res.statusCode} ${res.body}`);
      return { org, methodologyId };
    }
    await approveMethodology(org, fourByFour(), methodologyId);
    return { org, methodologyId };
  }

  let org: TestOrg;
  let methodologyId: string;
  const url = (path = '') => `/api/v1/orgs/${org.slug}${path}`;
  const owner = () => org.users.contributor.id;
  const riskCount = async () =>
    Number(
      (
        await env.handle.db
          .selectFrom('risks')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses to evaluate a risk before a methodology is approved, and writes nothing', async () => {
    ({ org, methodologyId } = await register('none'));
    const before = { ...(await writeCounts(env.handle)), risks: await riskCount() };
    const res = await org.as.contributor.post(url('/risks'), {
      title: 'Laptop theft',
      ownerId: owner(),
      likelihood: 2,
      consequence: 2,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toEqual([{ field: 'body.likelihood', message: 'No approved methodology' }]);
    expect({ ...(await writeCounts(env.handle)), risks: await riskCount() }).toEqual(before);
    // identifying a risk without analysing it needs no methodology
    const r = await buildRisk(org.as.contributor, org.slug, { title: 'Identified only' });
    expect(r).toMatchObject({ status: 'identified', level: null, priority: null });
  });

  it('keeps one methodology per organization', async () => {
    ({ org } = await register('none'));
    ({ id: methodologyId } = await approveMethodology(org, startingMethodology('three-by-three')));
    const res = await org.as.isms_manager.post(url('/risk-methodologies'), { title: 'Second' });
    expect(res.statusCode).toBe(409);
    const current = (await org.as.viewer.get(url('/risk-methodology/current'))).json().current;
    expect(current).toMatchObject({ recordId: methodologyId, versionNo: 1 });
    expect(current.methodology.likelihood.levels).toHaveLength(3);
  });

  it('needs the risk owner before evaluating, and levels within the scales', async () => {
    ({ org, methodologyId } = await register('methodology'));
    const noOwner = await org.as.contributor.post(url('/risks'), { title: 'No owner', likelihood: 2, consequence: 2 });
    expect(noOwner.statusCode).toBe(400);
    expect(noOwner.json().errors[0].field).toBe('body.ownerId');
    const outOfScale = await org.as.contributor.post(url('/risks'), {
      title: 'Too high',
      ownerId: owner(),
      likelihood: 4,
      consequence: 1,
    });
    expect(outOfScale.statusCode).toBe(400);
    expect(outOfScale.json().errors).toEqual([
      { field: 'body.likelihood', message: 'Must be a level of the scale: 1 to 3' },
    ]);
    const half = await org.as.contributor.post(url('/risks'), { title: 'Half', ownerId: owner(), likelihood: 2 });
    expect(half.statusCode).toBe(400);
    expect(half.json().errors[0].field).toBe('body.consequence');
  });

  it('evaluates a risk with the approved methodology: level, score, acceptability, priority', async () => {
    ({ org, methodologyId } = await register('methodology'));
    // 3 × 3: likelihood High (3) × consequence Medium (2) → high, not acceptable
    const r = await buildRisk(org.as.contributor, org.slug, {
      title: 'Loss of a mobile phone',
      ownerId: owner(),
      likelihood: 3,
      consequence: 2,
      affectsAvailability: true,
      affectsConfidentiality: true,
      rationale: 'Phones are lost every quarter.',
    });
    expect(r).toMatchObject({
      level: 'high',
      score: 6,
      consequenceLevel: 2,
      acceptable: false,
      priority: 1,
      methodologyVersion: 1,
      status: 'assessed',
    });
    expect(r.ref).toMatch(/^RISK-\d{3}$/);
    const low = await buildRisk(org.as.contributor, org.slug, {
      title: 'Printer jam',
      ownerId: owner(),
      likelihood: 1,
      consequence: 1,
    });
    expect(low).toMatchObject({ level: 'low', acceptable: true, priority: 3 });
    // the owner's own priority wins over the derived one
    const ranked = await buildRisk(org.as.contributor, org.slug, {
      title: 'Ranked by hand',
      ownerId: owner(),
      likelihood: 1,
      consequence: 1,
      priorityOverride: 1,
    });
    expect(ranked.priority).toBe(1);
    // changing the analysis re-evaluates
    const changed = (
      await org.as.contributor.patch(url(`/risks/${low.id}`), {
        likelihood: 3,
        consequence: 3,
        expectedVersion: low.version,
      })
    ).json();
    expect(changed).toMatchObject({ level: 'high', score: 9, acceptable: false });
  });

  describe('reading the evaluated register', () => {
    beforeAll(async () => {
      ({ org, methodologyId } = await register('evaluated'));
    });

    it('lists by priority (then score), filters by level, acceptability, cell and evaluation', async () => {
      const list = (await org.as.viewer.get(url('/risks?pageSize=200'))).json().items as Risk[];
      const evaluated = list.filter((r) => r.priority !== null);
      expect(evaluated.map((r) => r.priority)).toEqual(
        [...evaluated.map((r) => r.priority as number)].sort((a, b) => a - b),
      );
      expect(list.at(-1)!.priority).toBeNull();
      const sameFirst = evaluated.filter((r) => r.priority === 1);
      expect(sameFirst.map((r) => r.score)).toEqual([...sameFirst.map((r) => r.score as number)].sort((a, b) => b - a));
      const ids = async (q: string) =>
        ((await org.as.viewer.get(url(`/risks${q}`))).json().items as Risk[]).map((r) => r.title);
      expect(await ids('?level=high')).toEqual(expect.arrayContaining(['Loss of a mobile phone', 'Printer jam']));
      expect(await ids('?level=low')).toEqual(['Ranked by hand']);
      expect(await ids('?acceptable=false')).not.toContain('Ranked by hand');
      expect(await ids('?likelihood=3&consequenceLevel=2')).toEqual(['Loss of a mobile phone']);
      expect(await ids('?evaluated=false')).toEqual(['Identified only']);
      expect((await org.as.viewer.get(url('/risks?level=High!'))).statusCode).toBe(400);
    });

    it('draws the heat map from the same evaluations', async () => {
      const map = (await org.as.viewer.get(url('/risks/heat-map'))).json();
      expect(map.methodology).toMatchObject({ versionNo: 1, likelihood: { levels: ['Low', 'Medium', 'High'] } });
      expect(map.cells).toHaveLength(9);
      expect(
        map.cells.find((c: { likelihood: number; consequence: number }) => c.likelihood === 3 && c.consequence === 2),
      ).toMatchObject({ level: 'high', count: 1 });
      expect(map.total).toBe(3);
      expect(map.notEvaluated).toBe(1);
      expect(map.cells.reduce((s: number, c: { count: number }) => s + c.count, 0)).toBe(3);
    });
  });

  it('previews what a new methodology version would do, writing nothing', async () => {
    ({ org, methodologyId } = await register('evaluated'));
    const draft = (
      await org.as.isms_manager.request('PUT', url(`/risk-methodologies/${methodologyId}/draft`), {
        content: { summary: 'Now 4 × 4.', methodology: fourByFour() },
      })
    ).json();
    expect(draft.versionNo).toBe(2);
    const before = await env.handle.db
      .selectFrom('risks')
      .select(['id', 'level', 'likelihood', 'methodologyVersion'])
      .orderBy('id')
      .execute();
    const preview = (
      await org.as.viewer.get(url(`/risk-methodologies/${methodologyId}/versions/2/rescore-preview`))
    ).json();
    expect(preview).toMatchObject({ fromVersion: 1, toVersion: 2, total: 3 });
    // High (3 of 3) is carried to 4 of 4; the phone: 4 × Medium (2 of 3 → 3 of 4) = high in the new grid
    const phone = preview.moves.find((m: { title: string }) => m.title === 'Loss of a mobile phone');
    expect(phone.carried).toEqual(
      expect.arrayContaining([
        { field: 'likelihood', from: 3, to: 4 },
        { field: 'consequence', from: 2, to: 3 },
      ]),
    );
    expect(
      await env.handle.db
        .selectFrom('risks')
        .select(['id', 'level', 'likelihood', 'methodologyVersion'])
        .orderBy('id')
        .execute(),
    ).toEqual(before);
  });

  it('re-scores every risk when the new version is approved, and keeps the report', async () => {
    ({ org, methodologyId } = await register('draft'));
    const v2 = (await org.as.viewer.get(url(`/risk-methodologies/${methodologyId}/versions/2`))).json();
    // The 4 × 4 makes the hand-ranked low risk (1,1) stay low, and 3 × 3 (high) carried to 4 × 4 → high
    const res = await org.as.approver.post(url(`/risk-methodologies/${methodologyId}/versions/2/approve`), {
      contentHash: v2.contentHash,
    });
    expect(res.statusCode).toBe(200);
    const risks = await env.handle.db
      .selectFrom('risks')
      .selectAll()
      .where('orgId', '=', org.id)
      .where('level', 'is not', null)
      .execute();
    expect(risks.every((r) => r.methodologyVersion === 2)).toBe(true);
    const phone = risks.find((r) => r.title === 'Loss of a mobile phone')!;
    expect(phone).toMatchObject({ likelihood: 4, consequence: 3, level: 'high', score: 12 });
    const reports = (await org.as.viewer.get(url('/risk-rescores'))).json();
    expect(reports.items[0]).toMatchObject({ fromVersion: 1, toVersion: 2, total: 3 });
    const report = (await org.as.viewer.get(url(`/risk-rescores/${reports.items[0].id}`))).json();
    expect(report.moves.map((m: { ref: string }) => m.ref)).toContain(phone.ref);
    // audited: one event per approval's run (v1 had no risks to move), one per risk that changed
    const events = await env.handle.db
      .selectFrom('auditEvents')
      .select(['type', 'entityId'])
      .where('orgId', '=', org.id)
      .where('type', 'in', ['risk.rescored', 'risk.reevaluated'])
      .execute();
    expect(events.filter((e) => e.type === 'risk.rescored')).toHaveLength(2);
    expect(events.filter((e) => e.type === 'risk.reevaluated').map((e) => e.entityId)).toContain(phone.id);
    // a new risk is now evaluated on the 4 × 4
    const fresh = await buildRisk(org.as.contributor, org.slug, {
      title: 'Flooded office',
      ownerId: owner(),
      likelihood: 4,
      consequence: 4,
    });
    expect(fresh).toMatchObject({ level: 'high', methodologyVersion: 2 });
  });

  it('re-scores all or nothing: a failure half way leaves every score and the approval as they were', async () => {
    ({ org, methodologyId } = await register('rescored'));
    const m = fourByFour();
    m.rule = {
      kind: 'matrix',
      cells: m.rule.kind === 'matrix' ? m.rule.cells.map((row) => row.map(() => 'medium')) : [],
    };
    const draft = (
      await org.as.isms_manager.request('PUT', url(`/risk-methodologies/${methodologyId}/draft`), {
        content: { summary: 'All medium.', methodology: m },
      })
    ).json();
    const target = await env.handle.db
      .selectFrom('risks')
      .select(['id', 'ref'])
      .where('orgId', '=', org.id)
      .where('level', '=', 'high')
      .orderBy('ref', 'desc')
      .executeTakeFirstOrThrow();
    const db = env.handle.db;
    if (kind === 'sqlite') {
      await sql`CREATE TRIGGER fail_rescore BEFORE UPDATE OF level ON risks WHEN NEW.id = ${sql.lit(target.id)} BEGIN SELECT RAISE(ABORT, 'injected failure'); END`.execute(
        db,
      );
    } else {
      await sql`CREATE FUNCTION fail_rescore() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql`.execute(
        db,
      );
      await sql`CREATE TRIGGER fail_rescore BEFORE UPDATE OF level ON risks FOR EACH ROW WHEN (NEW.id = ${sql.lit(target.id)}) EXECUTE FUNCTION fail_rescore()`.execute(
        db,
      );
    }
    const snapshot = () =>
      db
        .selectFrom('risks')
        .select(['id', 'level', 'score', 'acceptable', 'methodologyVersion', 'version'])
        .orderBy('id')
        .execute();
    const before = {
      risks: await snapshot(),
      counts: await writeCounts(env.handle),
      approvals: (await db.selectFrom('approvals').select('id').execute()).length,
      rescores: (await db.selectFrom('riskRescores').select('id').execute()).length,
    };
    const res = await org.as.approver.post(
      url(`/risk-methodologies/${methodologyId}/versions/${draft.versionNo}/approve`),
      { contentHash: draft.contentHash },
    );
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('injected failure');
    if (kind === 'sqlite') await sql`DROP TRIGGER fail_rescore`.execute(db);
    else {
      await sql`DROP TRIGGER fail_rescore ON risks`.execute(db);
      await sql`DROP FUNCTION fail_rescore()`.execute(db);
    }
    expect(await snapshot()).toEqual(before.risks);
    expect(await writeCounts(env.handle)).toEqual(before.counts);
    expect((await db.selectFrom('approvals').select('id').execute()).length).toBe(before.approvals);
    expect((await db.selectFrom('riskRescores').select('id').execute()).length).toBe(before.rescores);
    const record = (await org.as.viewer.get(url(`/risk-methodologies/${methodologyId}`))).json();
    expect(record).toMatchObject({ approvedVersion: 2, latestState: 'draft' });
    // without the failure the same approval goes through and every risk becomes medium
    const ok = await org.as.approver.post(
      url(`/risk-methodologies/${methodologyId}/versions/${draft.versionNo}/approve`),
      { contentHash: draft.contentHash },
    );
    expect(ok.statusCode).toBe(200);
    const levels = await db
      .selectFrom('risks')
      .select('level')
      .where('orgId', '=', org.id)
      .where('level', 'is not', null)
      .execute();
    expect(new Set(levels.map((l) => l.level))).toEqual(new Set(['medium']));
  });

  it('exports the methodology as DOCX and PDF with its matrix', async () => {
    ({ org, methodologyId } = await register('rescored'));
    const docx = await org.as.viewer.get(url(`/risk-methodologies/${methodologyId}/versions/2/export.docx`));
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await org.as.viewer.get(url(`/risk-methodologies/${methodologyId}/versions/2/export.pdf`));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Very high');
    expect(xml).toContain('Risk matrix');
  });
});
