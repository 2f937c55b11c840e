import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { approveMethodology, buildRisk, startingMethodology } from '../helpers/risk-factories.js';

const uuid = () => crypto.randomUUID();
type Res = LightMyRequestResponse;

/** Risk treatment under change: replacing controls, concurrent saves, archiving what a treatment relies on, all or nothing. */
describe.each(DIALECTS)('risk treatment under change on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let controls: Map<string, Control>;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const url = (path = '', o: TestOrg = org) => `/api/v1/orgs/${o.slug}${path}`;
  const db = () => env.handle.db;
  const c = (ref: string) => controls.get(ref)!;
  const controlRow = (id: string) =>
    db().selectFrom('controls').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
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
        residual: null,
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
});
