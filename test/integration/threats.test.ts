import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THREAT_GROUPS } from '../../src/schema/risks/threat.register.js';
import { VULNERABILITY_GROUPS } from '../../src/schema/risks/vulnerability.register.js';
import { STARTER_THREATS, STARTER_VULNERABILITIES } from '../../src/schema/risks/threat-catalog.js';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';
import { buildThreat, buildVulnerability } from '../helpers/asset-factories.js';

type Item = { id: string; ref: string; name: string; starterKey: string | null } & Record<string, unknown>;

describe('the starting threat and vulnerability catalog', () => {
  it('covers every group with 35–45 entries each, unique keys and names, and a description for each', () => {
    expect(STARTER_THREATS.length).toBeGreaterThanOrEqual(35);
    expect(STARTER_THREATS.length).toBeLessThanOrEqual(45);
    expect(STARTER_VULNERABILITIES.length).toBeGreaterThanOrEqual(35);
    expect(STARTER_VULNERABILITIES.length).toBeLessThanOrEqual(45);
    expect(new Set(STARTER_THREATS.map((t) => t.group))).toEqual(new Set(THREAT_GROUPS));
    expect(new Set(STARTER_VULNERABILITIES.map((v) => v.group))).toEqual(new Set(VULNERABILITY_GROUPS));
    const keys = [...STARTER_THREATS, ...STARTER_VULNERABILITIES].map((x) => x.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const list of [STARTER_THREATS, STARTER_VULNERABILITIES]) {
      const names = list.map((x) => x.name.toLowerCase());
      expect(new Set(names).size).toBe(names.length);
    }
    for (const x of [...STARTER_THREATS, ...STARTER_VULNERABILITIES]) {
      expect(x.key).toMatch(/^(thr|vul)-[a-z0-9-]+$/);
      expect(x.key.length).toBeLessThanOrEqual(60);
      expect(x.description.length).toBeGreaterThan(30);
    }
    // each threat harms at least one of C/I/A; every origin is used
    expect(STARTER_THREATS.filter((t) => !t.c && !t.i && !t.a)).toEqual([]);
    expect(new Set(STARTER_THREATS.map((t) => t.origin))).toEqual(
      new Set(['accidental', 'deliberate', 'environmental']),
    );
  });
});

describe.each(DIALECTS)('threat and vulnerability catalogs on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const url = (o: TestOrg, path = '') => `/api/v1/orgs/${o.slug}${path}`;
  const all = async (o: TestOrg, collection: string, q = '') =>
    (await o.as.viewer.get(url(o, `/${collection}?pageSize=200${q}`))).json().items as Item[];

  it('loads the starting catalog once: a second run adds nothing, even after entries were renamed or archived', async () => {
    const fresh = await buildOrg(env.app, env.handle);
    const load = (body: Record<string, unknown> = {}) =>
      fresh.as.contributor.post(url(fresh, '/threat-catalog/starting-set'), body);
    const first = await load();
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({
      threats: { created: STARTER_THREATS.length, existing: 0 },
      vulnerabilities: { created: STARTER_VULNERABILITIES.length, existing: 0 },
    });
    const threats = await all(fresh, 'threats');
    expect(threats).toHaveLength(STARTER_THREATS.length);
    expect(threats[0]!.ref).toMatch(/^THR-\d{3}$/);
    const fire = threats.find((t) => t.starterKey === 'thr-fire')!;
    expect(fire).toMatchObject({
      name: 'Fire',
      group: 'physical',
      origin: 'accidental',
      affectsAvailability: true,
      affectsConfidentiality: false,
    });
    // listed by group in catalog order, then by name
    expect(threats.map((t) => t.group)).toEqual(
      [...threats.map((t) => t.group)].sort(
        (a, b) => THREAT_GROUPS.indexOf(a as never) - THREAT_GROUPS.indexOf(b as never),
      ),
    );
    const vulns = await all(fresh, 'vulnerabilities');
    expect(vulns[0]!.ref).toMatch(/^VUL-\d{3}$/);

    await fresh.as.contributor.request('PATCH', url(fresh, `/threats/${fire.id}`), {
      name: 'Fire in the Leeds office',
    });
    const vuln = vulns[0]!;
    expect((await fresh.as.isms_manager.del(url(fresh, `/vulnerabilities/${vuln.id}`))).statusCode).toBe(204);
    const before = await writeCounts(env.handle);
    const second = await load();
    expect(second.json()).toEqual({
      threats: { created: 0, existing: STARTER_THREATS.length },
      vulnerabilities: { created: 0, existing: STARTER_VULNERABILITIES.length },
    });
    expect(await writeCounts(env.handle)).toEqual(before);
    expect(await all(fresh, 'threats', '&q=Fire in the Leeds')).toHaveLength(1);
    expect(await all(fresh, 'vulnerabilities')).toHaveLength(STARTER_VULNERABILITIES.length - 1);

    const events = (await fresh.as.admin.get(url(fresh, '/audit-events?type=threat_catalog.starting_set_added'))).json()
      .items;
    expect(events).toHaveLength(1);
    expect(events[0].payload.threats).toHaveLength(STARTER_THREATS.length);
  });

  it('loads one part only when asked, and the other part later', async () => {
    const fresh = await buildOrg(env.app, env.handle);
    const threatsOnly = await fresh.as.isms_manager.post(url(fresh, '/threat-catalog/starting-set'), {
      parts: ['threats'],
    });
    expect(threatsOnly.json()).toEqual({
      threats: { created: STARTER_THREATS.length, existing: 0 },
      vulnerabilities: { created: 0, existing: 0 },
    });
    expect(await all(fresh, 'vulnerabilities')).toEqual([]);
    const rest = await fresh.as.isms_manager.post(url(fresh, '/threat-catalog/starting-set'), {});
    expect(rest.json()).toEqual({
      threats: { created: 0, existing: STARTER_THREATS.length },
      vulnerabilities: { created: STARTER_VULNERABILITIES.length, existing: 0 },
    });
  });

  it('keeps each organization to its own catalog', async () => {
    const a = await buildOrg(env.app, env.handle);
    const b = await buildOrg(env.app, env.handle);
    await a.as.contributor.post(url(a, '/threat-catalog/starting-set'), {});
    expect(await all(b, 'threats')).toEqual([]);
    const theirs = (await all(a, 'threats'))[0]!;
    expect((await b.as.viewer.get(url(b, `/threats/${theirs.id}`))).statusCode).toBe(404);
    expect((await b.as.contributor.request('PATCH', url(b, `/threats/${theirs.id}`), { name: 'x' })).statusCode).toBe(
      404,
    );
    // b loads its own: the same keys, distinct records
    expect((await b.as.contributor.post(url(b, '/threat-catalog/starting-set'), {})).json().threats.created).toBe(
      STARTER_THREATS.length,
    );
  });

  it('lets viewers, auditors and approvers read only; contributors extend the catalogs', async () => {
    for (const role of ['viewer', 'auditor', 'approver'] as const) {
      expect((await org.as[role].post(url(org, '/threat-catalog/starting-set'), {})).statusCode).toBe(403);
      expect(
        (await org.as[role].post(url(org, '/threats'), { name: 'x', group: 'natural', origin: 'environmental' }))
          .statusCode,
      ).toBe(403);
      expect((await org.as[role].get(url(org, '/threats'))).statusCode).toBe(200);
      expect((await org.as[role].get(url(org, '/vulnerabilities/export.csv'))).statusCode).toBe(200);
    }
    const own = await buildThreat(org.as.contributor, org.slug, {
      name: 'Drone over the data centre',
      group: 'human_deliberate',
      origin: 'deliberate',
      affectsConfidentiality: true,
    });
    expect(own).toMatchObject({ starterKey: null, affectsConfidentiality: true, affectsIntegrity: false });
    const v = await buildVulnerability(org.as.contributor, org.slug, { name: 'Roof access unlocked', group: 'site' });
    expect(v.ref).toMatch(/^VUL-/);
    expect((await org.as.contributor.del(url(org, `/threats/${own.id}`))).statusCode).toBe(403);
  });

  it('names the field of bad input and writes nothing', async () => {
    const before = await writeCounts(env.handle);
    const cases: [string, Record<string, unknown>, string][] = [
      ['/threats', { group: 'physical', origin: 'accidental' }, 'body.name'],
      ['/threats', { name: 'x', group: 'cosmic', origin: 'accidental' }, 'body.group'],
      ['/threats', { name: 'x', group: 'natural', origin: 'divine' }, 'body.origin'],
      [
        '/threats',
        { name: 'x', group: 'natural', origin: 'environmental', affectsIntegrity: 'yes' },
        'body.affectsIntegrity',
      ],
      ['/threats', { name: 'x', group: 'natural', origin: 'environmental', starterKey: 'thr-fire' }, 'body.starterKey'],
      ['/vulnerabilities', { name: 'x', group: 'physical' }, 'body.group'],
      ['/vulnerabilities', { name: '', group: 'site' }, 'body.name'],
      ['/threat-catalog/starting-set', { parts: ['risks'] }, 'body.parts.0'],
      ['/threat-catalog/starting-set', { parts: [] }, 'body.parts'],
    ];
    for (const [path, body, field] of cases) {
      const res = await org.as.contributor.post(url(org, path), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await writeCounts(env.handle)).toEqual(before);
  });

  it('imports catalog entries by name without duplicating, accepting option labels', async () => {
    const tag = `imp${Date.now()}`;
    const csv = `Name,Group,Origin,Affects availability\n${tag} Solar storm,Natural,Environmental,yes\n${tag} Rogue admin,human deliberate,deliberate,no\n`;
    const send = (body: string) =>
      org.as.contributor.request('POST', url(org, '/threats/import?dryRun=false'), body, {
        'content-type': 'text/csv',
      });
    expect((await send(csv)).json()).toMatchObject({ created: 2, errors: [] });
    expect((await send(csv)).json()).toMatchObject({ created: 0, unchanged: 2 });
    expect(
      (
        await send(
          csv.replace(`${tag} Solar storm,Natural,Environmental,yes`, `${tag} SOLAR STORM,natural,environmental,no`),
        )
      ).json(),
    ).toMatchObject({ created: 0, updated: 1 });
    const storm = await all(org, 'threats', `&q=${tag} solar`);
    expect(storm).toHaveLength(1);
    expect(storm[0]).toMatchObject({ name: `${tag} SOLAR STORM`, group: 'natural', affectsAvailability: false });
    const vcsv = `Name,Group\n${tag} Shared admin password,Organization\n`;
    const vsend = (body: string) =>
      org.as.contributor.request('POST', url(org, '/vulnerabilities/import?dryRun=false'), body, {
        'content-type': 'text/csv',
      });
    expect((await vsend(vcsv)).json()).toMatchObject({ created: 1 });
    expect((await vsend(vcsv.toLowerCase().replace('name,group', 'Name,Group'))).json()).toMatchObject({
      created: 0,
      updated: 1,
    });
  });
});
