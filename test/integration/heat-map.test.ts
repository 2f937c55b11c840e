import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, type TestOrg } from '../helpers/factories.js';
import { approveMethodology, buildRisk, startingMethodology } from '../helpers/risk-factories.js';

type Cell = { likelihood: number; consequence: number; level: string; count: number };

describe.each(DIALECTS)('risk heat map on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const url = (path = '') => `/api/v1/orgs/${org.slug}${path}`;

  it('puts every risk in a cell whose level is the level the register shows (formula, C/I/A averaged)', async () => {
    // A formula methodology with a sum instead of the product and C/I/A averaged: the paths a re-implemented
    // level rule is most likely to get wrong.
    const m = startingMethodology('semi-quantitative');
    m.consequencePerCia = true;
    m.ciaCombination = 'average';
    m.rule = {
      kind: 'formula',
      formula: 'sum',
      thresholds: [
        { min: 2, level: 'low' },
        { min: 5, level: 'medium' },
        { min: 7, level: 'high' },
        { min: 9, level: 'critical' },
      ],
    };
    await approveMethodology(org, m);
    const ownerId = org.users.contributor.id;
    const analyses = [
      { likelihood: 1, consequenceC: 1 },
      { likelihood: 2, consequenceC: 5, consequenceI: 1 },
      { likelihood: 3, consequenceC: 4, consequenceI: 2, consequenceA: 3 },
      { likelihood: 4, consequenceA: 4 },
      { likelihood: 5, consequenceC: 5, consequenceI: 5 },
    ];
    for (const a of analyses) await buildRisk(org.as.contributor, org.slug, { ownerId, ...a });
    const risks = (await org.as.viewer.get(url('/risks?pageSize=200'))).json().items as {
      likelihood: number;
      consequenceLevel: number;
      level: string;
    }[];
    const map = (await org.as.viewer.get(url('/risks/heat-map'))).json() as { cells: Cell[]; total: number };
    expect(map.total).toBe(analyses.length);
    expect(new Set(risks.map((r) => r.level)).size).toBeGreaterThan(2);
    for (const r of risks) {
      const cell = map.cells.find((c) => c.likelihood === r.likelihood && c.consequence === r.consequenceLevel)!;
      expect(cell.level).toBe(r.level);
      expect(cell.count).toBeGreaterThan(0);
    }
    // the sum rule: Medium likelihood (2) + consequence 3 → 5 → medium; 5 + 5 → critical
    expect(map.cells.find((c) => c.likelihood === 2 && c.consequence === 3)!.level).toBe('medium');
    expect(map.cells.find((c) => c.likelihood === 5 && c.consequence === 5)!.level).toBe('critical');
  });
});
