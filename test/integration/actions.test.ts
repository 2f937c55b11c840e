import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { actionsModule } from '../../src/core/actions/actions.module.js';
import { exportRows } from '../../src/core/register/register-export.js';
import { workerTasksCompleted } from '../../src/core/util/worker-pool.js';
import { ctxOf } from '../helpers/review-inputs-helpers.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildAction, buildOrg, type TestOrg } from '../helpers/factories.js';

describe.each(DIALECTS)('actions register on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const url = (path = '') => `/api/v1/orgs/${org.slug}/actions${path}`;

  it('numbers actions per organization and records who and when', async () => {
    const a = await buildAction(org.as.contributor, org.slug);
    const b = await buildAction(org.as.contributor, org.slug);
    expect(a.ref).toMatch(/^ACT-\d{3}$/);
    expect(Number(b.ref.slice(4))).toBe(Number(a.ref.slice(4)) + 1);
    expect(a.createdBy).toBe(org.users.contributor.id);
    expect(a.status).toBe('open');
  });

  it('filters my actions and overdue ones on the server, and pages the result', async () => {
    const me = org.users.isms_manager.id;
    await buildAction(org.as.isms_manager, org.slug, { title: 'Mine overdue', ownerId: me, dueDate: '2001-01-01' });
    await buildAction(org.as.isms_manager, org.slug, {
      title: 'Mine done late',
      ownerId: me,
      dueDate: '2001-01-01',
      status: 'done',
    });
    await buildAction(org.as.isms_manager, org.slug, { title: 'Mine future', ownerId: me, dueDate: '2999-01-01' });
    const mine = await org.as.isms_manager.get(url('?ownerId=me&pageSize=2&sort=title&order=asc'));
    expect(mine.statusCode).toBe(200);
    expect(mine.json().total).toBe(3);
    expect(mine.json().items.map((i: { title: string }) => i.title)).toEqual(['Mine done late', 'Mine future']);
    const overdue = await org.as.isms_manager.get(url('?ownerId=me&overdue=true'));
    expect(overdue.json().items.map((i: { title: string }) => i.title)).toEqual(['Mine overdue']);
  });

  it('sets completedAt when done and clears it when reopened; rejects stale versions', async () => {
    const a = await buildAction(org.as.contributor, org.slug);
    const done = await org.as.contributor.patch(url(`/${a.id}`), { status: 'done', expectedVersion: 1 });
    expect(done.statusCode).toBe(200);
    expect(done.json().completedAt).toBeTruthy();
    const stale = await org.as.contributor.patch(url(`/${a.id}`), { title: 'late edit', expectedVersion: 1 });
    expect(stale.statusCode).toBe(409);
    const reopened = await org.as.contributor.patch(url(`/${a.id}`), { status: 'open' });
    expect(reopened.json().completedAt).toBeNull();
    expect(reopened.json().version).toBe(3);
  });

  it('keeps the history of a record: creation, each change with before and after, archiving', async () => {
    const a = await buildAction(org.as.contributor, org.slug, { title: 'Before' });
    await org.as.contributor.patch(url(`/${a.id}`), { title: 'After', priority: 'high' });
    expect((await org.as.admin.del(url(`/${a.id}`))).statusCode).toBe(204);
    const res = await org.as.viewer.get(url(`/${a.id}/history`));
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((e: { type: string }) => e.type)).toEqual(['record.archived', 'record.updated', 'record.created']);
    expect(items[1].payload.changes).toEqual({
      title: { from: 'Before', to: 'After' },
      priority: { from: null, to: 'high' },
    });
    expect(items[1].actorLabel).toBe(org.users.contributor.email);
    expect(await org.as.viewer.get(url()).then((r) => r.json().items.map((i: { id: string }) => i.id))).not.toContain(
      a.id,
    );
    expect(
      await org.as.viewer.get(url('?archived=true')).then((r) => r.json().items.map((i: { id: string }) => i.id)),
    ).toContain(a.id);
  });

  it('rejects an owner who is not a member', async () => {
    const res = await org.as.contributor.post(url(), { title: 'x', ownerId: '00000000-0000-4000-8000-000000000000' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual({ field: 'body.ownerId', message: 'Not a member of this organization' });
  });

  it('exports the filtered list as CSV with owner names', async () => {
    await buildAction(org.as.admin, org.slug, { title: '=cmd|calc', ownerId: org.users.admin.id });
    const res = await org.as.viewer.get(url('/export.csv?q=cmd'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("'=cmd|calc");
    expect(lines[1]).toContain(org.users.admin.email);
    expect(lines[0]).toContain('Reference,Title');
  });

  it('reads an export in chunks that keep the list’s filter and order', async () => {
    for (const title of ['Chunk b', 'Chunk d', 'Chunk a', 'Chunk e', 'Chunk c'])
      await buildAction(org.as.admin, org.slug, { title });
    const ctx = ctxOf(env, org);
    const query = { q: 'chunk', sort: 'title', order: 'desc' };
    const titles = (rows: Record<string, unknown>[]) => rows.map((r) => r.title);
    const whole = await exportRows(ctx, actionsModule, query, 1000);
    expect(titles(whole)).toEqual(['Chunk e', 'Chunk d', 'Chunk c', 'Chunk b', 'Chunk a']);
    expect(titles(await exportRows(ctx, actionsModule, query, 2))).toEqual(titles(whole));
  });

  it('exports the filtered list as an Excel workbook with real dates', async () => {
    await buildAction(org.as.admin, org.slug, { title: 'Workbook row', dueDate: '2031-05-06' });
    const tasksBefore = workerTasksCompleted();
    const res = await org.as.viewer.request('GET', url('/export.xlsx?q=workbook'));
    expect(res.statusCode).toBe(200);
    // built in a worker thread: a large export stalls no one
    expect(workerTasksCompleted()).toBe(tasksBefore + 1);
    expect(res.headers['content-disposition']).toMatch(/\.xlsx"$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(2);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 2)).toEqual(['Reference', 'Title']);
    expect(ws.getRow(2).getCell(2).value).toBe('Workbook row');
    const due = ws.getRow(2).getCell(header.indexOf('Due date') + 1).value;
    expect(due).toBeInstanceOf(Date);
    expect((due as Date).toISOString().slice(0, 10)).toBe('2031-05-06');
    const events = await org.as.admin.get(`/api/v1/orgs/${org.slug}/audit-events?type=export.generated`);
    expect(events.json().items.some((e: { payload: { format: string } }) => e.payload.format === 'xlsx')).toBe(true);
  });
});

describe.each(DIALECTS)('register sorting on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  it('sorts text case-insensitively, the same on both databases, with empty values last', async () => {
    for (const title of ['banana', 'Apple', 'cherry', 'apricot', 'Blueberry'])
      await buildAction(org.as.contributor, org.slug, { title });
    const res = await org.as.contributor.get(`/api/v1/orgs/${org.slug}/actions?sort=title&order=asc`);
    expect(res.json().items.map((i: { title: string }) => i.title)).toEqual([
      'Apple',
      'apricot',
      'banana',
      'Blueberry',
      'cherry',
    ]);
    const due = await org.as.contributor.get(`/api/v1/orgs/${org.slug}/actions?sort=dueDate&order=desc`);
    expect(due.json().items.every((i: { dueDate: string | null }) => i.dueDate === null)).toBe(true);
  });
});
