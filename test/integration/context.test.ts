import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';
import { buildIssue } from '../helpers/context-factories.js';

describe.each(DIALECTS)('issues register (4.1) on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const url = (path = '') => `/api/v1/orgs/${org.slug}/issues${path}`;
  const titles = (res: { json(): { items: { title: string }[] } }) => res.json().items.map((i) => i.title);

  it('creates issues numbered ISS-nnn with defaults, and lists, filters and sorts them on the server', async () => {
    const a = await buildIssue(org.as.contributor, org.slug, {
      title: 'F-ransomware kits sold as a service',
      category: 'technological',
      relevance: 'high',
    });
    expect(a.ref).toMatch(/^ISS-\d{3}$/);
    expect(a).toMatchObject({ status: 'open', climateRelated: false, direction: 'external' });
    await buildIssue(org.as.contributor, org.slug, {
      title: 'F-river flooding near the office',
      category: 'natural',
      climateRelated: true,
      relevance: 'medium',
    });
    await buildIssue(org.as.contributor, org.slug, {
      title: 'F-small IT team',
      direction: 'internal',
      category: 'capabilities',
      relevance: 'high',
      ownerId: org.users.contributor.id,
    });

    const internal = await org.as.viewer.get(url('?q=F-&direction=internal'));
    expect(internal.statusCode).toBe(200);
    expect(titles(internal)).toEqual(['F-small IT team']);
    expect(titles(await org.as.viewer.get(url('?q=F-&climateRelated=true')))).toEqual([
      'F-river flooding near the office',
    ]);
    expect(titles(await org.as.viewer.get(url('?q=F-&category=natural,capabilities&sort=title&order=asc')))).toEqual([
      'F-river flooding near the office',
      'F-small IT team',
    ]);
    expect(titles(await org.as.contributor.get(url('?q=F-&ownerId=me')))).toEqual(['F-small IT team']);
    const sorted = await org.as.viewer.get(url('?q=F-&sort=title&order=desc&pageSize=2'));
    expect(sorted.json().total).toBe(3);
    expect(titles(sorted)).toEqual(['F-small IT team', 'F-river flooding near the office']);
  });

  it('refuses a category of the other direction, on create, on update and when only the direction changes', async () => {
    const before = await writeCounts(env.handle);
    const wrong = await org.as.contributor.post(url(), { title: 'x', direction: 'external', category: 'culture' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.category']);
    expect(await writeCounts(env.handle)).toEqual(before);

    const issue = await buildIssue(org.as.contributor, org.slug, { direction: 'internal', category: 'culture' });
    const flip = await org.as.contributor.patch(url(`/${issue.id}`), { direction: 'external' });
    expect(flip.statusCode).toBe(400);
    expect(flip.json().errors[0].field).toBe('body.category');
    const cat = await org.as.contributor.patch(url(`/${issue.id}`), { category: 'natural' });
    expect(cat.statusCode).toBe(400);
    const both = await org.as.contributor.patch(url(`/${issue.id}`), { direction: 'external', category: 'natural' });
    expect(both.statusCode).toBe(200);
    expect(both.json()).toMatchObject({ direction: 'external', category: 'natural', version: 2 });
  });

  it('keeps the review history of an issue: what changed, who, when (for the management review)', async () => {
    const issue = await buildIssue(org.as.contributor, org.slug, {
      title: 'New breach-notification law',
      relevance: 'medium',
    });
    await org.as.isms_manager.patch(url(`/${issue.id}`), {
      relevance: 'high',
      status: 'monitoring',
      nextReviewDate: '2031-01-31',
    });
    const res = await org.as.viewer.get(url(`/${issue.id}/history`));
    expect(res.statusCode).toBe(200);
    const [changed, created] = res.json().items;
    expect(created.type).toBe('record.created');
    expect(changed.type).toBe('record.updated');
    expect(changed.actorLabel).toBe(org.users.isms_manager.email);
    expect(changed.payload.changes).toEqual({
      relevance: { from: 'medium', to: 'high' },
      status: { from: 'open', to: 'monitoring' },
      nextReviewDate: { from: null, to: '2031-01-31' },
    });
  });

  it('links an issue to a scope statement and to an action through the generic links, seen from both ends', async () => {
    const issue = await buildIssue(org.as.contributor, org.slug);
    const scope = await org.as.isms_manager.post(`/api/v1/orgs/${org.slug}/scopes`, { title: 'ISMS scope' });
    expect(scope.statusCode).toBe(201);
    const link = await org.as.contributor.post(`/api/v1/orgs/${org.slug}/links`, {
      fromType: 'issue',
      fromId: issue.id,
      toType: 'scope',
      toId: scope.json().id,
      kind: 'affects',
    });
    expect(link.statusCode).toBe(201);
    const fromScope = await org.as.viewer.get(`/api/v1/orgs/${org.slug}/links?type=scope&id=${scope.json().id}`);
    expect(fromScope.json().items).toEqual([expect.objectContaining({ fromType: 'issue', fromRef: issue.ref })]);
  });

  it('exports to CSV and XLSX, and re-importing the export changes nothing', async () => {
    await buildIssue(org.as.contributor, org.slug, {
      title: 'RT-energy price swings',
      category: 'financial_macroeconomic',
      climateRelated: true,
      effect: 'Budget for the backup site, line two',
    });
    await buildIssue(org.as.contributor, org.slug, {
      title: 'RT-quality standard already in place',
      direction: 'internal',
      category: 'adopted_standards',
      ownerId: org.users.admin.id,
    });
    const csv = await org.as.viewer.get(url('/export.csv?q=RT-&sort=title&order=asc'));
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toContain('Reference,Title,Direction,Category');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('RT-energy price swings');
    expect(lines[1]).toContain(',yes,');
    expect(lines[2]).toContain(`<${org.users.admin.email}>`);

    const before = await writeCounts(env.handle);
    const again = await org.as.contributor.request('POST', url('/import?dryRun=false'), csv.body, {
      'content-type': 'text/csv',
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ applied: true, created: 0, updated: 0, unchanged: 2 });
    expect(await writeCounts(env.handle)).toEqual(before);

    const xlsx = await org.as.viewer.request('GET', url('/export.xlsx?q=RT-'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(3);
  });

  it('imports new issues, and reports a category that does not fit its direction on its line', async () => {
    const ok = 'Title,Direction,Category,Relevance\nIMP-supplier market concentration,external,competitive,medium\n';
    const res = await org.as.contributor.request('POST', url('/import?dryRun=false'), ok, {
      'content-type': 'text/csv',
    });
    expect(res.json()).toMatchObject({ applied: true, created: 1 });
    const bad = 'Title,Direction,Category\nIMP-a,internal,processes\nIMP-b,external,processes\n';
    const before = await writeCounts(env.handle);
    const real = await org.as.contributor.request('POST', url('/import?dryRun=false'), bad, {
      'content-type': 'text/csv',
    });
    expect(real.statusCode).toBe(400);
    expect(real.json().errors.map((e: { field: string }) => e.field)).toEqual(['rows[3].category']);
    expect(await writeCounts(env.handle)).toEqual(before);
  });
});
