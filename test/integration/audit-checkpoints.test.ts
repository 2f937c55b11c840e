import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { readCheckpointLog, signCheckpoint, writeCheckpoints } from '../../src/core/audit/audit-checkpoint.js';
import { GENESIS_HASH, chainKeyFor, hashEvent } from '../../src/core/audit/audit-hash.js';
import { verifyChain, type VerifyOptions } from '../../src/core/audit/audit-verify.js';
import { generateInstanceKey } from '../../src/core/signing/instance-key.js';
import { rememberSigningKey } from '../../src/core/signing/signing-keys.service.js';
import type { DatabaseHandle } from '../../src/db/connect.js';
import { buildApp } from '../../src/server/app.js';
import { tamperWithAudit } from '../helpers/audit-tamper.js';
import { DIALECTS, openTestDatabase, tempDir } from '../helpers/databases.js';
import { buildAction, buildOrg } from '../helpers/factories.js';

/**
 * Issue 12 item 8: a hash chain proves consistency only. Deleting the newest events and rewinding the head, or
 * rewriting an event and re-hashing the rest, verified OK. Signed checkpoints of the chain heads (instance key
 * outside the database, a log file outside it too) make both show.
 */
describe.each(DIALECTS)('signed audit checkpoints on %s', (kind) => {
  let cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.reverse()) await c();
    cleanup = [];
  });

  async function setup(opts: { checkpointEveryMs?: number } = {}) {
    const handle = await openTestDatabase(kind);
    const dir = tempDir('rampart-cp-');
    const key = generateInstanceKey();
    const log = path.join(dir, 'audit-checkpoints.log');
    const app = await buildApp({
      handle,
      webDir: '/nonexistent',
      signingKey: key,
      checkpointLog: log,
      checkpointEveryMs: opts.checkpointEveryMs,
      auth: { maxFailuresPerIp: 10_000, maxFailuresPerAccount: 10_000 },
    });
    cleanup.push(async () => {
      await app.close();
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    const org = await buildOrg(app, handle);
    for (let i = 0; i < 4; i += 1) await buildAction(org.as.contributor, org.slug);
    const checkpoint = () => writeCheckpoints(handle.db, key, { logFile: log });
    const verify = (orgId: string | null = org.id, extra: VerifyOptions = {}) =>
      verifyChain(handle.db, orgId, { trustedKey: key, ...extra });
    return { handle, app, key, log, org, checkpoint, verify };
  }

  const events = (handle: DatabaseHandle, chainKey: string) =>
    handle.db.selectFrom('auditEvents').selectAll().where('chainKey', '=', chainKey).orderBy('seq').execute();

  /** What an intruder with the database does: delete events from `fromSeq` on and rewind the head to match. */
  async function truncate(handle: DatabaseHandle, chainKey: string, fromSeq: number) {
    const kept = (await events(handle, chainKey)).filter((e) => e.seq < fromSeq).at(-1)!;
    await tamperWithAudit(handle, async () => {
      await handle.db.deleteFrom('auditEvents').where('chainKey', '=', chainKey).where('seq', '>=', fromSeq).execute();
      await handle.db
        .updateTable('auditHeads')
        .set({ seq: kept.seq, hash: kept.hash })
        .where('chainKey', '=', chainKey)
        .execute();
    });
  }

  /** Rewrites one event's payload and re-hashes it and every event after it, and the head: a consistent chain. */
  async function rewrite(handle: DatabaseHandle, chainKey: string, seq: number) {
    await tamperWithAudit(handle, async () => {
      let prev = GENESIS_HASH;
      for (const e of await events(handle, chainKey)) {
        const payload = e.seq === seq ? JSON.stringify({ forged: true }) : e.payload;
        const hash = hashEvent({ ...e, payload, prevHash: prev });
        if (hash !== e.hash)
          await handle.db
            .updateTable('auditEvents')
            .set({ payload, prevHash: prev, hash })
            .where('id', '=', e.id)
            .execute();
        prev = hash;
      }
      await handle.db.updateTable('auditHeads').set({ hash: prev }).where('chainKey', '=', chainKey).execute();
    });
  }

  it('signs each moved head once, reports how far the chain is anchored, and logs the checkpoints outside the database', async () => {
    const { handle, org, checkpoint, verify, log, key } = await setup();
    const before = await verify();
    expect(before).toMatchObject({ ok: true, anchor: null, checkpoints: 0, unanchoredEvents: before.checked });
    const written = await checkpoint();
    expect(written.map((c) => c.chainKey).sort()).toEqual(['instance', chainKeyFor(org.id)].sort());
    expect(await checkpoint()).toEqual([]); // nothing moved
    const head = (await events(handle, chainKeyFor(org.id))).at(-1)!;
    expect(await verify()).toMatchObject({
      ok: true,
      checked: head.seq,
      anchor: { seq: head.seq, keyFingerprint: key.fingerprint },
      unanchoredEvents: 0,
    });
    await buildAction(org.as.contributor, org.slug);
    expect(await verify()).toMatchObject({
      ok: true,
      checked: head.seq + 1,
      anchor: { seq: head.seq },
      unanchoredEvents: 1,
    });
    expect(readCheckpointLog(log)).toEqual({ checkpoints: written, badLines: [] });
    // the route reports the same, with the server's key and log
    const res = await org.as.auditor.get(`/api/v1/orgs/${org.slug}/audit/verify`);
    expect(res.json()).toMatchObject({ ok: true, anchor: { seq: head.seq }, unanchoredEvents: 1, checkpoints: 1 });
  });

  it('deleting the newest events and rewinding the head: undetectable without a checkpoint, detected after one', async () => {
    const { handle, org, checkpoint, verify } = await setup();
    const chainKey = chainKeyFor(org.id);
    // the attack of the review, on a chain nobody signed: it verifies, and the report says it is not anchored
    const head = (await events(handle, chainKey)).at(-1)!.seq;
    await truncate(handle, chainKey, head);
    expect(await verify()).toMatchObject({ ok: true, checked: head - 1, anchor: null });

    await buildAction(org.as.contributor, org.slug);
    await buildAction(org.as.contributor, org.slug);
    const signed = (await checkpoint()).find((c) => c.chainKey === chainKey)!;
    await buildAction(org.as.contributor, org.slug);
    await truncate(handle, chainKey, signed.seq - 1);
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ seq: signed.seq - 1, eventId: null });
    expect(result.firstBroken!.reason).toBe(
      `the chain ends at event ${signed.seq - 2} but a signed checkpoint of ${signed.signedAt} records event ${signed.seq} (events were removed)`,
    );
  });

  it('rewriting an event and re-hashing the rest is detected at the checkpoint', async () => {
    const { handle, org, checkpoint, verify } = await setup();
    const chainKey = chainKeyFor(org.id);
    const signed = (await checkpoint()).find((c) => c.chainKey === chainKey)!;
    await buildAction(org.as.contributor, org.slug);
    await rewrite(handle, chainKey, 3);
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ seq: signed.seq, eventId: expect.any(String) });
    expect(result.firstBroken!.reason).toMatch(/does not match the signed checkpoint .*rewritten/);
    expect(result.checked).toBe(signed.seq - 1);
  });

  it('a forged checkpoint is detected: a bad signature, an unknown key, and a key slipped into the database anchors nothing', async () => {
    const { handle, org, checkpoint, verify } = await setup();
    const chainKey = chainKeyFor(org.id);
    await checkpoint();
    const head = (await events(handle, chainKey)).at(-1)!;
    await buildAction(org.as.contributor, org.slug);
    await buildAction(org.as.contributor, org.slug);

    // an intruder's own key, stored as if it were a former key of the instance, signs a rewritten chain
    const intruder = generateInstanceKey();
    await rememberSigningKey(handle.db, intruder);
    await rewrite(handle, chainKey, head.seq + 1);
    const newHead = (await events(handle, chainKey)).at(-1)!;
    await handle.db
      .insertInto('auditCheckpoints')
      .values(signCheckpoint(intruder, { chainKey, seq: newHead.seq, hash: newHead.hash }))
      .execute();
    const slipped = await verify();
    expect(slipped).toMatchObject({
      ok: true,
      anchor: { seq: head.seq },
      unanchoredEvents: 2,
      formerKeys: [intruder.fingerprint],
    });

    // a checkpoint whose signature is not the key's
    const forged = {
      ...signCheckpoint(generateInstanceKey(), { chainKey, seq: newHead.seq, hash: newHead.hash }),
      keyFingerprint: (await verify()).anchor!.keyFingerprint,
    };
    await tamperWithAudit(
      handle,
      () => handle.db.deleteFrom('auditCheckpoints').where('keyFingerprint', '=', intruder.fingerprint).execute(),
      ['audit_checkpoints'],
    );
    await handle.db.insertInto('auditCheckpoints').values(forged).execute();
    const bad = await verify();
    expect(bad.ok).toBe(false);
    expect(bad.firstBroken).toMatchObject({ seq: newHead.seq });
    expect(bad.firstBroken!.reason).toMatch(/invalid signature \(a forged or altered checkpoint\)/);

    // a checkpoint by a key the installation never had
    const stranger = generateInstanceKey();
    await tamperWithAudit(
      handle,
      () => handle.db.deleteFrom('auditCheckpoints').where('seq', '=', newHead.seq).execute(),
      ['audit_checkpoints'],
    );
    await handle.db
      .insertInto('auditCheckpoints')
      .values(signCheckpoint(stranger, { chainKey, seq: newHead.seq, hash: newHead.hash }))
      .execute();
    expect((await verify()).firstBroken!.reason).toContain(
      `signed by key ${stranger.fingerprint}, which is not a key of this installation`,
    );
  });

  it('checkpoint rows deleted together with the events they anchor: the log file outside the database tells', async () => {
    const { handle, org, checkpoint, verify, log } = await setup();
    const chainKey = chainKeyFor(org.id);
    const signed = (await checkpoint()).find((c) => c.chainKey === chainKey)!;
    await truncate(handle, chainKey, signed.seq - 1);
    await tamperWithAudit(
      handle,
      () => handle.db.deleteFrom('auditCheckpoints').where('chainKey', '=', chainKey).execute(),
      ['audit_checkpoints'],
    );
    expect((await verify()).ok).toBe(true); // the database alone no longer shows it
    const withLog = await verify(org.id, { logCheckpoints: readCheckpointLog(log).checkpoints });
    expect(withLog.ok).toBe(false);
    expect(withLog.firstBroken!.reason).toMatch(
      new RegExp(`checkpoint of event ${signed.seq} .* is in the checkpoint log but missing from the database`),
    );
  });

  it('the installation chain (sign-ins) is checkpointed and verifies, and its tampering is detected', async () => {
    const { handle, checkpoint, verify } = await setup();
    const instance = await events(handle, 'instance');
    expect(instance.map((e) => e.type)).toContain('auth.login_succeeded');
    const signed = (await checkpoint()).find((c) => c.chainKey === 'instance')!;
    expect(await verify(null)).toMatchObject({ ok: true, anchor: { seq: signed.seq }, unanchoredEvents: 0 });
    await rewrite(handle, 'instance', 2);
    const result = await verify(null);
    expect(result.ok).toBe(false);
    expect(result.firstBroken!.reason).toMatch(/signed checkpoint/);
  });

  it('the server signs moved heads on its own timer', async () => {
    const { handle, org } = await setup({ checkpointEveryMs: 100 });
    const chainKey = chainKeyFor(org.id);
    const head = (await events(handle, chainKey)).at(-1)!;
    // a poll that waits as long as a loaded machine needs
    for (let i = 0; i < 600; i += 1) {
      const cp = await handle.db
        .selectFrom('auditCheckpoints')
        .selectAll()
        .where('chainKey', '=', chainKey)
        .where('seq', '=', head.seq)
        .executeTakeFirst();
      if (cp) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const cps = await handle.db
      .selectFrom('auditCheckpoints')
      .select(['seq', 'hash'])
      .where('chainKey', '=', chainKey)
      .execute();
    expect(cps).toContainEqual({ seq: head.seq, hash: head.hash });
  });

  it('the checkpoint table is append-only', async () => {
    const { checkpoint, handle } = await setup();
    await checkpoint();
    await expect(sql`UPDATE audit_checkpoints SET hash = 'x'`.execute(handle.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_checkpoints`.execute(handle.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM instance_signing_keys`.execute(handle.db)).rejects.toThrow(/append-only/);
  });
});
