import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTROL_CATALOGS } from '../../src/schema/controls/catalogs/index.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import {
  buildCustomControl,
  chooseEdition,
  controlsByRef,
  putTreatment,
  setTreatment,
  type Control,
  type TreatmentBody,
} from '../helpers/control-factories.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';
import { buildParty, buildRequirement } from '../helpers/context-factories.js';
import { approveMethodology, buildRisk, startingMethodology } from '../helpers/risk-factories.js';

/** The 2022 Annex A identifiers in catalog order, written out independently of the catalog data. */
const REFS_2022 = [
  ...Array.from({ length: 37 }, (_, i) => `5.${i + 1}`),
  ...Array.from({ length: 8 }, (_, i) => `6.${i + 1}`),
  ...Array.from({ length: 14 }, (_, i) => `7.${i + 1}`),
  ...Array.from({ length: 34 }, (_, i) => `8.${i + 1}`),
];
const THEMES: Record<string, string> = { '5': 'organizational', '6': 'people', '7': 'physical', '8': 'technological' };
const uuid = () => crypto.randomUUID();
type Res = LightMyRequestResponse;
const fields = (res: Res) => ((res.json().errors ?? []) as { field: string }[]).map((e) => e.field);

/** Controls (Annex A and custom), their SoA fields, risk treatment and what needs each control (27001 6.1.3). */
describe.each(DIALECTS)('controls and risk treatment on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let other: TestOrg;
  let controls: Map<string, Control>;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
    other = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const url = (path = '', o: TestOrg = org) => `/api/v1/orgs/${o.slug}${path}`;
  const db = () => env.handle.db;
  const c = (ref: string) => controls.get(ref)!;
  const controlRow = (id: string) =>
    db().selectFrom('controls').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const controlCount = async () =>
    Number(
      (
        await db()
          .selectFrom('controls')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const events = (type: string, o: TestOrg = org) =>
    db()
      .selectFrom('auditEvents')
      .select(['type', 'entityId', 'payload'])
      .where('orgId', '=', o.id)
      .where('type', '=', type)
      .orderBy('seq')
      .execute();
  const listRefs = async (query: string, o: TestOrg = org) => {
    const res = await o.as.viewer.get(url(`/controls?pageSize=200${query}`, o));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return (res.json().items as Control[]).map((x) => x.ref);
  };
  const drivers = async (id: string, o: TestOrg = org) => {
    const res = await o.as.viewer.get(url(`/controls/${id}/drivers`, o));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json() as {
      risks: {
        id: string;
        ref: string;
        effect: string;
        level: string | null;
        acceptable: boolean | null;
        status: string;
      }[];
      requirements: { id: string; ref: string; title: string }[];
    };
  };
  const patchOk = async (o: TestOrg, id: string, body: Record<string, unknown>) => {
    const res = await o.as.isms_manager.patch(url(`/controls/${id}`, o), body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Control;
  };
  /** a risk with an owner and an analysis (status assessed) once the organization has an approved methodology */
  const assessedRisk = (o: TestOrg = org, overrides: Record<string, unknown> = {}) =>
    buildRisk(o.as.contributor, o.slug, {
      ownerId: o.users.contributor.id,
      likelihood: 3,
      consequence: 3,
      ...overrides,
    });

  describe('the Annex A edition', () => {
    it('starts with no edition and no controls', async () => {
      const res = await org.as.viewer.get(url('/control-settings'));
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ edition: null, chosenAt: null, counts: { catalog: 0, custom: 0 } });
    });

    it('choosing 2022 makes its 93 controls, undecided and not started, with their themes, audited', async () => {
      const before = await writeCounts(env.handle);
      const res = await org.as.isms_manager.post(url('/control-settings/edition'), { edition: 'iso27001-2022' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ edition: 'iso27001-2022', counts: { catalog: 93, custom: 0 } });
      expect(res.json().chosenAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect((await org.as.viewer.get(url('/control-settings'))).json()).toEqual(res.json());

      const rows = await db().selectFrom('controls').selectAll().where('orgId', '=', org.id).execute();
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
      expect(await writeCounts(env.handle)).toEqual({ ...before, auditEvents: before.auditEvents + 1 });
      const [event] = await events('controls.edition_chosen');
      expect(JSON.parse(event!.payload)).toEqual({ edition: 'iso27001-2022', controls: 93 });
      controls = await controlsByRef(org);
    });

    it('lists in catalog order by default: 5.9 before 5.10, 8.34 last', async () => {
      const o = await buildOrg(env.app, env.handle);
      await chooseEdition(o);
      expect(await listRefs('', o)).toEqual(REFS_2022);
      // paging keeps the order
      const page2 = (await o.as.viewer.get(url('/controls?pageSize=10&page=2', o))).json();
      expect(page2.items.map((x: Control) => x.ref)).toEqual(REFS_2022.slice(10, 20));
      expect(page2.total).toBe(93);
      expect(await listRefs('&theme=people', o)).toEqual(REFS_2022.filter((r) => r.startsWith('6.')));
    });

    it('is chosen once: a second choice, same or other edition, is a conflict and writes nothing', async () => {
      const o = await buildOrg(env.app, env.handle);
      await chooseEdition(o);
      for (const edition of ['iso27001-2022', 'iso27001-2013']) {
        const before = { counts: await writeCounts(env.handle), controls: await controlCount() };
        const res = await o.as.admin.post(url('/control-settings/edition', o), { edition });
        expect(res.statusCode, res.body).toBe(409);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect({ counts: await writeCounts(env.handle), controls: await controlCount() }).toEqual(before);
      }
      expect((await o.as.viewer.get(url('/control-settings', o))).json()).toMatchObject({
        edition: 'iso27001-2022',
        counts: { catalog: 93, custom: 0 },
      });
      expect(await events('controls.edition_chosen', o)).toHaveLength(1);
    });

    it('two people choosing at the same moment: one choice wins, the other is a conflict', async () => {
      const o = await buildOrg(env.app, env.handle);
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
      const unknown = await other.as.admin.post(url('/control-settings/edition', other), { edition: 'iso27001-2005' });
      expect(unknown.statusCode).toBe(400);
      expect(fields(unknown)).toEqual(['body.edition']);
      const contributor = await other.as.contributor.post(url('/control-settings/edition', other), {
        edition: 'iso27001-2022',
      });
      expect(contributor.statusCode).toBe(403);
      expect((await other.as.viewer.get(url('/control-settings', other))).json().edition).toBeNull();
    });

    it('choosing 2013 makes its 114 controls, each with its control objective, in catalog order', async () => {
      const o2013 = await buildOrg(env.app, env.handle);
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

  describe('custom controls and the SoA fields', () => {
    // an organization of its own with the 2022 edition chosen, so no test here needs the edition tests above
    beforeAll(async () => {
      org = await buildOrg(env.app, env.handle);
      controls = await chooseEdition(org);
    });

    it('a control made by people is custom, CUS-001, and sorts after the catalog', async () => {
      const first = await buildCustomControl(org.as.isms_manager, org.slug, {
        title: 'Mobile device management',
        theme: 'technological',
        description: 'MDM on every phone',
      });
      expect(first).toMatchObject({
        source: 'custom',
        ref: 'CUS-001',
        applicability: 'undecided',
        implementationStatus: 'not_started',
        theme: 'technological',
      });
      const second = await buildCustomControl(org.as.isms_manager, org.slug, { title: 'Aardvark control' });
      expect(second.ref).toBe('CUS-002');
      // catalog order, then custom controls in the order they were made (not by title)
      expect(await listRefs('')).toEqual([...REFS_2022, 'CUS-001', 'CUS-002']);
      expect((await org.as.viewer.get(url('/control-settings'))).json().counts).toEqual({ catalog: 93, custom: 2 });
      // a client cannot make a control that claims to be Annex A
      const claim = await org.as.isms_manager.post(url('/controls'), { title: 'Fake 5.1', source: 'iso27001-2022' });
      expect(claim.statusCode).toBe(400);
      expect(fields(claim)).toContain('body.source');
      controls = await controlsByRef(org);
    });

    it('custom controls imported in one go keep the order they were made in', async () => {
      const o = await buildOrg(env.app, env.handle);
      const csv = `title\n${Array.from({ length: 25 }, (_, i) => `Imported control ${i + 1}`).join('\n')}\n`;
      const res = await o.as.isms_manager.request('POST', url('/controls/import?dryRun=false', o), csv, {
        'content-type': 'text/csv',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ created: 25 });
      const expected = Array.from({ length: 25 }, (_, i) => `CUS-${String(i + 1).padStart(3, '0')}`);
      expect(await listRefs('', o)).toEqual(expected);
      const items = (await o.as.viewer.get(url('/controls?pageSize=200', o))).json().items as Control[];
      expect(items.map((x) => x.title)).toEqual(expected.map((_, i) => `Imported control ${i + 1}`));
      expect(items.every((x) => x.source === 'custom')).toBe(true);
    });

    it('the catalog’s wording of an Annex A control cannot be changed; a custom control’s can', async () => {
      const annex = c('5.1');
      for (const [name, value] of [
        ['title', 'My own policies'],
        ['theme', 'people'],
        ['description', 'Reworded'],
      ] as const) {
        const before = await writeCounts(env.handle);
        const res = await org.as.isms_manager.patch(url(`/controls/${annex.id}`), { [name]: value });
        expect(res.statusCode, res.body).toBe(400);
        expect(fields(res)).toEqual([`body.${name}`]);
        expect(await writeCounts(env.handle)).toEqual(before);
      }
      expect(await controlRow(annex.id)).toMatchObject({
        title: annex.title,
        theme: 'organizational',
        description: null,
        version: annex.version,
      });
      // the organization's own fields of an Annex A control are editable
      const impl = await org.as.isms_manager.patch(url(`/controls/${annex.id}`), {
        implementation: 'Policy set approved yearly',
        ownerId: org.users.contributor.id,
      });
      expect(impl.statusCode, impl.body).toBe(200);
      expect(impl.json()).toMatchObject({
        implementation: 'Policy set approved yearly',
        ownerId: org.users.contributor.id,
        title: annex.title,
      });

      const custom = await buildCustomControl(org.as.isms_manager, org.slug, {
        title: 'Mobile device management',
        theme: 'technological',
        description: 'MDM on every phone',
      });
      const res = await org.as.isms_manager.patch(url(`/controls/${custom.id}`), {
        title: 'Mobile device management (MDM)',
        theme: 'physical',
        description: 'Enrolled devices only',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        title: 'Mobile device management (MDM)',
        theme: 'physical',
        description: 'Enrolled devices only',
        source: 'custom',
      });
    });

    it('an exclusion says why; a replaced control names a custom replacement', async () => {
      const annex = c('7.4');
      const custom = await buildCustomControl(org.as.isms_manager, org.slug, { title: 'Landlord monitoring' });
      const reject = async (body: Record<string, unknown>, field: string) => {
        const before = await writeCounts(env.handle);
        const res = await org.as.isms_manager.patch(url(`/controls/${annex.id}`), body);
        expect(res.statusCode, `${JSON.stringify(body)} → ${res.body}`).toBe(400);
        expect(fields(res), JSON.stringify(body)).toEqual([field]);
        expect(await writeCounts(env.handle)).toEqual(before);
      };
      await reject({ applicability: 'excluded' }, 'body.exclusionReason');
      await reject({ applicability: 'excluded', exclusionReason: 'replaced' }, 'body.replacedById');
      await reject(
        { applicability: 'excluded', exclusionReason: 'replaced', replacedById: c('5.2').id },
        'body.replacedById',
      );
      await reject(
        { applicability: 'excluded', exclusionReason: 'not_needed', replacedById: custom.id },
        'body.replacedById',
      );
      await reject(
        { applicability: 'excluded', exclusionReason: 'replaced', replacedById: uuid() },
        'body.replacedById',
      );
      const archived = await buildCustomControl(org.as.isms_manager, org.slug, { title: 'Retired replacement' });
      expect((await org.as.isms_manager.del(url(`/controls/${archived.id}`))).statusCode).toBe(204);
      await reject(
        { applicability: 'excluded', exclusionReason: 'replaced', replacedById: archived.id },
        'body.replacedById',
      );
      await reject({ applicability: 'applicable', exclusionReason: 'out_of_scope' }, 'body.exclusionReason');
      expect(await controlRow(annex.id)).toMatchObject({
        applicability: 'undecided',
        exclusionReason: null,
        replacedById: null,
        version: annex.version,
      });

      const replaced = await org.as.isms_manager.patch(url(`/controls/${annex.id}`), {
        applicability: 'excluded',
        exclusionReason: 'replaced',
        replacedById: custom.id,
        exclusionExplanation: 'Monitoring is done by the landlord',
      });
      expect(replaced.statusCode, replaced.body).toBe(200);
      expect(replaced.json()).toMatchObject({
        applicability: 'excluded',
        exclusionReason: 'replaced',
        replacedById: custom.id,
      });

      // another reason: the replacement goes (otherwise the former replacement could never be archived)
      const reason = await org.as.isms_manager.patch(url(`/controls/${annex.id}`), { exclusionReason: 'out_of_scope' });
      expect(reason.statusCode, reason.body).toBe(200);
      expect(reason.json()).toMatchObject({
        applicability: 'excluded',
        exclusionReason: 'out_of_scope',
        replacedById: null,
        exclusionExplanation: 'Monitoring is done by the landlord',
      });
      expect(await controlRow(annex.id)).toMatchObject({ replacedById: null });
      await patchOk(org, annex.id, { exclusionReason: 'replaced', replacedById: custom.id });

      // back to applicable: the exclusion's fields go with it
      const back = await org.as.isms_manager.patch(url(`/controls/${annex.id}`), {
        applicability: 'applicable',
        statedReason: 'Landlord contract ended',
      });
      expect(back.statusCode, back.body).toBe(200);
      expect(back.json()).toMatchObject({
        applicability: 'applicable',
        exclusionReason: null,
        replacedById: null,
        exclusionExplanation: null,
      });
      expect(await controlRow(annex.id)).toMatchObject({
        exclusionReason: null,
        replacedById: null,
        exclusionExplanation: null,
      });
    });

    it('a planned control says when', async () => {
      const annex = c('8.7');
      const res = await org.as.isms_manager.patch(url(`/controls/${annex.id}`), {
        applicability: 'applicable',
        implementationStatus: 'planned',
      });
      expect(res.statusCode).toBe(400);
      expect(fields(res)).toEqual(['body.plannedDate']);
      expect((await controlRow(annex.id)).implementationStatus).toBe('not_started');
      const ok = await org.as.isms_manager.patch(url(`/controls/${annex.id}`), {
        applicability: 'applicable',
        statedReason: 'Best practice',
        implementationStatus: 'planned',
        plannedDate: '2030-06-30',
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ implementationStatus: 'planned', plannedDate: '2030-06-30' });
      // the date cannot be taken away while the control is planned
      const clear = await org.as.isms_manager.patch(url(`/controls/${annex.id}`), { plannedDate: null });
      expect(clear.statusCode).toBe(400);
      expect(fields(clear)).toEqual(['body.plannedDate']);
    });

    it('Annex A controls are never archived; a custom control is, unless something still relies on it', async () => {
      const annex = c('5.3');
      const res = await org.as.isms_manager.del(url(`/controls/${annex.id}`));
      expect(res.statusCode).toBe(409);
      expect(res.json().detail).toContain('5.3');
      expect((await controlRow(annex.id)).archivedAt).toBeNull();

      // a replacement of its own to check that guard
      const replacement = await buildCustomControl(org.as.isms_manager, org.slug, { title: 'Replacement of 7.5' });
      await patchOk(org, c('7.5').id, {
        applicability: 'excluded',
        exclusionReason: 'replaced',
        replacedById: replacement.id,
      });
      const replacing = await org.as.isms_manager.del(url(`/controls/${replacement.id}`));
      expect(replacing.statusCode).toBe(409);
      expect(replacing.json().detail).toContain('7.5');
      expect((await controlRow(replacement.id)).archivedAt).toBeNull();
      // once 7.5 is excluded for another reason, the former replacement may go
      await patchOk(org, c('7.5').id, { exclusionReason: 'out_of_scope' });
      expect((await org.as.isms_manager.del(url(`/controls/${replacement.id}`))).statusCode).toBe(204);

      const unused = await buildCustomControl(org.as.isms_manager, org.slug, { title: 'Short-lived' });
      const gone = await org.as.isms_manager.del(url(`/controls/${unused.id}`));
      expect(gone.statusCode).toBe(204);
      expect((await controlRow(unused.id)).archivedAt).not.toBeNull();
      expect(await listRefs('')).not.toContain(unused.ref);
      controls = await controlsByRef(org);
    });
  });

  describe('risk treatment', () => {
    let risk: { id: string; ref: string };
    /** The treatments the tests below save in turn, versions 1 to 4 of the ransomware risk's treatment. */
    const saves = (): TreatmentBody[] => [
      {
        options: [
          { option: 'modify', rationale: 'Backups and patching bring it down' },
          { option: 'retain', rationale: 'What is left is within appetite' },
        ],
        controls: [
          { controlId: c('8.13').id, effect: 'consequence', note: 'Offline copies' },
          { controlId: c('8.8').id, effect: 'likelihood' },
          { controlId: c('5.16').id, effect: 'both' },
        ],
        residual: { likelihood: 1, consequence: 1, rationale: 'Restore within a day' },
        expectedVersion: 0,
      },
      {
        options: [{ option: 'modify', rationale: 'Patching only' }],
        controls: [
          { controlId: c('8.13').id, effect: 'consequence' },
          { controlId: c('8.8').id, effect: 'likelihood' },
          { controlId: c('5.16').id, effect: 'both' },
        ],
        residual: { likelihood: 3, consequence: 3 },
        expectedVersion: 1,
      },
      {
        options: [{ option: 'modify', rationale: 'Patching only' }],
        controls: [
          { controlId: c('8.13').id, effect: 'consequence' },
          { controlId: c('8.8').id, effect: 'likelihood' },
          { controlId: c('5.16').id, effect: 'both' },
        ],
      },
      {
        options: [{ option: 'modify', rationale: 'MDM instead of patching' }],
        controls: [
          { controlId: c('8.13').id, effect: 'consequence' },
          { controlId: c('CUS-001').id, effect: 'likelihood' },
        ],
        expectedVersion: 3,
      },
    ];
    /**
     * A new organization (the 2022 controls, an approved 3 × 3, custom control CUS-001) with the ransomware risk,
     * its treatment saved `versions` times: each test starts from the state it needs, not from an earlier test's.
     */
    async function treated(versions: number) {
      org = await buildOrg(env.app, env.handle);
      await chooseEdition(org);
      await approveMethodology(org, startingMethodology('three-by-three'));
      await buildCustomControl(org.as.isms_manager, org.slug, {
        title: 'Mobile device management',
        theme: 'technological',
      });
      controls = await controlsByRef(org);
      risk = await assessedRisk(org, { title: 'Ransomware on the file server' });
      if (versions > 0)
        await patchOk(org, c('5.16').id, { applicability: 'excluded', exclusionReason: 'out_of_scope' });
      for (const body of saves().slice(0, versions)) await setTreatment(org.as.contributor, org.slug, risk.id, body);
      controls = await controlsByRef(org);
    }
    beforeAll(() => treated(0));

    it('a risk has no treatment until one is saved', async () => {
      expect((await org.as.viewer.get(url(`/risks/${risk.id}`))).json().status).toBe('assessed');
      const res = await org.as.viewer.get(url(`/risks/${risk.id}/treatment`));
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        riskId: risk.id,
        riskRef: risk.ref,
        version: 0,
        updatedAt: null,
        options: [],
        controls: [],
        residual: {
          likelihood: null,
          consequence: null,
          consequenceC: null,
          consequenceI: null,
          consequenceA: null,
          rationale: null,
        },
        residualEvaluation: null,
      });
    });

    it('saves options, controls and residual risk; undecided controls become applicable; the risk is treatment planned', async () => {
      // 5.16 is excluded beforehand: a treatment naming it does not change that
      await patchOk(org, c('5.16').id, { applicability: 'excluded', exclusionReason: 'out_of_scope' });
      const before = await writeCounts(env.handle);
      const res = await putTreatment(org.as.contributor, org.slug, risk.id, {
        options: [
          { option: 'modify', rationale: 'Backups and patching bring it down' },
          { option: 'retain', rationale: 'What is left is within appetite' },
        ],
        controls: [
          { controlId: c('8.13').id, effect: 'consequence', note: 'Offline copies' },
          { controlId: c('8.8').id, effect: 'likelihood' },
          { controlId: c('5.16').id, effect: 'both' },
        ],
        residual: { likelihood: 1, consequence: 1, rationale: 'Restore within a day' },
        expectedVersion: 0,
      });
      expect(res.statusCode, res.body).toBe(200);
      const t = res.json();
      expect(t).toMatchObject({
        riskId: risk.id,
        version: 1,
        options: [
          { option: 'modify', rationale: 'Backups and patching bring it down' },
          { option: 'retain', rationale: 'What is left is within appetite' },
        ],
        residual: { likelihood: 1, consequence: 1, rationale: 'Restore within a day' },
        residualEvaluation: { level: 'low', acceptable: true, methodologyVersion: 1 },
      });
      expect(t.updatedBy).toBe(org.users.contributor.id);
      expect(t.controls).toEqual([
        expect.objectContaining({
          controlId: c('8.13').id,
          ref: '8.13',
          effect: 'consequence',
          note: 'Offline copies',
          applicability: 'applicable',
          source: 'iso27001-2022',
        }),
        expect.objectContaining({
          controlId: c('8.8').id,
          ref: '8.8',
          effect: 'likelihood',
          note: null,
          applicability: 'applicable',
        }),
        expect.objectContaining({ controlId: c('5.16').id, ref: '5.16', effect: 'both', applicability: 'excluded' }),
      ]);
      expect([...t.proposedApplicable].sort()).toEqual(['8.13', '8.8']);
      expect(await controlRow(c('8.13').id)).toMatchObject({
        applicability: 'applicable',
        version: c('8.13').version + 1,
      });
      expect(await controlRow(c('5.16').id)).toMatchObject({
        applicability: 'excluded',
        exclusionReason: 'out_of_scope',
      });
      expect((await org.as.viewer.get(url(`/risks/${risk.id}`))).json().status).toBe('treatment_planned');
      // the same, read back
      const read = (await org.as.viewer.get(url(`/risks/${risk.id}/treatment`))).json();
      expect(read).toMatchObject({
        version: 1,
        options: t.options,
        controls: t.controls,
        residual: t.residual,
        residualEvaluation: t.residualEvaluation,
      });
      // audited in the same write: the treatment and each control made applicable
      expect(await writeCounts(env.handle)).toEqual({ ...before, auditEvents: before.auditEvents + 3 });
      const [set] = await events('risk.treatment_set');
      expect(set!.entityId).toBe(risk.id);
      expect(JSON.parse(set!.payload)).toEqual({
        ref: risk.ref,
        version: 1,
        options: ['modify', 'retain'],
        controlsAdded: ['8.13', '8.8', '5.16'],
        controlsRemoved: [],
        residual: { likelihood: 1, consequence: 1, consequenceC: null, consequenceI: null, consequenceA: null },
        statusFrom: 'assessed',
        statusTo: 'treatment_planned',
      });
      const proposed = await events('control.proposed_applicable');
      expect(proposed.map((e) => e.entityId).sort()).toEqual([c('8.13').id, c('8.8').id].sort());
      expect(JSON.parse(proposed[0]!.payload)).toMatchObject({ riskRef: risk.ref });
    });

    it('evaluates the residual risk with the methodology, and gives no evaluation without residual values', async () => {
      await treated(1);
      const high = await setTreatment(org.as.contributor, org.slug, risk.id, {
        options: [{ option: 'modify', rationale: 'Patching only' }],
        controls: [
          { controlId: c('8.13').id, effect: 'consequence' },
          { controlId: c('8.8').id, effect: 'likelihood' },
          { controlId: c('5.16').id, effect: 'both' },
        ],
        residual: { likelihood: 3, consequence: 3 },
        expectedVersion: 1,
      });
      expect(high).toMatchObject({
        version: 2,
        residualEvaluation: { level: 'high', acceptable: false, methodologyVersion: 1 },
        proposedApplicable: [],
      });
      const none = await setTreatment(org.as.contributor, org.slug, risk.id, {
        options: [{ option: 'modify', rationale: 'Patching only' }],
        controls: [
          { controlId: c('8.13').id, effect: 'consequence' },
          { controlId: c('8.8').id, effect: 'likelihood' },
          { controlId: c('5.16').id, effect: 'both' },
        ],
      });
      expect(none).toMatchObject({
        version: 3,
        residual: { likelihood: null, consequence: null, rationale: null },
        residualEvaluation: null,
      });
      // a second treatment does not move the status again
      const [, second] = await events('risk.treatment_set');
      expect(JSON.parse(second!.payload)).toMatchObject({
        version: 2,
        controlsAdded: [],
        controlsRemoved: [],
        statusFrom: null,
        statusTo: null,
      });
    });

    it('refuses bad treatments with the field named, writing nothing', async () => {
      await treated(3);
      const theirs = await buildCustomControl(other.as.admin, other.slug, { title: 'Other org control' });
      const archived = await buildCustomControl(org.as.isms_manager, org.slug, { title: 'Archived control' });
      expect((await org.as.isms_manager.del(url(`/controls/${archived.id}`))).statusCode).toBe(204);
      const base = {
        options: [{ option: 'modify', rationale: 'x' }],
        controls: [{ controlId: c('8.13').id, effect: 'consequence' }],
      };
      const cases: [Record<string, unknown>, string, number][] = [
        [{ ...base, residual: { likelihood: 4, consequence: 1 } }, 'body.residual.likelihood', 400],
        [{ ...base, residual: { likelihood: 1, consequence: 0 } }, 'body.residual.consequence', 400],
        [
          {
            ...base,
            options: [
              { option: 'modify', rationale: 'a' },
              { option: 'modify', rationale: 'b' },
            ],
          },
          'body.options.1.option',
          400,
        ],
        [{ ...base, options: [{ option: 'modify', rationale: '  ' }] }, 'body.options.0.rationale', 400],
        [
          {
            ...base,
            controls: [
              { controlId: c('8.13').id, effect: 'both' },
              { controlId: c('8.13').id, effect: 'likelihood' },
            ],
          },
          'body.controls.1.controlId',
          400,
        ],
        [
          {
            ...base,
            controls: [
              { controlId: c('8.13').id, effect: 'both' },
              { controlId: uuid(), effect: 'likelihood' },
            ],
          },
          'body.controls.1.controlId',
          400,
        ],
        [
          {
            ...base,
            controls: [
              { controlId: c('8.13').id, effect: 'both' },
              { controlId: theirs.id, effect: 'likelihood' },
            ],
          },
          'body.controls.1.controlId',
          400,
        ],
        [{ ...base, controls: [{ controlId: archived.id, effect: 'likelihood' }] }, 'body.controls.0.controlId', 400],
        [{ ...base, controls: [{ controlId: c('8.13').id, effect: 'sideways' }] }, 'body.controls.0.effect', 400],
        [{ ...base, expectedVersion: 1 }, 'body.expectedVersion', 409],
      ];
      const snapshot = async () => ({
        counts: await writeCounts(env.handle),
        treatment: (await org.as.viewer.get(url(`/risks/${risk.id}/treatment`))).json(),
        controls: await db()
          .selectFrom('controls')
          .select(['id', 'applicability', 'version'])
          .where('orgId', '=', org.id)
          .orderBy('id')
          .execute(),
        links: await db().selectFrom('riskControls').selectAll().orderBy('riskId').orderBy('controlId').execute(),
      });
      const before = await snapshot();
      for (const [body, field, status] of cases) {
        const res = await org.as.contributor.request('PUT', url(`/risks/${risk.id}/treatment`), body);
        expect(res.statusCode, `${JSON.stringify(body)} → ${res.body}`).toBe(status);
        expect(fields(res), JSON.stringify(body)).toEqual([field]);
      }
      expect(await snapshot()).toEqual(before);
      expect(before.treatment.version).toBe(3);
    });

    it('residual risk needs an approved methodology', async () => {
      const bare = await buildOrg(env.app, env.handle);
      const r = await buildRisk(bare.as.contributor, bare.slug, { title: 'Not yet analysed' });
      const before = await writeCounts(env.handle);
      const res = await putTreatment(bare.as.contributor, bare.slug, r.id, {
        options: [{ option: 'avoid', rationale: 'Stop the activity' }],
        residual: { likelihood: 1, consequence: 1 },
      });
      expect(res.statusCode).toBe(400);
      expect(fields(res)).toEqual(['body.residual']);
      expect(await writeCounts(env.handle)).toEqual(before);
      expect((await bare.as.viewer.get(url(`/risks/${r.id}/treatment`, bare))).json().version).toBe(0);
      // without residual values the treatment is saved, and an identified risk moves on too
      const ok = await setTreatment(bare.as.contributor, bare.slug, r.id, {
        options: [{ option: 'avoid', rationale: 'Stop the activity' }],
      });
      expect(ok).toMatchObject({ version: 1, residualEvaluation: null });
      expect((await bare.as.viewer.get(url(`/risks/${r.id}`, bare))).json().status).toBe('treatment_planned');
    });

    it('replacing a treatment takes controls no longer named away from the risk, audited', async () => {
      await treated(3);
      const custom = c('CUS-001');
      await setTreatment(org.as.contributor, org.slug, risk.id, {
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
      const r = await assessedRisk(org, { title: 'Saved twice' });
      const save = (option: string) =>
        putTreatment(org.as.contributor, org.slug, r.id, {
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
      const t = (await org.as.viewer.get(url(`/risks/${r.id}/treatment`))).json();
      expect(t.version).toBe(1);
      expect(t.options).toEqual([answers.find((a) => a.statusCode === 200)!.json().options[0]]);
      expect((await events('risk.treatment_set')).filter((e) => e.entityId === r.id)).toHaveLength(1);
    });

    it('a custom control that treats a risk is not archived; the refusal names the risk', async () => {
      await treated(4);
      const res = await org.as.isms_manager.del(url(`/controls/${c('CUS-001').id}`));
      expect(res.statusCode).toBe(409);
      expect(res.json().detail).toContain(risk.ref);
      expect((await controlRow(c('CUS-001').id)).archivedAt).toBeNull();
    });

    it('saves all or nothing: a failure after the first writes leaves the previous treatment', async () => {
      const target = await assessedRisk(org, { title: 'Phishing' });
      await setTreatment(org.as.contributor, org.slug, target.id, {
        options: [{ option: 'share', rationale: 'Insurance' }],
        controls: [{ controlId: c('6.3').id, effect: 'likelihood' }],
      });
      // second control unknown: refused before anything is linked
      const snapshot = async () => ({
        treatment: (await org.as.viewer.get(url(`/risks/${target.id}/treatment`))).json(),
        controls: await db()
          .selectFrom('controls')
          .select(['id', 'applicability', 'version'])
          .where('orgId', '=', org.id)
          .orderBy('id')
          .execute(),
        links: await db()
          .selectFrom('riskControls')
          .selectAll()
          .where('riskId', '=', target.id)
          .orderBy('controlId')
          .execute(),
        counts: await writeCounts(env.handle),
      });
      const before = await snapshot();
      const bad = await putTreatment(org.as.contributor, org.slug, target.id, {
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
        const res = await putTreatment(org.as.contributor, org.slug, target.id, {
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

  describe('what needs a control, and the list filters', () => {
    let fresh: TestOrg;
    let fc: Map<string, Control>;
    beforeAll(async () => {
      fresh = await buildOrg(env.app, env.handle);
      fc = await chooseEdition(fresh);
      await approveMethodology(fresh, startingMethodology('three-by-three'));
    });
    const link = async (fromType: string, fromId: string, toType: string, toId: string) => {
      const res = await fresh.as.contributor.post(url('/links', fresh), { fromType, fromId, toType, toId });
      expect(res.statusCode, res.body).toBe(201);
    };

    it('lists the risks treated (with effect) and the requirements linked from either end', async () => {
      const control = fc.get('5.34')!;
      const party = await buildParty(fresh.as.contributor, fresh.slug, {
        name: 'Data protection authority',
        type: 'regulator',
      });
      const fromReq = await buildRequirement(fresh.as.contributor, fresh.slug, party.id, {
        title: 'GDPR art. 32',
        kind: 'legal',
      });
      const toReq = await buildRequirement(fresh.as.contributor, fresh.slug, party.id, { title: 'Customer DPA' });
      const unrelated = await buildRequirement(fresh.as.contributor, fresh.slug, party.id, { title: 'Not linked' });
      await link('requirement', fromReq.id, 'control', control.id);
      await link('control', control.id, 'requirement', toReq.id);
      // a link to something that is not a requirement is not a driver
      await link('control', control.id, 'risk', (await buildRisk(fresh.as.contributor, fresh.slug)).id);
      const r = await assessedRisk(fresh, { title: 'Personal data leak', likelihood: 1, consequence: 1 });
      await setTreatment(fresh.as.contributor, fresh.slug, r.id, {
        options: [{ option: 'modify', rationale: 'Privacy controls' }],
        controls: [{ controlId: control.id, effect: 'consequence' }],
      });

      const d = await drivers(control.id, fresh);
      expect(d.risks).toEqual([
        {
          id: r.id,
          ref: r.ref,
          title: 'Personal data leak',
          effect: 'consequence',
          level: 'low',
          levelLabel: 'Low',
          acceptable: true,
          status: 'treatment_planned',
        },
      ]);
      expect(d.requirements.map((x) => x.id).sort()).toEqual([fromReq.id, toReq.id].sort());
      expect(d.requirements.map((x) => x.title)).not.toContain(unrelated.title);
      expect(await drivers(fc.get('5.35')!.id, fresh)).toEqual({ risks: [], requirements: [] });
      // an unknown control is not found
      expect((await fresh.as.viewer.get(url(`/controls/${uuid()}/drivers`, fresh))).statusCode).toBe(404);
    });

    it('riskId lists exactly the risk’s controls', async () => {
      const r1 = await assessedRisk(fresh, { title: 'Risk one' });
      const r2 = await assessedRisk(fresh, { title: 'Risk two' });
      await setTreatment(fresh.as.contributor, fresh.slug, r1.id, {
        options: [],
        controls: [
          { controlId: fc.get('8.1')!.id, effect: 'both' },
          { controlId: fc.get('5.10')!.id, effect: 'likelihood' },
        ],
      });
      await setTreatment(fresh.as.contributor, fresh.slug, r2.id, {
        options: [],
        controls: [{ controlId: fc.get('8.2')!.id, effect: 'both' }],
      });
      // catalog order, whatever the order in the treatment
      expect(await listRefs(`&riskId=${r1.id}`, fresh)).toEqual(['5.10', '8.1']);
      expect(await listRefs(`&riskId=${r2.id}`, fresh)).toEqual(['8.2']);
      expect(await listRefs(`&riskId=${uuid()}`, fresh)).toEqual([]);
      // no options: the risk is treated by controls but has no decision yet, so it stays assessed
      expect((await fresh.as.viewer.get(url(`/risks/${r1.id}`, fresh))).json().status).toBe('assessed');
    });

    it('untouched leaves out controls a risk, a requirement or a decision has touched', async () => {
      // an organization of its own: the count below must not depend on what the tests above touched
      fresh = await buildOrg(env.app, env.handle);
      fc = await chooseEdition(fresh);
      await approveMethodology(fresh, startingMethodology('three-by-three'));
      const treatedRisk = await assessedRisk(fresh, { title: 'Touches four controls' });
      await setTreatment(fresh.as.contributor, fresh.slug, treatedRisk.id, {
        options: [{ option: 'modify', rationale: 'Four controls' }],
        controls: ['5.34', '8.1', '8.2', '5.10'].map((ref) => ({ controlId: fc.get(ref)!.id, effect: 'both' })),
      });
      const party = await buildParty(fresh.as.contributor, fresh.slug);
      const req = await buildRequirement(fresh.as.contributor, fresh.slug, party.id);
      // linked to a requirement but still undecided
      await link('control', fc.get('7.7')!.id, 'requirement', req.id);
      await link('requirement', req.id, 'control', fc.get('7.8')!.id);
      // decided by hand, with no risk or requirement
      await patchOk(fresh, fc.get('7.9')!.id, { applicability: 'excluded', exclusionReason: 'not_needed' });
      await patchOk(fresh, fc.get('7.10')!.id, { applicability: 'applicable', statedReason: 'Best practice' });
      const untouched = await listRefs('&untouched=true', fresh);
      for (const ref of ['5.34', '8.1', '8.2', '5.10', '7.7', '7.8', '7.9', '7.10'])
        expect(untouched, ref).not.toContain(ref);
      expect(untouched).toEqual(expect.arrayContaining(['5.1', '5.35', '7.11', '8.34']));
      // everything else is untouched: 93 minus the eight above
      expect(untouched).toHaveLength(85);
      const undecidedTotal = (
        await fresh.as.viewer.get(url('/controls?applicability=undecided&pageSize=1', fresh))
      ).json().total;
      // 7.7 and 7.8 are undecided yet touched by a requirement
      expect(undecidedTotal).toBe(85 + 2);
    });

    it('unjustified lists applicable controls with no risk, requirement or stated reason', async () => {
      const party = await buildParty(fresh.as.contributor, fresh.slug);
      const req = await buildRequirement(fresh.as.contributor, fresh.slug, party.id);
      const mk = async (ref: string, body: Record<string, unknown>) => {
        const res = await fresh.as.isms_manager.patch(url(`/controls/${fc.get(ref)!.id}`, fresh), {
          applicability: 'applicable',
          ...body,
        });
        expect(res.statusCode, res.body).toBe(200);
      };
      await mk('6.1', {});
      await mk('6.2', { statedReason: 'Contract with the client' });
      await mk('6.3', {});
      await link('requirement', req.id, 'control', fc.get('6.3')!.id);
      const r = await assessedRisk(fresh, { title: 'Insider' });
      await setTreatment(fresh.as.contributor, fresh.slug, r.id, {
        options: [{ option: 'modify', rationale: 'Screening' }],
        controls: [{ controlId: fc.get('6.4')!.id, effect: 'likelihood' }],
      });
      expect((await controlRow(fc.get('6.4')!.id)).applicability).toBe('applicable');
      expect(await listRefs('&unjustified=true', fresh)).toEqual(['6.1']);
      // dropped from the treatment: applicable still, with no reason left
      await setTreatment(fresh.as.contributor, fresh.slug, r.id, {
        options: [{ option: 'retain', rationale: 'Accepted' }],
        controls: [],
      });
      expect(await listRefs('&unjustified=true', fresh)).toEqual(['6.1', '6.4']);
      // an archived risk or requirement is no reason any more (drivers and the SoA no longer show it)
      const r2 = await assessedRisk(fresh, { title: 'Retired risk' });
      await setTreatment(fresh.as.contributor, fresh.slug, r2.id, {
        options: [{ option: 'modify', rationale: 'Awareness' }],
        controls: [{ controlId: fc.get('6.5')!.id, effect: 'likelihood' }],
      });
      expect(await listRefs('&unjustified=true', fresh)).toEqual(['6.1', '6.4']);
      expect((await fresh.as.isms_manager.del(url(`/risks/${r2.id}`, fresh))).statusCode).toBe(204);
      expect((await fresh.as.isms_manager.del(url(`/requirements/${req.id}`, fresh))).statusCode).toBe(204);
      expect(await drivers(fc.get('6.5')!.id, fresh)).toEqual({ risks: [], requirements: [] });
      expect(await drivers(fc.get('6.3')!.id, fresh)).toEqual({ risks: [], requirements: [] });
      expect(await listRefs('&unjustified=true', fresh)).toEqual(['6.1', '6.3', '6.4', '6.5']);
      // excluded and undecided controls are never "unjustified"
      for (const x of (await fresh.as.viewer.get(url('/controls?unjustified=true&pageSize=200', fresh))).json()
        .items as Control[])
        expect(x.applicability).toBe('applicable');
    });
  });

  describe('between organizations', () => {
    let theirControl: Control;
    let theirRisk: { id: string };
    beforeAll(async () => {
      org = await buildOrg(env.app, env.handle);
      controls = await chooseEdition(org);
      await approveMethodology(org, startingMethodology('three-by-three'));
      await chooseEdition(other);
      await approveMethodology(other, startingMethodology('three-by-three'));
      theirControl = (await controlsByRef(other)).get('5.1')!;
      theirRisk = await assessedRisk(other);
      await setTreatment(other.as.contributor, other.slug, theirRisk.id, {
        options: [{ option: 'modify', rationale: 'Theirs' }],
        controls: [{ controlId: theirControl.id, effect: 'both' }],
      });
    });

    it('another organization’s control and risk are not found on any new route', async () => {
      const before = await writeCounts(env.handle);
      expect((await org.as.admin.get(url(`/controls/${theirControl.id}/drivers`))).statusCode).toBe(404);
      expect((await org.as.admin.get(url(`/controls/${theirControl.id}`))).statusCode).toBe(404);
      expect(
        (await org.as.admin.patch(url(`/controls/${theirControl.id}`), { implementation: 'Mine now' })).statusCode,
      ).toBe(404);
      expect((await org.as.admin.del(url(`/controls/${theirControl.id}`))).statusCode).toBe(404);
      expect((await org.as.admin.get(url(`/risks/${theirRisk.id}/treatment`))).statusCode).toBe(404);
      const put = await putTreatment(org.as.admin, org.slug, theirRisk.id, {
        options: [{ option: 'avoid', rationale: 'Hijack' }],
      });
      expect(put.statusCode).toBe(404);
      expect(await listRefs(`&riskId=${theirRisk.id}`)).toEqual([]);
      expect(await writeCounts(env.handle)).toEqual(before);
      expect((await other.as.viewer.get(url(`/risks/${theirRisk.id}/treatment`, other))).json()).toMatchObject({
        version: 1,
        options: [{ option: 'modify' }],
      });
    });

    it('a treatment or a replacement cannot point at another organization’s control', async () => {
      const mine = await assessedRisk(org, { title: 'Mine' });
      const before = await writeCounts(env.handle);
      const res = await putTreatment(org.as.contributor, org.slug, mine.id, {
        options: [],
        controls: [{ controlId: theirControl.id, effect: 'both' }],
      });
      expect(res.statusCode).toBe(400);
      expect(fields(res)).toEqual(['body.controls.0.controlId']);
      const theirCustom = await buildCustomControl(other.as.admin, other.slug);
      const before2 = await writeCounts(env.handle);
      const replace = await org.as.isms_manager.patch(url(`/controls/${c('5.20').id}`), {
        applicability: 'excluded',
        exclusionReason: 'replaced',
        replacedById: theirCustom.id,
      });
      expect(replace.statusCode).toBe(400);
      expect(fields(replace)).toEqual(['body.replacedById']);
      expect(await writeCounts(env.handle)).toEqual(before2);
      expect(before2.auditEvents).toBe(before.auditEvents + 1);
      expect((await controlRow(theirControl.id)).applicability).toBe('applicable');
    });
  });
});
