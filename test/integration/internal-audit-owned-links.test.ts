import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';
import { buildAudit } from '../helpers/internal-audit-factories.js';
import { buildProcess } from '../helpers/leadership-factories.js';

/**
 * The processes in an audit's scope are links of kind `scope`, and its documents and requirements as criteria links
 * of kind `criterion`; only the audit's own routes write them (with the independence check and the audit's
 * permission). The generic links routes refuse them, naming the route to use.
 */
describe.each(DIALECTS)('links an internal audit keeps to itself on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const url = (path: string) => `/api/v1/orgs/${org.slug}${path}`;

  it('POST /links cannot put a process the lead auditor owns into the scope, bypassing the independence check', async () => {
    const owned = await buildProcess(org.as.admin, org.slug, { ownerId: org.users.auditor.id });
    const audit = await buildAudit(org);
    const before = await writeCounts(env.handle);
    for (const [fromType, fromId, toType, toId] of [
      ['internal_audit', audit.id, 'isms_process', owned.id],
      ['isms_process', owned.id, 'internal_audit', audit.id],
    ] as const) {
      const res = await org.as.admin.post(url('/links'), { fromType, fromId, toType, toId, kind: 'scope' });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().errors[0].field).toBe('body.kind');
      expect(res.json().errors[0].message).toContain('/scope-processes');
    }
    expect(await writeCounts(env.handle)).toEqual(before);
    const scope = (await org.as.viewer.get(url(`/internal-audits/${audit.id}/scope-processes`))).json();
    expect(scope.processes).toHaveLength(0);
  });

  it('POST /links refuses criteria links too, and DELETE /links refuses removing a scope link', async () => {
    const process = await buildProcess(org.as.admin, org.slug);
    const audit = await buildAudit(org);
    const criterion = await org.as.admin.post(url('/links'), {
      fromType: 'internal_audit',
      fromId: audit.id,
      toType: 'isms_process',
      toId: process.id,
      kind: 'criterion',
    });
    expect(criterion.statusCode, criterion.body).toBe(409);
    expect(criterion.json().errors[0]).toMatchObject({ field: 'body.kind' });
    const set = await org.as.auditor.request('PUT', url(`/internal-audits/${audit.id}/scope-processes`), {
      processIds: [process.id],
    });
    expect(set.statusCode, set.body).toBe(200);
    const listed = (await org.as.admin.get(url(`/links?type=internal_audit&id=${audit.id}`))).json();
    const link = (listed.items as { id: string; kind: string }[]).find((l) => l.kind === 'scope')!;
    const del = await org.as.admin.request('DELETE', url(`/links/${link.id}`));
    expect(del.statusCode, del.body).toBe(409);
    expect(del.json().detail).toContain('/scope-processes');
    const scope = (await org.as.viewer.get(url(`/internal-audits/${audit.id}/scope-processes`))).json();
    expect(scope.processes).toHaveLength(1);
  });

  it('POST /links cannot claim a nonconformity or improvement was raised from an audit (raised_from)', async () => {
    const audit = await buildAudit(org);
    for (const collection of ['nonconformities', 'improvements'] as const) {
      const made = await org.as.isms_manager.post(url(`/${collection}`), { title: 'Found later', source: 'other' });
      expect(made.statusCode, made.body).toBe(201);
      const res = await org.as.admin.post(url('/links'), {
        fromType: collection === 'nonconformities' ? 'nonconformity' : 'improvement',
        fromId: made.json().id,
        toType: 'internal_audit',
        toId: audit.id,
        kind: 'raised_from',
      });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().errors[0]).toMatchObject({ field: 'body.kind' });
    }
  });

  it('other kinds of link to an audit stay free (relates_to)', async () => {
    const process = await buildProcess(org.as.admin, org.slug);
    const audit = await buildAudit(org);
    const res = await org.as.admin.post(url('/links'), {
      fromType: 'internal_audit',
      fromId: audit.id,
      toType: 'isms_process',
      toId: process.id,
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});
