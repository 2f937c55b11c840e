import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { approveMethodology, buildRisk, startingMethodology } from '../helpers/risk-factories.js';
import { chooseEdition, setTreatment } from '../helpers/control-factories.js';

type Operation = { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> };
type Doc = { paths: Record<string, Record<string, Operation>> };

/** The routes of the risk, asset and control modules beyond the generic register ones (their files in server/routes). */
const MODULE_ROUTES = [
  'get /api/v1/orgs/{org}/risk-methodologies/starting-set',
  'get /api/v1/orgs/{org}/risk-methodology/starting-set',
  'get /api/v1/orgs/{org}/risk-methodologies/current',
  'get /api/v1/orgs/{org}/risk-methodology/current',
  'get /api/v1/orgs/{org}/risk-methodologies/{id}/versions/{no}/rescore-preview',
  'get /api/v1/orgs/{org}/risk-rescores',
  'get /api/v1/orgs/{org}/risk-rescores/{id}',
  'get /api/v1/orgs/{org}/risks/heat-map',
  'get /api/v1/orgs/{org}/risks/{id}/assets',
  'put /api/v1/orgs/{org}/risks/{id}/assets',
  'post /api/v1/orgs/{org}/risk-assessments/{id}/close',
  'get /api/v1/orgs/{org}/risk-assessments/{id}/entries',
  'get /api/v1/orgs/{org}/risk-assessments/compare',
  'get /api/v1/orgs/{org}/reassessment-triggers/{id}/risks',
  'put /api/v1/orgs/{org}/reassessment-triggers/{id}/risks',
  'get /api/v1/orgs/{org}/isms-risks/summary',
  'get /api/v1/orgs/{org}/assets/{id}/dependencies',
  'post /api/v1/orgs/{org}/threat-catalog/starting-set',
  'get /api/v1/orgs/{org}/control-catalogs',
  'get /api/v1/orgs/{org}/control-settings',
  'post /api/v1/orgs/{org}/control-settings/edition',
  'post /api/v1/orgs/{org}/control-settings/migrate-to-2022',
  'post /api/v1/orgs/{org}/risks/{id}/acceptance',
  'get /api/v1/orgs/{org}/risk-treatment-plans/live',
  'get /api/v1/orgs/{org}/risk-treatment-plan',
  'get /api/v1/orgs/{org}/treatment-checks',
  'get /api/v1/orgs/{org}/controls/{id}/drivers',
  'get /api/v1/orgs/{org}/risks/{id}/treatment',
  'put /api/v1/orgs/{org}/risks/{id}/treatment',
  'get /api/v1/orgs/{org}/statements-of-applicability/{id}/compare',
];

/**
 * The answers of the risk, asset and control routes are declared (so /api/docs shows them and the server checks
 * them), and speak the requests' language: a level comes with its name, the consequence under the name a request
 * gives it, controls by id.
 */
describe.each(DIALECTS)('risk and control answers on %s', (kind) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv(kind);
  });
  afterAll(() => env?.close());

  const url = (org: TestOrg, path: string) => `/api/v1/orgs/${org.slug}${path}`;

  it('every route of the modules documents the JSON it answers', () => {
    const doc = env.app.swagger() as unknown as Doc;
    const missing = MODULE_ROUTES.filter((key) => {
      const [method, path] = key.split(' ') as [string, string];
      const op = doc.paths[path]?.[method];
      if (!op) return true;
      const success = Object.entries(op.responses).find(([status]) => status.startsWith('2'));
      return !success?.[1].content?.['application/json']?.schema;
    });
    expect(missing).toEqual([]);
  });

  it("assessment entries and comparisons answer each level's name and the consequence by the request's name", async () => {
    const org = await buildOrg(env.app, env.handle);
    await approveMethodology(org, startingMethodology('five-by-five'));
    const risk = await buildRisk(org.as.contributor, org.slug, {
      ownerId: org.users.contributor.id,
      likelihood: 2,
      consequence: 4,
    });
    const a = await org.as.isms_manager.post(url(org, '/risk-assessments'), { title: 'Q1', startedOn: '2026-01-15' });
    expect(a.statusCode).toBe(201);
    const id = (a.json() as { id: string }).id;
    expect((await org.as.isms_manager.post(url(org, `/risk-assessments/${id}/close`))).statusCode).toBe(200);

    const entries = await org.as.viewer.get(url(org, `/risk-assessments/${id}/entries`));
    expect(entries.statusCode).toBe(200);
    expect(entries.json().items).toEqual([
      expect.objectContaining({ riskId: risk.id, level: 'medium', levelLabel: 'Medium', consequence: 4 }),
    ]);

    const compare = await org.as.viewer.get(
      url(org, `/risk-assessments/compare?from=${id}&to=current&changesOnly=false`),
    );
    expect(compare.statusCode).toBe(200);
    expect(compare.json().rows[0].after).toMatchObject({ level: 'medium', levelLabel: 'Medium', consequence: 4 });
  });

  it('heat map cells and re-scorings name their levels', async () => {
    const org = await buildOrg(env.app, env.handle);
    const { id: methodologyId } = await approveMethodology(org, startingMethodology('five-by-five'));
    await buildRisk(org.as.contributor, org.slug, {
      ownerId: org.users.contributor.id,
      likelihood: 5,
      consequence: 5,
    });

    const map = await org.as.viewer.get(url(org, '/risks/heat-map'));
    expect(map.statusCode).toBe(200);
    const cells = map.json().cells as { likelihood: number; consequence: number; level: string; levelLabel: string }[];
    expect(cells.find((c) => c.likelihood === 5 && c.consequence === 5)).toMatchObject({
      level: 'critical',
      levelLabel: 'Critical',
    });

    await approveMethodology(org, startingMethodology('three-by-three'), methodologyId);
    const list = await org.as.viewer.get(url(org, '/risk-rescores'));
    expect(list.statusCode).toBe(200);
    const rescore = await org.as.viewer.get(url(org, `/risk-rescores/${list.json().items[0].id}`));
    expect(rescore.statusCode).toBe(200);
    const move = rescore.json().moves[0];
    expect(move.before).toMatchObject({ level: 'critical', levelLabel: 'Critical' });
    expect(move.after.levelLabel).toEqual(expect.any(String));
    expect(move.after.levelLabel).not.toBe(move.after.level);

    // a report written before levels answered their names: read from the versions it went from and to
    type Stored = { before: Record<string, unknown> | null; after: Record<string, unknown> | null };
    const unnamed = (x: Record<string, unknown> | null) => x && { ...x, levelLabel: undefined };
    const row = await env.handle.db
      .selectFrom('riskRescores')
      .selectAll()
      .where('id', '=', list.json().items[0].id)
      .executeTakeFirstOrThrow();
    const moves = (JSON.parse(row.moves) as Stored[]).map((m) => ({
      ...m,
      before: unnamed(m.before),
      after: unnamed(m.after),
    }));
    expect(JSON.stringify(moves)).not.toContain('levelLabel');
    // the table is append-only: the old report is a copy of this one as it would have been stored
    const oldId = crypto.randomUUID();
    await env.handle.db
      .insertInto('riskRescores')
      .values({ ...row, id: oldId, moves: JSON.stringify(moves) })
      .execute();
    const old = await org.as.viewer.get(url(org, `/risk-rescores/${oldId}`));
    expect(old.statusCode).toBe(200);
    expect(old.json().moves[0].before).toMatchObject({ level: 'critical', levelLabel: 'Critical' });
    expect(old.json().moves[0].after.levelLabel).toBe(move.after.levelLabel);
  });

  it('a treatment answers the controls it made applicable by id, and names the residual level', async () => {
    const org = await buildOrg(env.app, env.handle);
    await approveMethodology(org, startingMethodology('five-by-five'));
    const controls = await chooseEdition(org);
    const risk = await buildRisk(org.as.contributor, org.slug, {
      ownerId: org.users.contributor.id,
      likelihood: 4,
      consequence: 4,
    });
    const c = controls.get('8.13')!;
    const t = await setTreatment(org.as.contributor, org.slug, risk.id, {
      options: [{ option: 'modify', rationale: 'Backups' }],
      controls: [{ controlId: c.id, effect: 'consequence' }],
      residual: { likelihood: 1, consequence: 1 },
    });
    expect(t.proposedApplicableControlIds).toEqual([c.id]);
    expect(t.proposedApplicable).toEqual(['8.13']);
    expect(t.residualEvaluation).toMatchObject({ level: 'low', levelLabel: 'Low' });

    const drivers = await org.as.viewer.get(url(org, `/controls/${c.id}/drivers`));
    expect(drivers.statusCode).toBe(200);
    expect(drivers.json().risks).toEqual([expect.objectContaining({ id: risk.id, level: 'high', levelLabel: 'High' })]);
  });
});
