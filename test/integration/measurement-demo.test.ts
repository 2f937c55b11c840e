import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgContext } from '../../src/core/context.js';
import { sampleDueMeasures } from '../../src/core/measurement/builtin/builtin-sampler.js';
import { measureDashboard } from '../../src/core/measurement/measure-dashboard.service.js';
import { listEvaluations } from '../../src/core/measurement/measure-evaluations.service.js';
import { progressSeries } from '../../src/core/objectives/objective-progress.service.js';
import type { DatabaseHandle } from '../../src/db/connect.js';
import { dashboardQuerySchema } from '../../src/schema/measurement/measure-dashboard.schema.js';
import { DIALECTS } from '../helpers/databases.js';
import { openDemo } from '../helpers/demo.js';

describe.each(DIALECTS)('demo objectives and measures of Example Ltd on %s', (kind) => {
  let handle: DatabaseHandle;
  let ctx: OrgContext;
  beforeAll(async () => {
    ({ handle, ctx } = await openDemo(kind));
  });
  afterAll(() => handle?.close());

  it('has three objectives: measured by a measure, followed by hand, and not practicable with its reason', async () => {
    const objectives = await handle.db
      .selectFrom('objectives')
      .selectAll()
      .where('orgId', '=', ctx.org.id)
      .orderBy('ref')
      .execute();
    expect(objectives.map((o) => o.measurementMode)).toEqual(['measures', 'manual', 'not_practicable']);
    const [measured, manual, judged] = objectives;
    // the measured one takes the latest click rate (4.1 %) against its 5 % ceiling
    expect(measured).toMatchObject({ latestValue: 4.1, progressStatus: 'achieved' });
    const series = await progressSeries(ctx, measured!.id);
    expect(series.points).toHaveLength(12);
    expect(series.points.every((p) => p.source === 'measure')).toBe(true);
    expect(manual).toMatchObject({ latestValue: 80 });
    expect((await progressSeries(ctx, manual!.id)).points.map((p) => p.value)).toEqual([55, 70, 80]);
    expect(judged!.notMeasurableReason).toBeTruthy();
    expect(judged!.judgementMethod).toBeTruthy();
    expect(judged!.progressStatus).toBe('not_measured');
  });

  it('has eight measures, three of them built in, and one red month evaluated', async () => {
    const measures = await handle.db
      .selectFrom('measures')
      .select(['id', 'title', 'builtInKey', 'latestRag'])
      .where('orgId', '=', ctx.org.id)
      .execute();
    expect(measures).toHaveLength(8);
    expect(
      measures
        .filter((m) => m.builtInKey)
        .map((m) => m.builtInKey)
        .sort(),
    ).toEqual(['applicable_controls_with_evidence', 'overdue_actions', 'overdue_nonconformities']);
    const phishing = measures.find((m) => m.title === 'Phishing simulation click rate')!;
    const evaluations = await listEvaluations(ctx, phishing.id);
    expect(evaluations.items).toHaveLength(1);
    expect(evaluations.items[0]).toMatchObject({ rag: 'red' });
    // the derived measure computed its value from its base measures: 46 of 46 reviewed on time
    const reviews = measures.find((m) => m.title === 'Privileged access reviewed on time')!;
    expect(reviews.latestRag).toBe('green');
  });

  it('samples its built-in measures like any result, and the dashboard shows every active measure', async () => {
    await sampleDueMeasures(handle.db);
    const sampled = await handle.db
      .selectFrom('measureResults')
      .innerJoin('measures', 'measures.id', 'measureResults.measureId')
      .select(['measures.builtInKey', 'measureResults.source'])
      .where('measures.orgId', '=', ctx.org.id)
      .where('measures.builtInKey', 'is not', null)
      .execute();
    expect(new Set(sampled.map((s) => s.builtInKey)).size).toBe(3);
    expect(sampled.every((s) => s.source === 'builtin')).toBe(true);
    const dashboard = await measureDashboard(ctx, dashboardQuerySchema.parse({}));
    expect(JSON.stringify(dashboard)).toContain('Phishing simulation click rate');
  });
});
