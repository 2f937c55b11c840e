import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connect.js';
import { leaseOf, markLeaseRun, releaseLease, tryLease } from '../../src/core/jobs/lease.js';
import { DIALECTS, openTestDatabase } from '../helpers/databases.js';

const at = (iso: string) => new Date(iso);
const MINUTE = 60_000;

/**
 * The database lease of a background job: one holder at a time, renewable by its holder, taken over once it has
 * run out, given back on close. On PostgreSQL twenty instances asking at once get exactly one holder.
 */
describe.each(DIALECTS)('job leases on %s', (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
  });
  afterAll(() => handle?.close());

  it('gives a free job to the first holder and refuses another until it runs out', async () => {
    const db = handle.db;
    expect(await tryLease(db, 'a', 'one', 10 * MINUTE, at('2026-12-07T10:00:00.000Z'))).toBe(true);
    expect(await tryLease(db, 'a', 'two', 10 * MINUTE, at('2026-12-07T10:05:00.000Z'))).toBe(false);
    expect((await leaseOf(db, 'a'))?.holder).toBe('one');
    // its holder renews it before it runs out
    expect(await tryLease(db, 'a', 'one', 10 * MINUTE, at('2026-12-07T10:09:00.000Z'))).toBe(true);
    expect(await tryLease(db, 'a', 'two', 10 * MINUTE, at('2026-12-07T10:15:00.000Z'))).toBe(false);
    // expired: another instance takes it over, and the former holder no longer has it
    expect(await tryLease(db, 'a', 'two', 10 * MINUTE, at('2026-12-07T10:19:00.000Z'))).toBe(true);
    expect(await tryLease(db, 'a', 'one', 10 * MINUTE, at('2026-12-07T10:20:00.000Z'))).toBe(false);
    expect(await leaseOf(db, 'a')).toMatchObject({ holder: 'two', leaseUntil: '2026-12-07T10:29:00.000Z' });
  });

  it('is given back on close, and only by its holder', async () => {
    const db = handle.db;
    const now = at('2026-12-07T11:00:00.000Z');
    expect(await tryLease(db, 'b', 'one', 10 * MINUTE, now)).toBe(true);
    await releaseLease(db, 'b', 'two', now);
    expect(await tryLease(db, 'b', 'two', 10 * MINUTE, now)).toBe(false);
    await releaseLease(db, 'b', 'one', now);
    expect(await tryLease(db, 'b', 'two', 10 * MINUTE, now)).toBe(true);
    await markLeaseRun(db, 'b', 'two', at('2026-12-07T11:01:00.000Z'));
    await markLeaseRun(db, 'b', 'one', at('2026-12-07T11:02:00.000Z'));
    expect((await leaseOf(db, 'b'))?.lastRunAt).toBe('2026-12-07T11:01:00.000Z');
  });

  it('leases of different jobs are independent', async () => {
    const now = at('2026-12-07T12:00:00.000Z');
    expect(await tryLease(handle.db, 'c', 'one', MINUTE, now)).toBe(true);
    expect(await tryLease(handle.db, 'd', 'two', MINUTE, now)).toBe(true);
  });

  it('of twenty instances asking at once, exactly one holds a free job', async () => {
    const now = at('2026-12-07T13:00:00.000Z');
    const got = await Promise.all(
      Array.from({ length: 20 }, (_, i) => tryLease(handle.db, 'race', `instance-${i}`, 10 * MINUTE, now)),
    );
    expect(got.filter(Boolean)).toHaveLength(1);
    expect((await leaseOf(handle.db, 'race'))?.holder).toBe(`instance-${got.indexOf(true)}`);
  });

  it('of twenty instances asking at once for an expired lease, exactly one takes it over', async () => {
    expect(await tryLease(handle.db, 'race2', 'old', MINUTE, at('2026-12-07T14:00:00.000Z'))).toBe(true);
    const later = at('2026-12-07T14:05:00.000Z');
    const got = await Promise.all(
      Array.from({ length: 20 }, (_, i) => tryLease(handle.db, 'race2', `instance-${i}`, 10 * MINUTE, later)),
    );
    expect(got.filter(Boolean)).toHaveLength(1);
    expect((await leaseOf(handle.db, 'race2'))?.holder).toBe(`instance-${got.indexOf(true)}`);
  });
});
