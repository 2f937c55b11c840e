import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can } from '../../src/schema/auth/permissions.js';
import { CONTROL_COUNT_QUERIES } from '../../src/schema/pages/page-summaries.schema.js';
import type { Role } from '../../src/schema/auth/roles.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { createDocument, docsPath } from '../helpers/document-factories.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import type { Caller } from '../helpers/http.js';
import { callForReassessment, seedPages, type PageFixture } from '../helpers/page-summary-fixtures.js';

/**
 * Page summaries (issue 15): each answers, part for part, what the page's separate routes answer the same caller
 * (so read scopes hold as they do there), refuses what those routes refuse, and is null where the role may not read.
 */
describe.each(DIALECTS)('page summaries on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let stranger: TestOrg;
  let fx: PageFixture;
  let hiddenDoc: { id: string; ref: string };
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
    stranger = await buildOrg(env.app, env.handle);
    fx = await seedPages(org);
    await callForReassessment(org, fx.one.id);
    // a confidential document linked to the risk: its link is hidden from a viewer, on the page as on /links
    hiddenDoc = await createDocument(org, { title: 'Confidential procedure', classification: 'confidential' });
    const link = await org.as.isms_manager.post(`/api/v1/orgs/${org.slug}/links`, {
      fromType: 'risk',
      fromId: fx.one.id,
      toType: 'document',
      toId: hiddenDoc.id,
    });
    expect(link.statusCode, link.body).toBe(201);
  }, 300_000);
  afterAll(() => env?.close());

  const o = (path: string) => `/api/v1/orgs/${org.slug}${path}`;
  const read = async (who: Caller, path: string) => {
    const res = await who.get(path);
    expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
    return res.json();
  };
  const ROLES_SEEN: Role[] = ['isms_manager', 'viewer'];

  describe.each(ROLES_SEEN)('as %s', (role) => {
    const who = () => org.as[role];

    it.each(['one', 'many'] as const)(
      'the risk page (%s linked) answers what the separate routes answer',
      async (which) => {
        const risk = fx[which];
        const page = await read(who(), o(`/risks/${risk.id}/page`));
        expect(page.risk).toEqual(await read(who(), o(`/risks/${risk.id}`)));
        expect(page.methodology).toEqual(await read(who(), o('/risk-methodologies/current')));
        const due = await read(who(), o(`/risks?reassessmentDue=true&q=${risk.ref}&pageSize=25`));
        expect(page.reassessmentDue).toBe(due.items.some((r: { id: string }) => r.id === risk.id));
        expect(page.reassessmentDue).toBe(which === 'one');
        expect(page.treatment).toEqual(await read(who(), o(`/risks/${risk.id}/treatment`)));
        expect(page.controlSettings).toEqual(await read(who(), o('/control-settings')));
        expect(page.actions).toEqual(
          await read(who(), o(`/actions?sourceType=risk&sourceId=${risk.id}&pageSize=100&sort=dueDate&order=asc`)),
        );
        expect(page.links).toEqual(await read(who(), o(`/links?type=risk&id=${risk.id}`)));
        expect(page.evidence).toEqual(
          await read(
            who(),
            o(`/evidence?attachedType=risk&attachedId=${risk.id}&pageSize=200&sort=createdAt&order=desc`),
          ),
        );
        expect(page.history).toEqual(await read(who(), o(`/risks/${risk.id}/history`)));
        const n = which === 'one' ? 1 : 30;
        expect(page.actions.total).toBe(n);
        expect(page.evidence.total).toBe(n);
        expect(page.treatment.controls).toHaveLength(which === 'one' ? 1 : 31);
      },
    );

    it('the risk page hides a confidential linked document from whoever may not read it, as /links does', async () => {
      const page = await read(who(), o(`/risks/${fx.one.id}/page`));
      const toDoc = page.links.items.filter((l: { toId: string }) => l.toId === hiddenDoc.id);
      expect(toDoc).toHaveLength(role === 'isms_manager' ? 1 : 0);
    });

    it.each(['controlFew', 'controlMany'] as const)(
      'the control page (%s) answers what the separate routes answer',
      async (which) => {
        const id = fx[which].id;
        const page = await read(who(), o(`/controls/${id}/page`));
        expect(page.control).toEqual(await read(who(), o(`/controls/${id}`)));
        expect(page.drivers).toEqual(await read(who(), o(`/controls/${id}/drivers`)));
        expect(page.methodology).toEqual(await read(who(), o('/risk-methodologies/current')));
        expect(page.links).toEqual(await read(who(), o(`/links?type=control&id=${id}`)));
        expect(page.evidence).toEqual(
          await read(
            who(),
            o(`/evidence?attachedType=control&attachedId=${id}&pageSize=200&sort=createdAt&order=desc`),
          ),
        );
        expect(page.history).toEqual(await read(who(), o(`/controls/${id}/history`)));
        expect(page.drivers.risks).toHaveLength(which === 'controlFew' ? 1 : 30);
        expect(page.evidence.total).toBe(which === 'controlFew' ? 1 : 30);
      },
    );

    it('the Controls page counts answer the totals of the list queries they name', async () => {
      const { counts } = await read(who(), o('/controls/counts'));
      expect(Object.keys(counts).sort()).toEqual(Object.keys(CONTROL_COUNT_QUERIES).sort());
      for (const [name, params] of Object.entries(CONTROL_COUNT_QUERIES)) {
        const list = await read(who(), o(`/controls?${new URLSearchParams({ ...params, pageSize: '1' })}`));
        expect(counts[name], name).toBe(list.total);
      }
      // the fixture's treatments made 32 controls applicable (30 + controlMany on one risk, controlFew on another)
      expect(counts.applicable).toBe(32);
    });

    it('the home page answers what the separate routes answer', async () => {
      const page = await read(who(), o('/home'));
      const total = async (query: string) => (await read(who(), o(`/actions?${query}&pageSize=1`))).total;
      expect(page.actionCounts).toEqual({
        mine: await total('ownerId=me&status=open%2Cin_progress'),
        mineOverdue: await total('ownerId=me&overdue=true'),
        overdue: await total('overdue=true'),
      });
      expect(page.actionCounts.overdue).toBe(16);
      expect(page.actionCounts.mineOverdue).toBe(role === 'isms_manager' ? 16 : 0);
      expect(page.toRead).toEqual(await read(who(), o('/documents/to-read')));
      if (can(role, 'document.review'))
        expect(page.reviewsDue).toEqual(
          await read(who(), `${docsPath(org)}?ownerId=me&review=due&sort=nextReviewDate&order=asc&pageSize=10`),
        );
      else expect(page.reviewsDue).toBeNull();
      expect(page.invitations).toEqual(await read(who(), '/api/v1/invitations'));
    });
  });

  it('a risk or control of another organization, or none, is a 404; an id that is no UUID a 400 naming it', async () => {
    const viewer = org.as.viewer;
    const foreign = stranger.as.admin;
    expect((await foreign.get(`/api/v1/orgs/${stranger.slug}/risks/${fx.one.id}/page`)).statusCode).toBe(404);
    expect((await foreign.get(`/api/v1/orgs/${stranger.slug}/controls/${fx.controlFew.id}/page`)).statusCode).toBe(404);
    expect((await viewer.get(o(`/risks/${crypto.randomUUID()}/page`))).statusCode).toBe(404);
    expect((await viewer.get(o(`/controls/${crypto.randomUUID()}/page`))).statusCode).toBe(404);
    // a member of the other organization reaches neither this organization's pages nor its home
    expect((await foreign.get(o(`/risks/${fx.one.id}/page`))).statusCode).toBe(404);
    expect((await foreign.get(o('/home'))).statusCode).toBe(404);
    const bad = await viewer.get(o('/risks/not-a-uuid/page'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('path.id');
  });
});
