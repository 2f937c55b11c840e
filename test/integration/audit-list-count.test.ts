import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_COUNT_CAP } from '../../src/core/audit/audit-list.js';
import { recordAuditBatch, type AuditInput } from '../../src/core/audit/audit.service.js';
import { SYSTEM_ACTOR } from '../../src/core/context.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';

/**
 * The trail's page never counts the whole trail: unfiltered, its length is the chain head's sequence number; a
 * filter is counted up to a cap, beyond which the answer says "more than" and paging goes on.
 */
describe.each(DIALECTS)('the audit trail page counts without scanning the trail on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let other: TestOrg;
  const archived = (orgId: string, n: number): AuditInput => ({
    orgId,
    actor: SYSTEM_ACTOR,
    entityType: 'action',
    entityId: null,
    event: { type: 'record.archived', payload: { ref: `ACT-${n}` } },
  });
  const stored = async (o: TestOrg, type?: string) => {
    let q = env.handle.db.selectFrom('auditEvents').where('orgId', '=', o.id);
    if (type) q = q.where('type', '=', type);
    const { n } = await q.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    return Number(n);
  };

  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
    other = await buildOrg(env.app, env.handle);
    const batch = Array.from({ length: AUDIT_COUNT_CAP + 5 }, (_, i) => archived(org.id, i));
    await env.handle.db.transaction().execute((trx) => recordAuditBatch(trx, batch));
    await env.handle.db.transaction().execute((trx) => recordAuditBatch(trx, [archived(other.id, 1)]));
  });
  afterAll(() => env?.close());

  const page = (o: TestOrg, query: string) =>
    o.as.admin.get(`/api/v1/orgs/${o.slug}/audit-events?${query}`).then((r) => {
      expect(r.statusCode).toBe(200);
      return r.json() as { items: { seq: number }[]; total: number; totalIsLowerBound: boolean };
    });

  it('gives the exact length of the whole trail, newest first, and no other organization’s events', async () => {
    const all = await page(org, 'pageSize=5');
    expect(all.total).toBe(await stored(org));
    expect(all.totalIsLowerBound).toBe(false);
    expect(all.items.map((e) => e.seq)).toEqual([
      all.total,
      all.total - 1,
      all.total - 2,
      all.total - 3,
      all.total - 4,
    ]);
    const theirs = await page(other, 'pageSize=200');
    expect(theirs.total).toBe(await stored(other));
    expect(theirs.items).toHaveLength(theirs.total);
  });

  it('counts a filter up to the cap, then says "more than" and pages on past it', async () => {
    const many = await page(org, 'type=record.archived&pageSize=200');
    expect(await stored(org, 'record.archived')).toBeGreaterThan(AUDIT_COUNT_CAP);
    expect(many).toMatchObject({ total: AUDIT_COUNT_CAP, totalIsLowerBound: true });
    const beyond = await page(org, `type=record.archived&pageSize=200&page=${AUDIT_COUNT_CAP / 200 + 1}`);
    expect(beyond.items).toHaveLength(5);
    // a filter with few matches is counted exactly
    const few = await page(org, 'type=member.added');
    expect(few.total).toBe(await stored(org, 'member.added'));
    expect(few.totalIsLowerBound).toBe(false);
  });
});
