import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPackage } from '../../src/cli/commands/verify-package-check.js';
import { loadDemo, DEMO_PASSWORD } from '../../src/core/demo/demo.service.js';
import type { PackIndex } from '../../src/schema/certification/certification-pack.schema.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { signIn, type Caller } from '../helpers/http.js';

/**
 * The certification pack of the demo organization, where every module built so far has approved records: the items
 * of 8.2, 8.3 and 9.3 (added by other modules than the pack) are included from their real approved versions, the
 * modules not built yet say so, and the whole pack verifies offline.
 */
describe.each(DIALECTS)('the demo organization’s certification pack on %s', (kind) => {
  let env: TestEnv;
  let manager: Caller;
  let index: PackIndex;
  beforeAll(async () => {
    env = await testEnv(kind);
    await loadDemo(env.handle.db);
    manager = await signIn(env.app, 'manager@example.com', DEMO_PASSWORD);
    const res = await manager.get('/api/v1/orgs/example/certification-pack');
    expect(res.statusCode, res.body).toBe(200);
    index = res.json();
  });
  afterAll(() => env?.close());

  const statusOf = (key: string) => index.items.filter((i) => i.key.split(':')[0] === key).map((i) => i.status);

  it('includes the approved scope, policy, methodology, treatment plan, results of 8.2 and 8.3, and the review minutes', () => {
    for (const key of ['scope', 'policy', 'risk-process', 'treatment-plan', 'assessment-results', 'treatment-results'])
      expect(statusOf(key), key).toEqual(['included']);
    // last year's review has approved minutes; the next one's are a draft, so only the approved one is packed
    const reviews = index.items.filter((i) => i.key.startsWith('management-review'));
    expect(reviews.map((i) => i.status)).toContain('included');
    const minutes = reviews.find((i) => i.status === 'included')!;
    expect(minutes.version?.approvals.map((a) => a.role)).toEqual(['approver']);
    expect(statusOf('measurement')).toEqual(['generated']);
    expect(statusOf('nonconformities')).toEqual(['generated']);
    expect(statusOf('competence')).toEqual(['not_built']);
    expect(statusOf('operations')).toEqual(['not_built']);
  });

  it('is a ZIP whose every included version verifies offline against the installation key', async () => {
    const res = await manager.post('/api/v1/orgs/example/certification-pack', {});
    expect(res.statusCode, res.body).toBe(200);
    const pack = res.rawPayload;
    const zip = await JSZip.loadAsync(pack);
    const packed = JSON.parse(await zip.file('index.json')!.async('string')) as PackIndex;
    expect(packed.items.map((i) => [i.key, i.status])).toEqual(index.items.map((i) => [i.key, i.status]));
    const report = await verifyPackage(pack, [
      { fingerprint: env.app.deps.signingKey.fingerprint, source: 'the test key' },
    ]);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
