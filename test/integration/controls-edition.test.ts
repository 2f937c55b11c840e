import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { CONTROL_CATALOGS } from '../../src/schema/controls/catalogs/index.js';
import { chooseEdition, type Control } from '../helpers/control-factories.js';
import { controlsSuite, REFS_2022, fields } from '../helpers/controls-suite.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, writeCounts } from '../helpers/factories.js';

const THEMES: Record<string, string> = { '5': 'organizational', '6': 'people', '7': 'physical', '8': 'technological' };
type Res = LightMyRequestResponse;

/** Choosing the organization's Annex A edition (27001 6.1.3 c): its controls, their order, and the choice made once. */
describe.each(DIALECTS)('choosing the Annex A edition on %s', (kind) => {
  const s = controlsSuite(kind, { other: true });
  const { url, db, events, listRefs } = s;

  const controlCount = async () =>
    Number(
      (
        await db()
          .selectFrom('controls')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  describe('the Annex A edition', () => {
    it('starts with no edition and no controls', async () => {
      const res = await s.org.as.viewer.get(url('/control-settings'));
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ edition: null, chosenAt: null, counts: { catalog: 0, custom: 0 } });
    });

    it('choosing 2022 makes its 93 controls, undecided and not started, with their themes, audited', async () => {
      const before = await writeCounts(s.env.handle);
      const res = await s.org.as.isms_manager.post(url('/control-settings/edition'), { edition: 'iso27001-2022' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ edition: 'iso27001-2022', counts: { catalog: 93, custom: 0 } });
      expect(res.json().chosenAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect((await s.org.as.viewer.get(url('/control-settings'))).json()).toEqual(res.json());

      const rows = await db().selectFrom('controls').selectAll().where('orgId', '=', s.org.id).execute();
      expect(rows).toHaveLength(93);
      expect(rows.map((r) => r.ref).sort()).toEqual([...REFS_2022].sort());
      for (const r of rows) {
        expect(r, r.ref).toMatchObject({
          source: 'iso27001-2022',
          applicability: 'undecided',
          implementationStatus: 'not_started',
          theme: THEMES[r.ref.split('.')[0]!],
          objective: null,
          archivedAt: null,
        });
        expect(r.title.length, r.ref).toBeGreaterThan(3);
      }
      expect(rows.find((r) => r.ref === '8.34')!.title).toMatch(/audit/i);
      // one audit event for the choice, nothing per control
      expect(await writeCounts(s.env.handle)).toEqual({ ...before, auditEvents: before.auditEvents + 1 });
      const [event] = await events('controls.edition_chosen');
      expect(JSON.parse(event!.payload)).toEqual({ edition: 'iso27001-2022', controls: 93 });
    });

    it('lists in catalog order by default: 5.9 before 5.10, 8.34 last', async () => {
      const o = await buildOrg(s.env.app, s.env.handle);
      await chooseEdition(o);
      expect(await listRefs('', o)).toEqual(REFS_2022);
      // paging keeps the order
      const page2 = (await o.as.viewer.get(url('/controls?pageSize=10&page=2', o))).json();
      expect(page2.items.map((x: Control) => x.ref)).toEqual(REFS_2022.slice(10, 20));
      expect(page2.total).toBe(93);
      expect(await listRefs('&theme=people', o)).toEqual(REFS_2022.filter((r) => r.startsWith('6.')));
    });

    it('is chosen once: a second choice, same or other edition, is a conflict and writes nothing', async () => {
      const o = await buildOrg(s.env.app, s.env.handle);
      await chooseEdition(o);
      for (const edition of ['iso27001-2022', 'iso27001-2013']) {
        const before = { counts: await writeCounts(s.env.handle), controls: await controlCount() };
        const res = await o.as.admin.post(url('/control-settings/edition', o), { edition });
        expect(res.statusCode, res.body).toBe(409);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect({ counts: await writeCounts(s.env.handle), controls: await controlCount() }).toEqual(before);
      }
      expect((await o.as.viewer.get(url('/control-settings', o))).json()).toMatchObject({
        edition: 'iso27001-2022',
        counts: { catalog: 93, custom: 0 },
      });
      expect(await events('controls.edition_chosen', o)).toHaveLength(1);
    });

    it('two people choosing at the same moment: one choice wins, the other is a conflict', async () => {
      const o = await buildOrg(s.env.app, s.env.handle);
      const choose = () =>
        Promise.all([
          o.as.admin.post(url('/control-settings/edition', o), { edition: 'iso27001-2022' }),
          o.as.isms_manager.post(url('/control-settings/edition', o), { edition: 'iso27001-2013' }),
        ]);
      let answers: Res[];
      if (kind === 'postgres') {
        // both read "no edition yet" while inserts wait on the lock, then both insert
        let pending!: ReturnType<typeof choose>;
        await db()
          .transaction()
          .execute(async (trx) => {
            await sql`LOCK TABLE control_settings IN EXCLUSIVE MODE`.execute(trx);
            pending = choose();
            await new Promise((resolve) => setTimeout(resolve, 300));
          });
        answers = await pending;
      } else answers = await choose();
      expect(answers.map((a) => a.statusCode).sort(), answers.map((a) => a.body.slice(0, 200)).join('\n')).toEqual([
        200, 409,
      ]);
      const won = answers.find((a) => a.statusCode === 200)!.json();
      const rows = await db().selectFrom('controls').select('source').where('orgId', '=', o.id).execute();
      expect(rows).toHaveLength(won.counts.catalog);
      expect(new Set(rows.map((r) => r.source))).toEqual(new Set([won.edition]));
      expect(await events('controls.edition_chosen', o)).toHaveLength(1);
    });

    it('refuses an edition it does not know, and leaves the choice to managers', async () => {
      const unknown = await s.other.as.admin.post(url('/control-settings/edition', s.other), {
        edition: 'iso27001-2005',
      });
      expect(unknown.statusCode).toBe(400);
      expect(fields(unknown)).toEqual(['body.edition']);
      const contributor = await s.other.as.contributor.post(url('/control-settings/edition', s.other), {
        edition: 'iso27001-2022',
      });
      expect(contributor.statusCode).toBe(403);
      expect((await s.other.as.viewer.get(url('/control-settings', s.other))).json().edition).toBeNull();
    });

    it('choosing 2013 makes its 114 controls, each with its control objective, in catalog order', async () => {
      const o2013 = await buildOrg(s.env.app, s.env.handle);
      const res = await o2013.as.admin.post(url('/control-settings/edition', o2013), { edition: 'iso27001-2013' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ edition: 'iso27001-2013', counts: { catalog: 114, custom: 0 } });
      const rows = await db().selectFrom('controls').selectAll().where('orgId', '=', o2013.id).execute();
      expect(rows).toHaveLength(114);
      for (const r of rows) {
        expect(r.source, r.ref).toBe('iso27001-2013');
        expect(r.objective, r.ref).toEqual(expect.any(String));
        expect(r.objective!.length, r.ref).toBeGreaterThan(3);
      }
      // controls of one objective share it; there are several objectives
      expect(new Set(rows.map((r) => r.objective)).size).toBeGreaterThan(20);
      expect(await listRefs('', o2013)).toEqual(CONTROL_CATALOGS['iso27001-2013'].controls.map((x) => x.code));
      expect(new Set(rows.map((r) => r.ref)).size).toBe(114);
      const [event] = await events('controls.edition_chosen', o2013);
      expect(JSON.parse(event!.payload)).toEqual({ edition: 'iso27001-2013', controls: 114 });
    });
  });
});
