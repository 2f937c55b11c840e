import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STARTER_ACTIVITIES, STARTER_ROLES } from '../../src/schema/leadership/starting-set.js';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';
import { buildActivity, buildRole } from '../helpers/leadership-factories.js';

describe.each(DIALECTS)('roles, assignments, RACI and commitments on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const url = (path = '') => `/api/v1/orgs/${org.slug}${path}`;
  const cell = (activityId: string, roleId: string) => url(`/raci/activities/${activityId}/roles/${roleId}`);

  describe('roles', () => {
    it('creates roles with ROLE references, filters by kind, and refuses a reporting loop', async () => {
      const boss = await buildRole(org.as.isms_manager, org.slug, { name: 'Chief', roleType: 'top_management' });
      const ciso = await buildRole(org.as.isms_manager, org.slug, {
        name: 'CISO',
        roleType: 'isms_manager',
        reportsToId: boss.id,
      });
      expect(ciso.ref).toMatch(/^ROLE-\d{3}$/);
      expect(ciso.status).toBe('draft');
      const tops = (await org.as.viewer.get(url('/isms-roles?roleType=top_management'))).json();
      expect(tops.items.map((r: { id: string }) => r.id)).toContain(boss.id);
      expect(tops.items.map((r: { id: string }) => r.id)).not.toContain(ciso.id);
      const loop = await org.as.isms_manager.patch(url(`/isms-roles/${boss.id}`), { reportsToId: ciso.id });
      expect(loop.statusCode).toBe(400);
      expect(loop.json().errors[0].field).toBe('body.reportsToId');
      expect((await org.as.contributor.post(url('/isms-roles'), { name: 'x', roleType: 'other' })).statusCode).toBe(
        403,
      );
    });

    it('adds the starting set once: a second run adds nothing, even after the organization adapted it', async () => {
      const fresh = await buildOrg(env.app, env.handle);
      const seed = () => fresh.as.isms_manager.post(`/api/v1/orgs/${fresh.slug}/isms-roles/starting-set`, {});
      const first = await seed();
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({
        roles: { created: STARTER_ROLES.length, existing: 0 },
        activities: { created: STARTER_ACTIVITIES.length, existing: 0 },
      });
      expect(first.json().cells.created).toBeGreaterThan(10);
      const roles = (await fresh.as.viewer.get(`/api/v1/orgs/${fresh.slug}/isms-roles?pageSize=100`)).json();
      const manager = roles.items.find((r: { starterKey: string }) => r.starterKey === 'isms_manager');
      await fresh.as.isms_manager.patch(`/api/v1/orgs/${fresh.slug}/isms-roles/${manager.id}`, {
        name: 'Head of information security',
      });
      const auditor = roles.items.find((r: { starterKey: string }) => r.starterKey === 'internal_auditor');
      await fresh.as.admin.del(`/api/v1/orgs/${fresh.slug}/isms-roles/${auditor.id}`);
      const before = await writeCounts(env.handle);
      const second = await seed();
      expect(second.json()).toEqual({
        roles: { created: 0, existing: STARTER_ROLES.length },
        activities: { created: 0, existing: STARTER_ACTIVITIES.length },
        cells: { created: 0 },
      });
      expect(await writeCounts(env.handle)).toEqual(before);
      const after = (
        await fresh.as.viewer.get(`/api/v1/orgs/${fresh.slug}/isms-roles?pageSize=100&archived=false`)
      ).json();
      expect(after.total).toBe(STARTER_ROLES.length - 1);
      const matrix = (await fresh.as.viewer.get(`/api/v1/orgs/${fresh.slug}/raci`)).json();
      expect(matrix.activities.map((a: { name: string }) => a.name)).toEqual(STARTER_ACTIVITIES.map((a) => a.name));
      expect(
        (await fresh.as.contributor.post(`/api/v1/orgs/${fresh.slug}/isms-roles/starting-set`, {})).statusCode,
      ).toBe(403);
    });
  });

  describe('assignments', () => {
    it('assigns a member or a named person, and keeps the person name for lists', async () => {
      const role = await buildRole(org.as.isms_manager, org.slug);
      const member = await org.as.isms_manager.post(url('/role-assignments'), {
        roleId: role.id,
        personId: org.users.contributor.id,
        startDate: '2030-01-01',
        approvedById: org.users.approver.id,
        approvedOn: '2025-01-15',
      });
      expect(member.statusCode).toBe(201);
      expect(member.json().ref).toMatch(/^ASG-\d{3}$/);
      expect(member.json().personLabel).toContain(' contributor');
      const named = await org.as.isms_manager.post(url('/role-assignments'), {
        roleId: role.id,
        personName: 'Dana External (outsourced DPO)',
        personEmail: 'dpo@privacy.example',
      });
      expect(named.statusCode).toBe(201);
      expect(named.json().personLabel).toBe('Dana External (outsourced DPO)');
      const list = (
        await org.as.viewer.get(url(`/role-assignments?roleId=${role.id}&sort=personLabel&order=asc`))
      ).json();
      expect(list.total).toBe(2);
      expect(list.related[role.id]).toMatchObject({ type: 'isms_role', ref: role.ref });
      const current = (await org.as.viewer.get(url(`/role-assignments?roleId=${role.id}&current=true`))).json();
      expect(current.items.map((i: { id: string }) => i.id)).toEqual([named.json().id]);
    });

    it('needs exactly one of a member and a named person, with field errors, and writes nothing otherwise', async () => {
      const role = await buildRole(org.as.isms_manager, org.slug);
      const before = await writeCounts(env.handle);
      const neither = await org.as.isms_manager.post(url('/role-assignments'), { roleId: role.id });
      expect(neither.statusCode).toBe(400);
      expect(
        neither
          .json()
          .errors.map((e: { field: string }) => e.field)
          .sort(),
      ).toEqual(['body.personId', 'body.personName']);
      const both = await org.as.isms_manager.post(url('/role-assignments'), {
        roleId: role.id,
        personId: org.users.viewer.id,
        personName: 'Someone',
      });
      expect(both.statusCode).toBe(400);
      expect(
        both
          .json()
          .errors.map((e: { field: string }) => e.field)
          .sort(),
      ).toEqual(['body.personId', 'body.personName']);
      const blank = await org.as.isms_manager.post(url('/role-assignments'), { roleId: role.id, personName: '   ' });
      expect(blank.statusCode).toBe(400);
      const badDates = await org.as.isms_manager.post(url('/role-assignments'), {
        roleId: role.id,
        personName: 'X',
        startDate: '2030-02-01',
        endDate: '2030-01-01',
        approvedById: org.users.approver.id,
      });
      expect(
        badDates
          .json()
          .errors.map((e: { field: string }) => e.field)
          .sort(),
      ).toEqual(['body.approvedOn', 'body.endDate']);
      const badEmail = await org.as.isms_manager.post(url('/role-assignments'), {
        roleId: role.id,
        personName: 'X',
        personEmail: 'not-an-email',
      });
      expect(badEmail.json().errors).toEqual([{ field: 'body.personEmail', message: 'Enter a valid e-mail address' }]);
      expect(await writeCounts(env.handle)).toEqual(before);
    });

    it('switches an assignment from a member to a named person, and refuses an update that leaves neither', async () => {
      const role = await buildRole(org.as.isms_manager, org.slug);
      const a = (
        await org.as.isms_manager.post(url('/role-assignments'), { roleId: role.id, personId: org.users.viewer.id })
      ).json();
      const cleared = await org.as.isms_manager.patch(url(`/role-assignments/${a.id}`), { personId: null });
      expect(cleared.statusCode).toBe(400);
      const switched = await org.as.isms_manager.patch(url(`/role-assignments/${a.id}`), {
        personId: null,
        personName: 'Former staff, now contractor',
      });
      expect(switched.statusCode).toBe(200);
      expect(switched.json().personLabel).toBe('Former staff, now contractor');
    });

    it('refuses a role of another organization (400) and a non-member approver', async () => {
      const other = await buildOrg(env.app, env.handle);
      const theirs = await buildRole(other.as.admin, other.slug);
      const res = await org.as.isms_manager.post(url('/role-assignments'), { roleId: theirs.id, personName: 'X' });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toContainEqual({
        field: 'body.roleId',
        message: expect.stringContaining('No isms_role'),
      });
      const role = await buildRole(org.as.isms_manager, org.slug);
      const approver = await org.as.isms_manager.post(url('/role-assignments'), {
        roleId: role.id,
        personName: 'X',
        approvedById: other.users.admin.id,
        approvedOn: '2025-01-01',
      });
      expect(approver.statusCode).toBe(400);
      expect(approver.json().errors).toContainEqual({
        field: 'body.approvedById',
        message: 'Not a member of this organization',
      });
    });
  });

  describe('RACI matrix', () => {
    it('sets, changes and empties cells, each audited, and reads the whole matrix in one request', async () => {
      const act = await buildActivity(org.as.isms_manager, org.slug, { name: 'Run the ISMS', position: 1 });
      const role = await buildRole(org.as.isms_manager, org.slug);
      const set = await org.as.isms_manager.request('PUT', cell(act.id, role.id), { value: 'R' });
      expect(set.statusCode).toBe(200);
      expect(set.json()).toEqual({ activityId: act.id, roleId: role.id, value: 'R' });
      await org.as.isms_manager.request('PUT', cell(act.id, role.id), { value: 'C' });
      const matrix = (await org.as.viewer.get(url('/raci'))).json();
      expect(matrix.activities.map((a: { id: string }) => a.id)).toContain(act.id);
      expect(matrix.roles.map((r: { id: string }) => r.id)).toContain(role.id);
      expect(matrix.cells).toContainEqual(expect.objectContaining({ activityId: act.id, roleId: role.id, value: 'C' }));
      await org.as.isms_manager.request('PUT', cell(act.id, role.id), { value: null });
      const after = (await org.as.viewer.get(url('/raci'))).json();
      expect(
        after.cells.some(
          (c: { activityId: string; roleId: string }) => c.activityId === act.id && c.roleId === role.id,
        ),
      ).toBe(false);
      const events = (await org.as.admin.get(url(`/audit-events?type=raci.cell_set&entityId=${act.id}`))).json().items;
      expect(
        events.map((e: { payload: { from: string | null; to: string | null } }) => [e.payload.from, e.payload.to]),
      ).toEqual([
        ['C', null],
        ['R', 'C'],
        [null, 'R'],
      ]);
    });

    it('allows one accountable role per activity', async () => {
      const act = await buildActivity(org.as.isms_manager, org.slug);
      const a = await buildRole(org.as.isms_manager, org.slug);
      const b = await buildRole(org.as.isms_manager, org.slug);
      expect((await org.as.isms_manager.request('PUT', cell(act.id, a.id), { value: 'A' })).statusCode).toBe(200);
      const before = await writeCounts(env.handle);
      const second = await org.as.isms_manager.request('PUT', cell(act.id, b.id), { value: 'A' });
      expect(second.statusCode).toBe(409);
      expect(second.json().detail).toContain(a.ref);
      expect(await writeCounts(env.handle)).toEqual(before);
      // once the holder's role is archived, A can move
      await org.as.admin.del(url(`/isms-roles/${a.id}`));
      expect((await org.as.isms_manager.request('PUT', cell(act.id, b.id), { value: 'A' })).statusCode).toBe(200);
    });

    it('rejects bad values, and answers 404 for ids of another organization or of nothing', async () => {
      const act = await buildActivity(org.as.isms_manager, org.slug);
      const role = await buildRole(org.as.isms_manager, org.slug);
      for (const value of ['X', 'r', 'RA', 1, '']) {
        const res = await org.as.isms_manager.request('PUT', cell(act.id, role.id), { value });
        expect(res.statusCode).toBe(400);
        expect(res.json().errors[0].field).toBe('body.value');
      }
      const other = await buildOrg(env.app, env.handle);
      const theirAct = await buildActivity(other.as.admin, other.slug);
      const theirRole = await buildRole(other.as.admin, other.slug);
      expect((await org.as.isms_manager.request('PUT', cell(theirAct.id, role.id), { value: 'R' })).statusCode).toBe(
        404,
      );
      expect((await org.as.isms_manager.request('PUT', cell(act.id, theirRole.id), { value: 'R' })).statusCode).toBe(
        404,
      );
      expect(
        (await org.as.isms_manager.request('PUT', cell(act.id, '00000000-0000-4000-8000-000000000000'), { value: 'R' }))
          .statusCode,
      ).toBe(404);
      expect((await org.as.contributor.request('PUT', cell(act.id, role.id), { value: 'R' })).statusCode).toBe(403);
    });

    it('exports the matrix as a workbook that opens, and as CSV', async () => {
      const act = await buildActivity(org.as.isms_manager, org.slug, { name: 'Exported activity', position: 0 });
      const role = await buildRole(org.as.isms_manager, org.slug, { name: 'Exported role' });
      await org.as.isms_manager.request('PUT', cell(act.id, role.id), { value: 'I' });
      const xlsx = await org.as.viewer.get(url('/raci/export.xlsx'));
      expect(xlsx.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      const header = (ws.getRow(1).values as unknown[]).map(String);
      const col = header.indexOf(`${role.ref} Exported role`);
      expect(col).toBeGreaterThan(0);
      let found = false;
      ws.eachRow((row) => {
        if (row.getCell(2).value === 'Exported activity') found = row.getCell(col).value === 'I';
      });
      expect(found).toBe(true);
      const csv = await org.as.viewer.get(url('/raci/export.csv'));
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.body).toContain('Exported activity');
    });
  });

  describe('leadership commitments', () => {
    it('records how top management shows a commitment and filters by commitment', async () => {
      const res = await org.as.isms_manager.post(url('/leadership-commitments'), {
        commitment: 'resources',
        title: 'Budget approved',
        demonstration: 'The board approved two FTE and tooling.',
        evidence: 'Board minutes 2025-03',
        date: '2025-03-10',
        ownerId: org.users.approver.id,
      });
      expect(res.statusCode).toBe(201);
      expect(res.json().ref).toMatch(/^LC-\d{3}$/);
      const list = (await org.as.viewer.get(url('/leadership-commitments?commitment=resources'))).json();
      expect(list.items.map((i: { id: string }) => i.id)).toContain(res.json().id);
      expect(
        (await org.as.viewer.get(url('/leadership-commitments?commitment=integration')))
          .json()
          .items.map((i: { id: string }) => i.id),
      ).not.toContain(res.json().id);
      const bad = await org.as.isms_manager.post(url('/leadership-commitments'), {
        commitment: 'i_dont_exist',
        title: 'x',
        demonstration: 'y',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('body.commitment');
    });
  });
});
