import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';
import { editableTextField, fillUrl, loadRouteCatalog, routeKey } from '../helpers/routes.js';
import { REGISTER_MODULES } from '../../src/core/modules.js';
import { LONGTEXT_MAX, TEXT_MAX } from '../../src/schema/register/fields.js';

/** File uploads (register imports) are bad input too: broken, oversized or poisoned files write nothing. */
// Register imports (their report shape); imports of another kind test their bad files beside their own tests
// (measure-results-import.test.ts).
const importRoutes = (await loadRouteCatalog()).filter(
  (r) => r.method === 'POST' && REGISTER_MODULES.some((m) => r.url.endsWith(`/${m.def.collection}/import`)),
);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The register's name field (`title`, `name`…) of an import route: the cells below are written into it. */
// the column a file can write (the title, unless the server keeps it, as for role assignments)
const titleOf = (url: string) => {
  const mod = REGISTER_MODULES.find((m) => url.endsWith(`/${m.def.collection}/import`));
  return mod ? editableTextField(mod) : 'title';
};
/** one character more than that field takes (a summary of 400, a statement of 4,000) */
const tooLongFor = (url: string) => {
  const mod = REGISTER_MODULES.find((m) => url.endsWith(`/${m.def.collection}/import`));
  const def = mod?.def.fields[titleOf(url)];
  return (def?.maxLength ?? (def?.kind === 'longtext' ? LONGTEXT_MAX : TEXT_MAX)) + 1;
};

describe.each(DIALECTS)('bad files on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  it('there are import routes to check', () => expect(importRoutes.length).toBeGreaterThan(0));

  it.each(importRoutes.map((r) => [routeKey(r), r] as const))(
    '%s: every bad file is a 4xx problem and writes nothing',
    async (_k, route) => {
      const url = (dryRun: boolean) => `${fillUrl(route.url, { org: org.slug })}?dryRun=${dryRun}`;
      const send = (payload: string | object, contentType: string, dryRun = false) =>
        org.as.admin.request('POST', url(dryRun), payload, { 'content-type': contentType });
      const title = titleOf(route.url);
      const cases: [string, string | object, string, number, string | null][] = [
        ['NUL in a cell', `${title}\nab\u0000c\n`, 'text/csv', 400, `rows[2].${title}`],
        ['JSON instead of a file', JSON.stringify({ title: 'x' }), 'application/json', 400, 'body'],
        ['empty file', '', 'text/csv', 400, 'body'],
        ['unterminated quote', 'title\n"never closed\n', 'text/csv', 400, 'body'],
        ['not a workbook', 'PK\u0003\u0004 garbage', XLSX, 400, 'body'],
        ['over 10 MiB', `title\n${'x'.repeat(10 * 1024 * 1024 + 1)}`, 'text/csv', 413, null],
        ['unsupported type', '%PDF-1.4', 'application/pdf', 415, null],
        ['a title too long', `${title}\n${'x'.repeat(tooLongFor(route.url))}\n`, 'text/csv', 400, `rows[2].${title}`],
        ['an unknown reference', 'reference,title\nACT-999,x\n', 'text/csv', 400, 'rows[2].ref'],
      ];
      for (const [label, payload, type, status, field] of cases) {
        const before = await writeCounts(env.handle);
        const res = await send(payload, type);
        const what = `${label} → ${res.statusCode} ${res.body.slice(0, 300)}`;
        expect(res.statusCode, what).toBe(status);
        expect(res.headers['content-type'], what).toContain('application/problem+json');
        if (field)
          expect(
            res.json().errors.map((e: { field: string }) => e.field),
            what,
          ).toContain(field);
        expect(await writeCounts(env.handle), `${what}: nothing written`).toEqual(before);
      }
    },
  );

  it.each(importRoutes.map((r) => [routeKey(r), r] as const))(
    '%s: a dry run reports a NUL cell instead of promising a write',
    async (_k, route) => {
      const before = await writeCounts(env.handle);
      const title = titleOf(route.url);
      const res = await org.as.admin.request(
        'POST',
        `${fillUrl(route.url, { org: org.slug })}?dryRun=true`,
        `${title}\nab\u0000c\n`,
        { 'content-type': 'text/csv' },
      );
      expect(res.statusCode).toBe(200);
      expect(res.json().created).toBe(0);
      expect(res.json().errors).toContainEqual({ line: 2, field: title, message: 'Must not contain NUL characters' });
      expect(await writeCounts(env.handle)).toEqual(before);
    },
  );

  it.each(importRoutes.map((r) => [routeKey(r), r] as const))(
    '%s: prototype keys in headers pollute nothing',
    async (_k, route) => {
      const res = await org.as.admin.request(
        'POST',
        `${fillUrl(route.url, { org: org.slug })}?dryRun=true`,
        '__proto__,constructor,title\n{"polluted":1},x,ok\n',
        { 'content-type': 'text/csv' },
      );
      expect(res.statusCode).toBeLessThan(500);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );
});
