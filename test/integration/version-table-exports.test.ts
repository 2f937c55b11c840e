import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSIONED_MODULES } from '../../src/core/modules.js';
import { can } from '../../src/schema/auth/permissions.js';
import { ROLES } from '../../src/schema/auth/roles.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { loadRouteCatalog, routeKey, validRequest } from '../helpers/routes.js';

/**
 * "Every approved-version export (XLSX included) carries its approval record" (issue 17): every XLSX and CSV export
 * of a version of any versioned record — whatever route serves it — is found from the route catalog, the version
 * approved, and the file opened: the approval sheet (XLSX) or trailing columns (CSV) hold who signed, their role,
 * when, and the content hash.
 */
const catalog = await loadRouteCatalog();
const collections = new Map(VERSIONED_MODULES.map((vm) => [vm.register.def.collection, vm]));
/** any route under a versioned record that answers a table file: `/{collection}/:id/…export.{xlsx,csv}` */
const recordTableExports = catalog.filter((r) => {
  const m = /^\/api\/v1\/orgs\/:org\/([^/]+)\/:id\/.*export\.(xlsx|csv)$/.exec(r.url);
  return r.method === 'GET' && !!m && collections.has(m[1]!);
});
const collectionOf = (url: string) => url.split('/')[5]!;

describe('table exports of versioned records', () => {
  it('are all served by the version export (which adds the approval), for every module that has a table', () => {
    expect(recordTableExports.map((r) => r.url).filter((u) => !/\/versions\/:no\/export\.(xlsx|csv)$/.test(u))).toEqual(
      [],
    );
    const withTable = VERSIONED_MODULES.filter((vm) => vm.exportTable).map((vm) => vm.register.def.collection);
    expect(new Set(recordTableExports.map((r) => collectionOf(r.url)))).toEqual(new Set(withTable));
    // the results of 8.2 and 8.3 are among them
    expect(withTable).toEqual(expect.arrayContaining(['risk-assessments', 'treatment-results']));
  });
});

describe.each(DIALECTS)('approved versions exported as tables carry their approval on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle, 'Tables Ltd');
  });
  afterAll(() => env?.close());

  /** Signs the version with each role allowed to, in turn, until it is approved (two-signature rules included). */
  async function approve(versionUrl: string, entity: string) {
    const { contentHash } = (await org.as.admin.get(versionUrl)).json() as { contentHash: string };
    for (const role of ROLES.filter((r) => can(r, `${entity}.approve`))) {
      const res = await org.as[role].post(`${versionUrl}/approve`, { contentHash });
      if (res.statusCode === 200 && res.json().state === 'approved') return contentHash;
    }
    throw new Error(`no role could approve ${versionUrl}`);
  }

  it.each(recordTableExports.map((r) => [routeKey(r), r] as const))('%s', async (_key, route) => {
    const vm = collections.get(collectionOf(route.url))!;
    const { url } = await validRequest(route, { env, org, role: 'admin' });
    const versionUrl = url.replace(/\/export\.(xlsx|csv)$/, '');
    const hash = await approve(versionUrl, vm.register.def.entity);
    const res = (await org.as.viewer.get(url)) as unknown as { statusCode: number; body: string; rawPayload: Buffer };
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    if (url.endsWith('.csv')) {
      const rows = parse(res.body.replace(/^\uFEFF/, '')) as string[][];
      expect(rows[0]!.slice(-4)).toEqual(['Version', 'State', 'Content SHA-256', 'Approved by']);
      expect(rows[0]!.length).toBeGreaterThan(4);
      for (const row of rows.slice(1)) {
        expect(row.at(-3)).toBe('Approved');
        expect(row.at(-2)).toBe(hash);
        expect(row.at(-1)).toMatch(/^Tables Ltd \w+ <.+>, .+, \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
      }
      return;
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    expect(wb.worksheets.length).toBeGreaterThanOrEqual(2);
    const approval = (wb.getWorksheet('Approval')?.getSheetValues() ?? []).flat(2).map(String).join(' | ');
    expect(approval).toContain(hash);
    expect(approval).toContain('Approved');
    expect(approval).toMatch(/Tables Ltd \w+ <.+>/);
    expect(approval).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  });
});
