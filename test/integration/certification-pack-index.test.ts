import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { approveScope, itemOf, newScope, packIndex, packPath } from '../helpers/certification-factories.js';
import { DIALECTS } from '../helpers/databases.js';
import { approveDocument, createDocument } from '../helpers/document-factories.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';
import { buildMeasure } from '../helpers/measure-factories.js';

/** Issue 17: the certification pack's index — what each mandatory item holds as of a date. */
describe.each(DIALECTS)('certification pack index on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  it('an empty organization: missing, not built and generated items, every requirement listed once', async () => {
    const fresh = await buildOrg(env.app, env.handle);
    const index = await packIndex(fresh);
    expect(index.organization.slug).toBe(fresh.slug);
    expect(index.asOf).toBe(new Date().toISOString().slice(0, 10));
    const status = Object.fromEntries(index.items.map((i) => [i.key, i.status]));
    expect(status).toMatchObject({
      scope: 'missing',
      policy: 'missing',
      soa: 'missing',
      competence: 'not_built',
      operations: 'not_built',
      measurement: 'missing',
      nonconformities: 'generated',
    });
    expect(new Set(index.items.map((i) => i.key)).size).toBe(index.items.length);
    expect(itemOf(index, 'nonconformities').files).toEqual(['16-nonconformities/nonconformities-register.xlsx']);
    expect(itemOf(index, 'competence').note).toMatch(/no competence module/);
  });

  it('included with version, approvals and hash; a record never approved is not_approved', async () => {
    const scope = await newScope(org);
    const v = await approveScope(org, scope.id, 'The ISMS covers the SaaS platform.');
    const policy = await createDocument(org, {
      title: 'Information security policy',
      type: 'policy',
      isSecurityPolicy: true,
    });
    await approveDocument(org, policy.id, { summary: 'We protect what our customers trust us with.' });
    const draftOnly = await createDocument(org, { title: 'Backup procedure', type: 'procedure' });
    await buildMeasure(org.as.isms_manager, org.slug);

    const index = await packIndex(org);
    const s = itemOf(index, 'scope');
    expect(s).toMatchObject({
      status: 'included',
      record: { entity: 'scope', id: scope.id, ref: scope.ref },
      version: { versionNo: 1, contentHash: v.contentHash },
      note: null,
    });
    expect(s.version!.approvals).toEqual([expect.objectContaining({ role: 'approver' })]);
    expect(s.files).toEqual([
      `01-scope/${scope.ref}-v1/document.pdf`,
      `01-scope/${scope.ref}-v1/content.json`,
      `01-scope/${scope.ref}-v1/approvals.json`,
    ]);
    expect(itemOf(index, 'policy')).toMatchObject({ status: 'included', record: { id: policy.id } });
    expect(itemOf(index, 'documents')).toMatchObject({ status: 'not_approved', record: { id: draftOnly.id } });
    expect(itemOf(index, 'measurement')).toMatchObject({ status: 'generated' });
    expect(itemOf(index, 'measurement').files).toHaveLength(2);
  });

  it('a date gives the version in force then: v1 approved, v2 later, a date in between gives v1', async () => {
    // approvedAt is written by the server at the moment of approval and an approved row is immutable (a trigger):
    // the test moves the process's clock (Date only) to approve each version on a day of its choosing.
    const other = await buildOrg(env.app, env.handle);
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2024-02-28T10:00:00Z') });
    let v1: { contentHash: string };
    let v2: { contentHash: string };
    try {
      const scope = await newScope(other);
      vi.setSystemTime(new Date('2024-03-01T10:00:00Z'));
      v1 = await approveScope(other, scope.id, 'First statement.');
      vi.setSystemTime(new Date('2025-06-01T10:00:00Z'));
      v2 = await approveScope(other, scope.id, 'Second statement.');
    } finally {
      vi.useRealTimers();
    }
    expect(itemOf(await packIndex(other, '2024-02-29'), 'scope')).toMatchObject({
      status: 'not_approved',
      version: null,
    });
    expect(itemOf(await packIndex(other, '2024-03-01'), 'scope').version).toMatchObject({
      versionNo: 1,
      contentHash: v1.contentHash,
    });
    expect(itemOf(await packIndex(other, '2025-05-31'), 'scope').version).toMatchObject({ versionNo: 1 });
    expect(itemOf(await packIndex(other, '2025-06-01'), 'scope').version).toMatchObject({
      versionNo: 2,
      contentHash: v2.contentHash,
    });
    expect(itemOf(await packIndex(other), 'scope').version!.versionNo).toBe(2);
    // the record was created on 2024-02-28: the day before, it was not there yet
    expect(itemOf(await packIndex(other, '2024-02-27'), 'scope').status).toBe('missing');
  });

  it('a document the caller may not read is neither in their index nor in their pack', async () => {
    const other = await buildOrg(env.app, env.handle);
    const res = await other.as.admin.post(`/api/v1/orgs/${other.slug}/documents`, {
      title: 'Board-only crisis plan',
      type: 'procedure',
      classification: 'restricted',
      ownerId: other.users.admin.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const secret = res.json() as { id: string };
    const ids = (index: Awaited<ReturnType<typeof packIndex>>) => index.items.map((i) => i.record?.id);
    expect(ids(await packIndex(other, undefined, other.as.admin))).toContain(secret.id);
    const auditorView = await packIndex(other, undefined, other.as.auditor);
    expect(ids(auditorView)).not.toContain(secret.id);
    expect(itemOf(auditorView, 'documents').status).toBe('missing');
  });

  it('bad dates answer 400 naming query.date and write nothing', async () => {
    const before = await writeCounts(env.handle);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    for (const date of ['1899-12-31', tomorrow, '2024-02-30', 'yesterday', '2024-1-1']) {
      const res = await org.as.isms_manager.get(`${packPath(org)}?date=${date}`);
      expect(res.statusCode, date).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(
        res.json().errors.map((e: { field: string }) => e.field),
        date,
      ).toContain('query.date');
    }
    const unknown = await org.as.isms_manager.get(`${packPath(org)}?when=2024-01-01`);
    expect(unknown.statusCode).toBe(400);
    expect(await writeCounts(env.handle)).toEqual(before);
  });
});
