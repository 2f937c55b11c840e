import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildAction, buildOrg, type TestOrg } from '../helpers/factories.js';

/** The audit trail names the people who acted (their name now), besides the label recorded when they acted. */
describe.each(DIALECTS)('the audit trail names who acted on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle, 'People Ltd');
  });
  afterAll(() => env?.close());

  it('gives the name of the person behind each event, and null for the system', async () => {
    const action = await buildAction(org.as.contributor, org.slug);
    const res = await org.as.auditor.get(`/api/v1/orgs/${org.slug}/audit-events?entityId=${action.id}`);
    expect(res.statusCode).toBe(200);
    const [created] = res.json().items as { actorId: string; actorLabel: string; actorName: string | null }[];
    expect(created).toMatchObject({
      actorId: org.users.contributor.id,
      actorLabel: org.users.contributor.email,
      actorName: 'People Ltd contributor',
    });
    const all = (await org.as.auditor.get(`/api/v1/orgs/${org.slug}/audit-events?pageSize=100`)).json().items as {
      actorId: string | null;
      actorName: string | null;
    }[];
    for (const e of all) if (!e.actorId) expect(e.actorName).toBeNull();
  });
});
