import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/core/audit/audit-verify.js';
import { SYSTEM_ACTOR } from '../../src/core/context.js';
import { createOrg } from '../../src/core/orgs/orgs.service.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { tamperWithAudit } from '../helpers/audit-tamper.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildAction, buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';

/** The audit trail is a hash chain per organization: any edit, removal or reordering is reported where it starts. */
describe.each(DIALECTS)('audit hash chain on %s', (kind) => {
  const chain = (env: TestEnv, org: TestOrg) =>
    env.handle.db.selectFrom('auditEvents').selectAll().where('orgId', '=', org.id).orderBy('seq').execute();
  const verify = async (env: TestEnv, org: TestOrg) => {
    const res = await org.as.auditor.get(`/api/v1/orgs/${org.slug}/audit/verify`);
    expect(res.statusCode).toBe(200);
    return res.json() as {
      ok: boolean;
      checked: number;
      firstBroken: null | { seq: number; eventId: string | null; reason: string };
    };
  };

  /** A fresh database with some history in one organization, and a second organization with a chain of its own. */
  async function scenario() {
    const env = await testEnv(kind);
    const org = await buildOrg(env.app, env.handle);
    const other = await createOrg(
      env.handle.db,
      { name: 'Other', slug: `other-${org.slug}` },
      org.users.viewer.id,
      SYSTEM_ACTOR,
    );
    const a = await buildAction(org.as.contributor, org.slug, { title: 'First' });
    const b = await buildAction(org.as.contributor, org.slug, { title: 'Second' });
    await org.as.contributor.patch(`/api/v1/orgs/${org.slug}/actions/${a.id}`, { status: 'in_progress' });
    await org.as.contributor.post(`/api/v1/orgs/${org.slug}/links`, {
      fromType: 'action',
      fromId: a.id,
      toType: 'action',
      toId: b.id,
    });
    await org.as.isms_manager.del(`/api/v1/orgs/${org.slug}/actions/${b.id}`);
    await org.as.viewer.post(`/api/v1/orgs/${org.slug}/actions`, { title: 'denied' });
    await org.as.admin.post(`/api/v1/orgs/${org.slug}/tokens`, { name: 'ci' });
    const events = await chain(env, org);
    expect(events.length).toBeGreaterThanOrEqual(8);
    expect((await verify(env, org)).ok).toBe(true);
    expect((await verifyChain(env.handle.db, other.id)).ok).toBe(true);
    return { env, org, other, events };
  }

  async function tamperCase(
    tamper: (env: TestEnv, events: Awaited<ReturnType<typeof chain>>) => Promise<unknown>,
    expected: (events: Awaited<ReturnType<typeof chain>>) => {
      seq: number;
      eventId: string | null;
      reason: RegExp;
      checked?: number;
    },
  ) {
    const { env, org, other, events } = await scenario();
    try {
      await tamperWithAudit(env.handle, () => tamper(env, events));
      const want = expected(events);
      const result = await verify(env, org);
      expect(result.ok).toBe(false);
      expect(result.firstBroken).toMatchObject({ seq: want.seq, eventId: want.eventId });
      expect(result.firstBroken!.reason).toMatch(want.reason);
      expect(result.checked).toBe(want.checked ?? want.seq - 1);
      // the other organization's chain is its own and still verifies
      expect(await verifyChain(env.handle.db, other.id)).toMatchObject({ ok: true, checked: 2 });
    } finally {
      await env.close();
    }
  }

  describe('with one database', () => {
    let env: TestEnv;
    let org: TestOrg;
    beforeAll(async () => {
      env = await testEnv(kind);
      org = await buildOrg(env.app, env.handle);
      await buildAction(org.as.admin, org.slug);
    });
    afterAll(() => env?.close());

    it('the table is append-only: plain UPDATE and DELETE fail', async () => {
      const before = await chain(env, org);
      await expect(sql`UPDATE audit_events SET payload = '{}'`.execute(env.handle.db)).rejects.toThrow(/append-only/);
      await expect(sql`DELETE FROM audit_events`.execute(env.handle.db)).rejects.toThrow(/append-only/);
      await expect(
        sql`DELETE FROM audit_events WHERE seq = ${before.at(-1)!.seq}`.execute(env.handle.db),
      ).rejects.toThrow(/append-only/);
      if (kind === 'postgres')
        await expect(sql`TRUNCATE audit_events`.execute(env.handle.db)).rejects.toThrow(/append-only/);
      expect(await chain(env, org)).toEqual(before);
      expect((await verify(env, org)).ok).toBe(true);
    });

    it('verify checks every event of the organization', async () => {
      await buildAction(org.as.contributor, org.slug);
      const result = await verify(env, org);
      expect(result).toMatchObject({
        ok: true,
        checked: (await chain(env, org)).length,
        firstBroken: null,
        anchor: null,
        unanchoredEvents: (await chain(env, org)).length,
      });
      expect(await verifyChain(env.handle.db, null)).toMatchObject({ ok: true, firstBroken: null });
    });

    it('a rejected mutation leaves no event: 409 on a stale expectedVersion', async () => {
      const a = await buildAction(org.as.contributor, org.slug);
      await org.as.contributor.patch(`/api/v1/orgs/${org.slug}/actions/${a.id}`, { title: 'v2' });
      const before = await writeCounts(env.handle);
      const stale = await org.as.contributor.patch(`/api/v1/orgs/${org.slug}/actions/${a.id}`, {
        title: 'lost update',
        expectedVersion: 1,
      });
      expect(stale.statusCode).toBe(409);
      expect(await writeCounts(env.handle)).toEqual(before);
      const demote = await org.as.admin.patch(`/api/v1/orgs/${org.slug}/members/${org.users.admin.id}`, {
        role: 'viewer',
      });
      expect(demote.statusCode).toBe(409);
      expect(await writeCounts(env.handle)).toEqual(before);
    });
  });

  it('(a) an altered payload is reported at that event', () =>
    tamperCase(
      (env, ev) =>
        sql`UPDATE audit_events SET payload = ${'{"ref":"ACT-999"}'} WHERE id = ${ev[4]!.id}`.execute(env.handle.db),
      (ev) => ({ seq: ev[4]!.seq, eventId: ev[4]!.id, reason: /altered/ }),
    ));

  it('(a2) an altered event whose hash is recomputed breaks the link of the next one', () =>
    tamperCase(
      async (env, ev) => {
        const { hashEvent } = await import('../../src/core/audit/audit-hash.js');
        const forged = { ...ev[4]!, actorLabel: 'someone-else@example.test' };
        await sql`UPDATE audit_events SET actor_label = ${forged.actorLabel}, hash = ${hashEvent(forged)} WHERE id = ${forged.id}`.execute(
          env.handle.db,
        );
      },
      (ev) => ({ seq: ev[5]!.seq, eventId: ev[5]!.id, reason: /link/ }),
    ));

  it('(b) an event deleted in the middle is reported where the chain skips it', () =>
    tamperCase(
      (env, ev) => sql`DELETE FROM audit_events WHERE id = ${ev[3]!.id}`.execute(env.handle.db),
      (ev) => ({
        seq: ev[4]!.seq,
        eventId: ev[4]!.id,
        reason: new RegExp(`event ${ev[3]!.seq} is missing`),
        checked: ev[3]!.seq - 1,
      }),
    ));

  it('(c) the last event deleted is reported from the chain head', () =>
    tamperCase(
      (env, ev) => sql`DELETE FROM audit_events WHERE id = ${ev.at(-1)!.id}`.execute(env.handle.db),
      (ev) => ({ seq: ev.at(-1)!.seq, eventId: null, reason: /removed/ }),
    ));

  it('(d) two events swapped (reordered) are reported at the first of them', () =>
    tamperCase(
      async (env, ev) => {
        const [x, y] = [ev[2]!, ev[3]!];
        await sql`UPDATE audit_events SET seq = -1 WHERE id = ${x.id}`.execute(env.handle.db);
        await sql`UPDATE audit_events SET seq = ${x.seq} WHERE id = ${y.id}`.execute(env.handle.db);
        await sql`UPDATE audit_events SET seq = ${y.seq} WHERE id = ${x.id}`.execute(env.handle.db);
      },
      (ev) => ({ seq: ev[2]!.seq, eventId: ev[3]!.id, reason: /link/ }),
    ));

  it('(e) an altered prev_hash is reported at that event', () =>
    tamperCase(
      (env, ev) =>
        sql`UPDATE audit_events SET prev_hash = ${'f'.repeat(64)} WHERE id = ${ev[5]!.id}`.execute(env.handle.db),
      (ev) => ({ seq: ev[5]!.seq, eventId: ev[5]!.id, reason: /link/ }),
    ));

  it('an event that cannot be written takes its change down with it (same transaction)', async () => {
    const env = await testEnv(kind);
    try {
      const org = await buildOrg(env.app, env.handle);
      const first = await buildAction(org.as.contributor, org.slug);
      if (kind === 'postgres') {
        await sql`CREATE FUNCTION test_fail_audit() RETURNS trigger AS $$ BEGIN IF NEW.type = 'record.created' THEN RAISE EXCEPTION 'injected'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`.execute(
          env.handle.db,
        );
        await sql`CREATE TRIGGER test_fail_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION test_fail_audit()`.execute(
          env.handle.db,
        );
      } else {
        await sql`CREATE TRIGGER test_fail_audit BEFORE INSERT ON audit_events WHEN NEW.type = 'record.created' BEGIN SELECT RAISE(ABORT, 'injected'); END`.execute(
          env.handle.db,
        );
      }
      const before = await writeCounts(env.handle);
      const res = await org.as.contributor.post(`/api/v1/orgs/${org.slug}/actions`, { title: 'never stored' });
      expect(res.statusCode).toBe(500);
      expect(res.json().type).toBe('https://rampart.dev/problems/internal');
      expect(await writeCounts(env.handle)).toEqual(before);
      await sql`DROP TRIGGER test_fail_audit${sql.raw(kind === 'postgres' ? ' ON audit_events' : '')}`.execute(
        env.handle.db,
      );
      // the reference counter rolled back too: no gap in the numbering
      const next = await buildAction(org.as.contributor, org.slug);
      expect(Number(next.ref.slice(4))).toBe(Number(first.ref.slice(4)) + 1);
      expect((await verify(env, org)).ok).toBe(true);
    } finally {
      await env.close();
    }
  });
});
