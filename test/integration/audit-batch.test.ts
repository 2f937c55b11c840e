import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit, recordAuditBatch, type AuditInput } from '../../src/core/audit/audit.service.js';
import { verifyChain } from '../../src/core/audit/audit-verify.js';
import { SYSTEM_ACTOR } from '../../src/core/context.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { tamperWithAudit } from '../helpers/audit-tamper.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';

/**
 * Bulk changes append their audit events in one batch (the head locked once, chained in memory, inserted in chunks):
 * the chain must be exactly what appending them one by one would give, and verify.
 */
describe.each(DIALECTS)('audit events appended in batches on %s', (kind) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv(kind);
  });
  afterAll(() => env?.close());

  const event = (orgId: string, n: number): AuditInput => ({
    orgId,
    actor: SYSTEM_ACTOR,
    entityType: 'action',
    entityId: null,
    event: { type: 'record.archived', payload: { ref: `ACT-${n}` } },
  });
  const stored = (org: TestOrg) =>
    env.handle.db
      .selectFrom('auditEvents')
      .select(['seq', 'payload', 'prevHash', 'hash'])
      .where('orgId', '=', org.id)
      .orderBy('seq')
      .execute();
  const head = (org: TestOrg) =>
    env.handle.db.selectFrom('auditHeads').selectAll().where('chainKey', '=', `org:${org.id}`).executeTakeFirst();

  it('chains a large batch between single events, in order, and the whole chain verifies across read batches', async () => {
    const org = await buildOrg(env.app, env.handle);
    const before = (await stored(org)).length;
    const db = env.handle.db;
    await db.transaction().execute((trx) => recordAudit(trx, event(org.id, 0)));
    // more than one verification read (5,000 rows) and many insert chunks (500 rows)
    const batch = Array.from({ length: 6123 }, (_, i) => event(org.id, i + 1));
    await db.transaction().execute((trx) => recordAuditBatch(trx, batch));
    await db.transaction().execute((trx) => recordAudit(trx, event(org.id, 6124)));

    const rows = await stored(org);
    expect(rows).toHaveLength(before + 6125);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    expect(rows.slice(before).map((r) => JSON.parse(r.payload).ref)).toEqual(
      Array.from({ length: 6125 }, (_, i) => `ACT-${i}`),
    );
    expect(await head(org)).toMatchObject({ seq: rows.length, hash: rows.at(-1)!.hash });
    const verdict = await verifyChain(db, org.id);
    expect(verdict).toMatchObject({ ok: true, checked: rows.length, firstBroken: null });
  });

  it('finds an altered event in the second verification read', async () => {
    const org = await buildOrg(env.app, env.handle);
    await env.handle.db.transaction().execute((trx) =>
      recordAuditBatch(
        trx,
        Array.from({ length: 5600 }, (_, i) => event(org.id, i)),
      ),
    );
    const victim = 5400;
    await tamperWithAudit(env.handle, () =>
      env.handle.db
        .updateTable('auditEvents')
        .set({ payload: '{"ref":"forged"}' })
        .where('orgId', '=', org.id)
        .where('seq', '=', victim)
        .execute(),
    );
    const verdict = await verifyChain(env.handle.db, org.id);
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBroken).toMatchObject({ seq: victim, reason: expect.stringMatching(/altered/) });
    expect(verdict.checked).toBe(victim - 1);
  });

  it('writes nothing when one event of the batch is invalid', async () => {
    const org = await buildOrg(env.app, env.handle);
    const rowsBefore = await stored(org);
    const headBefore = await head(org);
    // as a caller with an untyped value would pass it
    const badEvent: AuditInput['event'] = JSON.parse('{"type":"record.archived","payload":{"nope":true}}');
    const bad = { ...event(org.id, 2), event: badEvent };
    await expect(
      env.handle.db.transaction().execute((trx) => recordAuditBatch(trx, [event(org.id, 1), bad, event(org.id, 3)])),
    ).rejects.toThrow();
    expect(await stored(org)).toEqual(rowsBefore);
    expect(await head(org)).toEqual(headBefore);
  });

  it('keeps one unbroken chain when twenty writers append batches and single events at once', async () => {
    const org = await buildOrg(env.app, env.handle);
    const before = (await stored(org)).length;
    await Promise.all(
      Array.from({ length: 20 }, (_, w) =>
        env.handle.db.transaction().execute((trx) =>
          w % 2 === 0
            ? recordAuditBatch(
                trx,
                Array.from({ length: 40 }, (_, i) => event(org.id, w * 100 + i)),
              )
            : recordAudit(trx, event(org.id, w * 100)),
        ),
      ),
    );
    const rows = await stored(org);
    expect(rows).toHaveLength(before + 10 * 40 + 10);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect((await verifyChain(env.handle.db, org.id)).ok).toBe(true);
  });
});
