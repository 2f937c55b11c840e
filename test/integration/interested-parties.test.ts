import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';
import { buildParty, buildRequirement } from '../helpers/context-factories.js';

const GHOST = '00000000-0000-4000-8000-000000000000';

describe.each(DIALECTS)('interested parties and requirements (4.2) on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let other: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
    other = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const parties = (path = '', o = org) => `/api/v1/orgs/${o.slug}/interested-parties${path}`;
  const reqs = (path = '', o = org) => `/api/v1/orgs/${o.slug}/requirements${path}`;

  it('records parties numbered IP-nnn, filters them by direction and type, and refuses a type of the other side', async () => {
    const regulator = await buildParty(org.as.contributor, org.slug, {
      name: 'P-data protection authority',
      type: 'regulator',
      relevance: 'high',
    });
    expect(regulator.ref).toMatch(/^IP-\d{3}$/);
    await buildParty(org.as.contributor, org.slug, { name: 'P-staff', direction: 'internal', type: 'employee_user' });
    const external = await org.as.viewer.get(parties('?q=P-&direction=external'));
    expect(external.json().items.map((p: { name: string }) => p.name)).toEqual(['P-data protection authority']);
    expect((await org.as.viewer.get(parties('?q=P-&type=employee_user'))).json().total).toBe(1);

    const before = await writeCounts(env.handle);
    const wrong = await org.as.contributor.post(parties(), { name: 'x', direction: 'internal', type: 'regulator' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.type']);
    const flip = await org.as.contributor.patch(parties(`/${regulator.id}`), { direction: 'internal' });
    expect(flip.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.type']);
    expect(await writeCounts(env.handle)).toEqual(before);
  });

  it('requires a party of this organization for every requirement (unknown, foreign or missing → 400 on body.partyId)', async () => {
    const foreign = await buildParty(other.as.admin, other.slug);
    const before = await writeCounts(env.handle);
    for (const partyId of [GHOST, foreign.id]) {
      const res = await org.as.contributor.post(reqs(), { partyId, title: 'x', kind: 'legal' });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.partyId']);
    }
    const missing = await org.as.contributor.post(reqs(), { title: 'x', kind: 'legal' });
    expect(missing.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.partyId']);
    const mine = await buildParty(org.as.contributor, org.slug);
    const req = await buildRequirement(org.as.contributor, org.slug, mine.id);
    const moved = await org.as.contributor.patch(reqs(`/${req.id}`), { partyId: foreign.id });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.partyId']);
    expect(await writeCounts(env.handle)).toEqual({ ...before, auditEvents: before.auditEvents + 2 });
  });

  it('refuses a requirement for an archived party', async () => {
    const party = await buildParty(org.as.contributor, org.slug);
    expect((await org.as.isms_manager.del(parties(`/${party.id}`))).statusCode).toBe(204);
    const res = await org.as.contributor.post(reqs(), { partyId: party.id, title: 'x', kind: 'other' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body.partyId');
  });

  it('answers requirements with their party in `related`, and filters them by party, kind, status and climate flag', async () => {
    const insurer = await buildParty(org.as.contributor, org.slug, { name: 'Cyber insurer', type: 'other_external' });
    const customer = await buildParty(org.as.contributor, org.slug, { name: 'Key customer' });
    const r1 = await buildRequirement(org.as.contributor, org.slug, insurer.id, {
      title: 'MFA on all remote access',
      kind: 'contractual',
      sourceReference: 'Policy schedule §4.2',
    });
    await buildRequirement(org.as.contributor, org.slug, customer.id, {
      title: '99.9% availability',
      kind: 'contractual',
      status: 'applicable',
    });
    await buildRequirement(org.as.contributor, org.slug, customer.id, {
      title: 'Site resilience to flooding',
      kind: 'other',
      climateRelated: true,
      addressed: 'partially',
    });
    expect(r1).toMatchObject({ addressed: 'not_yet', status: 'identified', climateRelated: false });

    const one = await org.as.viewer.get(reqs(`/${r1.id}`));
    expect(one.json().related[insurer.id]).toEqual({
      type: 'interested_party',
      id: insurer.id,
      ref: insurer.ref,
      title: 'Cyber insurer',
    });

    const ofCustomer = await org.as.viewer.get(reqs(`?partyId=${customer.id}&sort=title&order=asc`));
    expect(ofCustomer.json().items.map((r: { title: string }) => r.title)).toEqual([
      '99.9% availability',
      'Site resilience to flooding',
    ]);
    expect(Object.keys(ofCustomer.json().related)).toEqual([customer.id]);
    expect((await org.as.viewer.get(reqs(`?partyId=${customer.id}&kind=other`))).json().total).toBe(1);
    expect((await org.as.viewer.get(reqs(`?partyId=${customer.id}&status=applicable`))).json().total).toBe(1);
    expect((await org.as.viewer.get(reqs(`?partyId=${customer.id}&climateRelated=true`))).json().items[0].title).toBe(
      'Site resilience to flooding',
    );
    expect((await org.as.viewer.get(reqs(`?partyId=${customer.id}&addressed=not_yet,partially`))).json().total).toBe(2);
    const foreign = await org.as.viewer.get(reqs(`?partyId=${(await buildParty(other.as.admin, other.slug)).id}`));
    expect(foreign.json().total).toBe(0);
  });

  it('exports requirements with "IP-nnn — name", re-imports the export unchanged, and imports by party reference', async () => {
    const regulator = await buildParty(org.as.contributor, org.slug, {
      name: 'Supervisory authority',
      type: 'regulator',
    });
    await buildRequirement(org.as.contributor, org.slug, regulator.id, {
      title: 'EXP-report breaches within 72 hours',
      kind: 'legal',
      sourceReference: 'Art. 33',
    });
    const csv = await org.as.viewer.get(reqs(`/export.csv?partyId=${regulator.id}`));
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toMatch(/^Reference,Party,Title,/);
    expect(lines[1]).toContain(`${regulator.ref} — Supervisory authority`);

    const before = await writeCounts(env.handle);
    const again = await org.as.contributor.request('POST', reqs('/import?dryRun=false'), csv.body, {
      'content-type': 'text/csv',
    });
    expect(again.json()).toMatchObject({ applied: true, created: 0, updated: 0, unchanged: 1 });
    expect(await writeCounts(env.handle)).toEqual(before);

    const byRef = `Party,Title,Kind\n${regulator.ref},IMP-keep a record of processing,legal\n`;
    const imported = await org.as.contributor.request('POST', reqs('/import?dryRun=false'), byRef, {
      'content-type': 'text/csv',
    });
    expect(imported.json()).toMatchObject({ applied: true, created: 1 });
    const list = await org.as.viewer.get(reqs('?q=IMP-keep'));
    expect(list.json().items[0].partyId).toBe(regulator.id);

    const unknown = await org.as.contributor.request(
      'POST',
      reqs('/import?dryRun=true'),
      'Party,Title,Kind\nIP-999,x,legal\n',
      { 'content-type': 'text/csv' },
    );
    expect(unknown.json().errors.length).toBeGreaterThan(0);
    expect(
      unknown.json().errors.every((e: { line: number; field: string }) => e.line === 2 && e.field === 'partyId'),
    ).toBe(true);
    // the id of another organization's party is refused when written, naming the line; nothing is imported
    const foreign = await buildParty(other.as.admin, other.slug);
    const cross = await org.as.contributor.request(
      'POST',
      reqs('/import?dryRun=false'),
      `Party,Title,Kind\n${foreign.id},x,legal\n`,
      { 'content-type': 'text/csv' },
    );
    expect(cross.statusCode).toBe(400);
    expect(cross.json().errors.map((e: { field: string }) => e.field)).toEqual(['rows[2].partyId']);
    // the requirement created, its import run, the foreign party
    expect(await writeCounts(env.handle)).toEqual({ ...before, auditEvents: before.auditEvents + 3 });
  });

  it("hides one organization's parties and requirements from another (404 by id)", async () => {
    const party = await buildParty(other.as.admin, other.slug);
    const req = await buildRequirement(other.as.admin, other.slug, party.id);
    expect((await org.as.admin.get(parties(`/${party.id}`))).statusCode).toBe(404);
    expect((await org.as.admin.get(reqs(`/${req.id}`))).statusCode).toBe(404);
    expect((await org.as.admin.patch(reqs(`/${req.id}`), { title: 'taken over' })).statusCode).toBe(404);
    expect((await org.as.admin.get(reqs(`/${req.id}/history`))).statusCode).toBe(404);
  });

  it('lets editors write, managers archive and everyone read', async () => {
    const party = await buildParty(org.as.contributor, org.slug);
    expect(
      (await org.as.viewer.post(parties(), { name: 'x', direction: 'external', type: 'customer' })).statusCode,
    ).toBe(403);
    expect((await org.as.auditor.post(reqs(), { partyId: party.id, title: 'x', kind: 'legal' })).statusCode).toBe(403);
    expect((await org.as.contributor.del(parties(`/${party.id}`))).statusCode).toBe(403);
    expect((await org.as.approver.get(parties(`/${party.id}`))).statusCode).toBe(200);
    expect((await org.as.isms_manager.del(parties(`/${party.id}`))).statusCode).toBe(204);
  });
});
