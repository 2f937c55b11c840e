import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endOfDay } from '../../src/core/certification/pack-index.service.js';
import { nonconformitiesTable } from '../../src/core/certification/pack-tables.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { buildNc, stepsTo } from '../helpers/nonconformity-factories.js';
import { ctxOf } from '../helpers/review-inputs-helpers.js';

/** Issue 17: the pack's 10.2 register gives each nonconformity's status on the pack's date, and its status now. */
describe.each(DIALECTS)('certification pack 10.2 register on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(async () => env?.close());

  it('reads the status on the date from the steps recorded by then', async () => {
    const c = org.as.isms_manager;
    const corrected = await stepsTo(c, org.slug, await buildNc(c, org.slug), ['correction']);
    // the next step a moment later, so that a time between the two exists
    await new Promise((r) => setTimeout(r, 20));
    const decided = await stepsTo(c, org.slug, corrected, ['decision']);
    const reported = await buildNc(c, org.slug);
    const today = new Date().toISOString().slice(0, 10);
    const statusOf = async (end: string, ref: string) => {
      const table = await nonconformitiesTable(ctxOf(env, org), end);
      const col = (key: string) => table.columns.findIndex((x) => x.key === key);
      const row = table.rows.find((r) => r[0] === ref);
      return (
        row && { header: table.columns[col('status')]!.header, then: row[col('status')], now: row[col('statusNow')] }
      );
    };
    expect(await statusOf(endOfDay(today), decided.ref)).toEqual({
      header: `Status on ${today}`,
      then: 'Decided',
      now: 'Decided',
    });
    expect(await statusOf(endOfDay(today), reported.ref)).toMatchObject({ then: 'Reported', now: 'Reported' });

    // as it stood when the correction was recorded, before the decision; the one raised later is not listed yet
    const correction = await env.handle.db
      .selectFrom('auditEvents')
      .select(['createdAt', 'payload'])
      .where('orgId', '=', org.id)
      .where('entityId', '=', decided.id)
      .where('type', '=', 'nonconformity.step_recorded')
      .orderBy('seq')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(String(correction.payload)).statusTo).toBe('corrected');
    expect(await statusOf(correction.createdAt, decided.ref)).toMatchObject({ then: 'Corrected', now: 'Decided' });
    expect(await statusOf(correction.createdAt, reported.ref)).toBeUndefined();
  });
});
