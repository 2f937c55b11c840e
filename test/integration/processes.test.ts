import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';
import { buildInteraction, buildProcess } from '../helpers/leadership-factories.js';

describe.each(DIALECTS)('ISMS processes and their interactions on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const url = (path = '') => `/api/v1/orgs/${org.slug}${path}`;

  it('creates processes with PROC references and a normalized clause list', async () => {
    const p = await buildProcess(org.as.contributor, org.slug, {
      name: 'Risk assessment',
      clauses: '8.2; 6.1.2,6.1.2',
      ownerId: org.users.isms_manager.id,
    });
    expect(p.ref).toMatch(/^PROC-\d{3}$/);
    expect(p.clauses).toBe('6.1.2, 8.2');
    expect(p.status).toBe('operating');
  });

  it('refuses clause numbers outside ISO/IEC 27001 4–10, naming them', async () => {
    const before = await writeCounts(env.handle);
    const res = await org.as.contributor.post(url('/isms-processes'), { name: 'Bad', clauses: '6.1.2, A.5.1, 11' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'body.clauses', message: expect.stringContaining('A.5.1, 11') }]);
    expect(await writeCounts(env.handle)).toEqual(before);
  });

  it('filters by clause on whole items only, by status and owner, and searches inputs and outputs', async () => {
    const a = await buildProcess(org.as.contributor, org.slug, {
      name: 'Treatment',
      clauses: '6.1.3, 8.3',
      status: 'planned',
      inputs: 'zebra-register',
    });
    const b = await buildProcess(org.as.contributor, org.slug, {
      name: 'General risk',
      clauses: '6.1',
      ownerId: org.users.viewer.id,
    });
    const ids = async (q: string) =>
      ((await org.as.viewer.get(url(`/isms-processes${q}`))).json().items as { id: string }[]).map((i) => i.id);
    expect(await ids('?clause=8.3')).toContain(a.id);
    expect(await ids('?clause=6.1')).toContain(b.id);
    expect(await ids('?clause=6.1')).not.toContain(a.id);
    expect(await ids('?status=planned')).toEqual(expect.arrayContaining([a.id]));
    expect(await ids('?status=planned')).not.toContain(b.id);
    expect(await ids(`?ownerId=${org.users.viewer.id}`)).toEqual([b.id]);
    expect(await ids('?q=zebra-register')).toEqual([a.id]);
    expect((await org.as.viewer.get(url('/isms-processes?clause=A.5.1'))).statusCode).toBe(400);
  });

  it('records which process feeds which, with what flows, and lists them from either end', async () => {
    const from = await buildProcess(org.as.contributor, org.slug, { name: 'Assess' });
    const to = await buildProcess(org.as.contributor, org.slug, { name: 'Treat' });
    const flow = await buildInteraction(org.as.contributor, org.slug, from.id, to.id, { flows: 'Risk register' });
    expect(flow.ref).toMatch(/^FLOW-\d{3}$/);
    const list = (await org.as.viewer.get(url(`/process-interactions?processId=${to.id}`))).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([flow.id]);
    expect(list.related[from.id]).toMatchObject({ type: 'isms_process', ref: from.ref, title: 'Assess' });
    const map = (await org.as.viewer.get(url('/process-map'))).json();
    expect(map.interactions).toContainEqual(
      expect.objectContaining({ id: flow.id, fromProcessId: from.id, toProcessId: to.id, flows: 'Risk register' }),
    );
    expect(map.processes.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([from.id, to.id]));
  });

  it('refuses a process feeding itself, a second interaction for the same pair, and an archived process', async () => {
    const a = await buildProcess(org.as.contributor, org.slug);
    const b = await buildProcess(org.as.contributor, org.slug);
    const self = await org.as.contributor.post(url('/process-interactions'), {
      fromProcessId: a.id,
      toProcessId: a.id,
      flows: 'x',
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().errors[0].field).toBe('body.toProcessId');
    await buildInteraction(org.as.contributor, org.slug, a.id, b.id);
    const dup = await org.as.contributor.post(url('/process-interactions'), {
      fromProcessId: a.id,
      toProcessId: b.id,
      flows: 'again',
    });
    expect(dup.statusCode).toBe(409);
    // the reverse direction is another interaction
    await buildInteraction(org.as.contributor, org.slug, b.id, a.id);
    expect((await org.as.admin.del(url(`/isms-processes/${b.id}`))).statusCode).toBe(204);
    const c = await buildProcess(org.as.contributor, org.slug);
    const archived = await org.as.contributor.post(url('/process-interactions'), {
      fromProcessId: c.id,
      toProcessId: b.id,
      flows: 'x',
    });
    expect(archived.statusCode).toBe(400);
    expect(archived.json().errors[0].field).toBe('body.toProcessId');
    const map = (await org.as.viewer.get(url('/process-map'))).json();
    expect(
      map.interactions.some(
        (i: { toProcessId: string; fromProcessId: string }) => i.toProcessId === b.id || i.fromProcessId === b.id,
      ),
    ).toBe(false);
  });

  it('refuses a process of another organization as an end of an interaction', async () => {
    const other = await buildOrg(env.app, env.handle);
    const theirs = await buildProcess(other.as.admin, other.slug);
    const mine = await buildProcess(org.as.contributor, org.slug);
    const res = await org.as.contributor.post(url('/process-interactions'), {
      fromProcessId: mine.id,
      toProcessId: theirs.id,
      flows: 'x',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual({
      field: 'body.toProcessId',
      message: expect.stringContaining('No isms_process'),
    });
  });

  it('lets viewers read but not write; exports the list as CSV', async () => {
    expect((await org.as.viewer.post(url('/isms-processes'), { name: 'Nope' })).statusCode).toBe(403);
    await buildProcess(org.as.contributor, org.slug, { name: 'Exported process', clauses: '9.2' });
    const csv = await org.as.viewer.get(url('/isms-processes/export.csv?q=Exported'));
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Exported process');
    expect(csv.body).toContain('9.2');
  });
});
