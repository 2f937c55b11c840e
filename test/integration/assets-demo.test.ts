import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connect.js';
import { loadDemo } from '../../src/core/demo/demo.service.js';
import { ASSET_TYPES } from '../../src/schema/risks/asset.register.js';
import { STARTER_THREATS, STARTER_VULNERABILITIES } from '../../src/schema/risks/threat-catalog.js';
import { DIALECTS, openTestDatabase } from '../helpers/databases.js';

describe.each(DIALECTS)('demo assets of Example Ltd on %s', (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    await loadDemo(handle.db);
  });
  afterAll(() => handle?.close());

  it('has a few dozen assets of every type, the mobile phone of 27003, dependencies between them and the starting catalog', async () => {
    const org = await handle.db
      .selectFrom('organizations')
      .select('id')
      .where('slug', '=', 'example')
      .executeTakeFirstOrThrow();
    const assets = await handle.db.selectFrom('assets').selectAll().where('orgId', '=', org.id).execute();
    expect(assets.length).toBeGreaterThanOrEqual(24);
    expect(new Set(assets.map((a) => a.type))).toEqual(new Set(ASSET_TYPES));
    const phone = assets.find((a) => /mobile phone/i.test(a.name))!;
    expect(phone).toMatchObject({
      type: 'hardware',
      confidentiality: 'high',
      availability: 'high',
      value: 'high',
      valueDerived: 1,
    });
    const deps = await handle.db.selectFrom('assetDependencies').selectAll().where('orgId', '=', org.id).execute();
    expect(deps.length).toBeGreaterThanOrEqual(20);
    expect(deps.filter((d) => d.supportingAssetId === phone.id).length).toBeGreaterThanOrEqual(2);
    const threats = await handle.db.selectFrom('threats').select('starterKey').where('orgId', '=', org.id).execute();
    expect(threats.length).toBeGreaterThanOrEqual(STARTER_THREATS.length);
    const vulnerabilities = await handle.db
      .selectFrom('vulnerabilities')
      .select('id')
      .where('orgId', '=', org.id)
      .execute();
    expect(vulnerabilities.length).toBeGreaterThanOrEqual(STARTER_VULNERABILITIES.length);
  });
});
