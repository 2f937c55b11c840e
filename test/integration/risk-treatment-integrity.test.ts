import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { putTreatment, setTreatment } from '../helpers/control-factories.js';
import { controlsSuite, uuid } from '../helpers/controls-suite.js';
import { treatRansomware } from '../helpers/ransomware-treatment.js';
import { DIALECTS } from '../helpers/databases.js';
import { writeCounts } from '../helpers/factories.js';

type Res = LightMyRequestResponse;

/** Risk treatment under change: replacing controls, concurrent saves, archiving what a treatment relies on, all or nothing. */
describe.each(DIALECTS)('risk treatment under change on %s', (kind) => {
  const s = controlsSuite(kind);
  const { url, db, c, controlRow, events, listRefs, drivers, assessedRisk } = s;

  describe('risk treatment', () => {
    let risk: { id: string; ref: string };
    /** The ransomware risk of a new organization, its treatment saved `versions` times (treatRansomware). */
    async function treated(versions: number) {
      risk = await treatRansomware(s, versions);
    }
    beforeAll(() => treated(0));

    it('replacing a treatment takes controls no longer named away from the risk, audited', async () => {
      await treated(3);
      const custom = c('CUS-001');
      await setTreatment(s.org.as.contributor, s.org.slug, risk.id, {
        options: [{ option: 'modify', rationale: 'MDM instead of patching' }],
        controls: [
          { controlId: c('8.13').id, effect: 'consequence' },
          { controlId: custom.id, effect: 'likelihood' },
        ],
        expectedVersion: 3,
      });
      expect((await drivers(c('8.8').id)).risks).toEqual([]);
      expect((await drivers(c('5.16').id)).risks).toEqual([]);
      expect((await drivers(custom.id)).risks).toEqual([
        expect.objectContaining({
          id: risk.id,
          ref: risk.ref,
          effect: 'likelihood',
          status: 'treatment_planned',
          level: 'high',
          acceptable: false,
        }),
      ]);
      expect(await listRefs(`&riskId=${risk.id}`)).toEqual(['8.13', 'CUS-001']);
      const last = (await events('risk.treatment_set')).at(-1)!;
      expect(JSON.parse(last.payload)).toMatchObject({
        version: 4,
        controlsAdded: ['CUS-001'],
        controlsRemoved: ['8.8', '5.16'],
      });
      // 8.8 stays applicable (the SoA decision is not undone), but nothing justifies it any more
      expect((await controlRow(c('8.8').id)).applicability).toBe('applicable');
      expect(await listRefs('&unjustified=true')).toContain('8.8');
      expect(await listRefs('&unjustified=true')).not.toContain('8.13');
    });

    it('two saves of one treatment at the same moment: one wins, the other is told it is stale', async () => {
      const r = await assessedRisk(s.org, { title: 'Saved twice' });
      const save = (option: string) =>
        putTreatment(s.org.as.contributor, s.org.slug, r.id, {
          options: [{ option, rationale: option }],
          expectedVersion: 0,
        });
      const both = () => Promise.all([save('modify'), save('share')]);
      let answers: Res[];
      if (kind === 'postgres') {
        // both would read version 0 before either writes, unless the first holds the risk
        let pending!: ReturnType<typeof both>;
        await db()
          .transaction()
          .execute(async (trx) => {
            await sql`LOCK TABLE risk_treatments IN EXCLUSIVE MODE`.execute(trx);
            pending = both();
            await new Promise((resolve) => setTimeout(resolve, 300));
          });
        answers = await pending;
      } else answers = await both();
      expect(answers.map((a) => a.statusCode).sort(), answers.map((a) => a.body.slice(0, 200)).join('\n')).toEqual([
        200, 409,
      ]);
      const t = (await s.org.as.viewer.get(url(`/risks/${r.id}/treatment`))).json();
      expect(t.version).toBe(1);
      expect(t.options).toEqual([answers.find((a) => a.statusCode === 200)!.json().options[0]]);
      expect((await events('risk.treatment_set')).filter((e) => e.entityId === r.id)).toHaveLength(1);
    });

    it('a custom control that treats a risk is not archived; the refusal names the risk', async () => {
      await treated(4);
      const res = await s.org.as.isms_manager.del(url(`/controls/${c('CUS-001').id}`));
      expect(res.statusCode).toBe(409);
      expect(res.json().detail).toContain(risk.ref);
      expect((await controlRow(c('CUS-001').id)).archivedAt).toBeNull();
    });

    it('saves all or nothing: a failure after the first writes leaves the previous treatment', async () => {
      const target = await assessedRisk(s.org, { title: 'Phishing' });
      await setTreatment(s.org.as.contributor, s.org.slug, target.id, {
        options: [{ option: 'share', rationale: 'Insurance' }],
        controls: [{ controlId: c('6.3').id, effect: 'likelihood' }],
      });
      // second control unknown: refused before anything is linked
      const snapshot = async () => ({
        treatment: (await s.org.as.viewer.get(url(`/risks/${target.id}/treatment`))).json(),
        controls: await db()
          .selectFrom('controls')
          .select(['id', 'applicability', 'version'])
          .where('orgId', '=', s.org.id)
          .orderBy('id')
          .execute(),
        links: await db()
          .selectFrom('riskControls')
          .selectAll()
          .where('riskId', '=', target.id)
          .orderBy('controlId')
          .execute(),
        counts: await writeCounts(s.env.handle),
      });
      const before = await snapshot();
      const bad = await putTreatment(s.org.as.contributor, s.org.slug, target.id, {
        options: [{ option: 'modify', rationale: 'Training' }],
        controls: [
          { controlId: c('6.4').id, effect: 'likelihood' },
          { controlId: uuid(), effect: 'both' },
        ],
      });
      expect(bad.statusCode).toBe(400);
      expect(await snapshot()).toEqual(before);

      // a failure injected when the second control is made applicable, after options, links and the first control were written
      const failing = c('6.6').id;
      if (kind === 'sqlite') {
        await sql`CREATE TRIGGER fail_treatment BEFORE UPDATE OF applicability ON controls WHEN NEW.id = ${sql.lit(failing)} BEGIN SELECT RAISE(ABORT, 'injected failure'); END`.execute(
          db(),
        );
      } else {
        await sql`CREATE FUNCTION fail_treatment() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql`.execute(
          db(),
        );
        await sql`CREATE TRIGGER fail_treatment BEFORE UPDATE OF applicability ON controls FOR EACH ROW WHEN (NEW.id = ${sql.lit(failing)}) EXECUTE FUNCTION fail_treatment()`.execute(
          db(),
        );
      }
      try {
        const res = await putTreatment(s.org.as.contributor, s.org.slug, target.id, {
          options: [{ option: 'modify', rationale: 'Training' }],
          controls: [
            { controlId: c('6.4').id, effect: 'likelihood' },
            { controlId: c('6.5').id, effect: 'likelihood' },
            { controlId: failing, effect: 'both' },
          ],
          expectedVersion: 1,
        });
        expect(res.statusCode).toBe(500);
        expect(res.body).not.toContain('injected failure');
      } finally {
        if (kind === 'sqlite') await sql`DROP TRIGGER fail_treatment`.execute(db());
        else {
          await sql`DROP TRIGGER fail_treatment ON controls`.execute(db());
          await sql`DROP FUNCTION fail_treatment()`.execute(db());
        }
      }
      expect(await snapshot()).toEqual(before);
      expect((await controlRow(c('6.4').id)).applicability).toBe('undecided');
      expect((await drivers(c('6.4').id)).risks).toEqual([]);
    });
  });
});
