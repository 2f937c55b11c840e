import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/core/demo/demo.service.js';
import type { DatabaseHandle } from '../../src/db/connect.js';
import { DIALECTS, openTestDatabase } from '../helpers/databases.js';

describe.each(DIALECTS)('demo documents of Example Ltd on %s', (kind) => {
  let handle: DatabaseHandle;
  let orgId: string;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    await loadDemo(handle.db);
    orgId = (
      await handle.db.selectFrom('organizations').select('id').where('slug', '=', 'example').executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => handle?.close());

  const docs = () => handle.db.selectFrom('documents').selectAll().where('orgId', '=', orgId).execute();

  it('has a policy hierarchy: code of conduct → information security policy → topic-specific policies → procedures', async () => {
    const all = await docs();
    const byTitle = (t: string) => all.find((d) => d.title === t)!;
    const security = byTitle('Information security policy');
    expect(security).toMatchObject({
      isSecurityPolicy: 1,
      status: 'published',
      publishedVersion: 1,
      parentId: byTitle('Code of conduct').id,
    });
    const topics = all.filter((d) => d.parentId === security.id && d.type === 'topic_policy');
    expect(topics.length).toBeGreaterThanOrEqual(3);
    expect(byTitle('User access provisioning procedure').parentId).toBe(byTitle('Access control policy').id);
    expect(byTitle('Mobile device policy').parentId).toBe(byTitle('Acceptable use policy').id);
    expect(new Set(all.map((d) => d.status))).toEqual(new Set(['published', 'approved', 'draft', 'withdrawn']));
  });

  it('holds an external document with its source and a file, and a confidential procedure for some roles', async () => {
    const all = await docs();
    const external = all.find((d) => d.type === 'external')!;
    expect(external).toMatchObject({ origin: 'external', source: 'Cloud provider' });
    const files = await handle.db
      .selectFrom('links')
      .select('fromType')
      .where('orgId', '=', orgId)
      .where('toId', '=', external.id)
      .where('kind', '=', 'evidence')
      .execute();
    expect(files).toHaveLength(1);
    const incident = all.find((d) => d.title === 'Incident response procedure')!;
    expect(incident).toMatchObject({ classification: 'confidential', audience: 'roles', status: 'published' });
    const approvals = await handle.db
      .selectFrom('approvals')
      .select('signerRole')
      .where('recordId', '=', incident.id)
      .execute();
    expect(approvals.map((a) => a.signerRole).sort()).toEqual(['admin', 'approver']);
  });

  it('has the security policy partly acknowledged, the rest reminded, and a withdrawn procedure due for disposal', async () => {
    const security = (await docs()).find((d) => d.isSecurityPolicy === 1)!;
    const acks = await handle.db
      .selectFrom('documentAcknowledgements')
      .select('userId')
      .where('documentId', '=', security.id)
      .execute();
    const reminders = await handle.db
      .selectFrom('documentReminders')
      .select('userId')
      .where('documentId', '=', security.id)
      .execute();
    expect(acks).toHaveLength(3);
    expect(reminders).toHaveLength(3);
    expect(new Set([...acks, ...reminders].map((r) => r.userId)).size).toBe(6);
    const legacy = (await docs()).find((d) => d.title === 'Legacy VPN access procedure')!;
    expect(legacy.status).toBe('withdrawn');
    expect(legacy.retentionEndsOn! < new Date().toISOString().slice(0, 10)).toBe(true);
    expect(
      await handle.db.selectFrom('documentReviews').select('outcome').where('orgId', '=', orgId).execute(),
    ).toEqual([{ outcome: 'no_change' }]);
  });
});
