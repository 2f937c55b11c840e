import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgContext } from '../../src/core/context.js';
import type { DatabaseHandle } from '../../src/db/connect.js';
import { assessmentResultsSchema } from '../../src/schema/risks/assessment-results.versioned.js';
import { treatmentStatusSchema } from '../../src/schema/controls/treatment-result.versioned.js';
import { DIALECTS } from '../helpers/databases.js';
import { openDemo } from '../helpers/demo.js';

describe.each(DIALECTS)('demo risk assessment and treatment results of Example Ltd on %s', (kind) => {
  let handle: DatabaseHandle;
  let ctx: OrgContext;
  beforeAll(async () => {
    ({ handle, ctx } = await openDemo(kind));
  });
  afterAll(() => handle?.close());

  const approved = (entityType: string) =>
    handle.db
      .selectFrom('recordVersions')
      .innerJoin('approvals', 'approvals.versionId', 'recordVersions.id')
      .select(['recordVersions.content', 'approvals.signerRole'])
      .where('recordVersions.orgId', '=', ctx.org.id)
      .where('recordVersions.entityType', '=', entityType)
      .where('recordVersions.state', '=', 'approved')
      .execute();

  it("has last year's assessment results approved by the ISMS manager, every risk in priority order", async () => {
    const [v] = await approved('risk_assessment');
    expect(v?.signerRole).toBe('isms_manager');
    const results = assessmentResultsSchema.parse((JSON.parse(v!.content) as { results: unknown }).results);
    expect(results.assessment.title).toBe('Annual risk assessment (last year)');
    expect(results.methodology?.versionNo).toBe(1);
    // the scope statement approved when the assessment closed
    expect(results.scope).toMatchObject({ ref: expect.stringMatching(/^SCOPE-/), versionNo: 1 });
    expect(results.scope?.statement.length).toBeGreaterThan(20);
    expect(results.risks.length).toBeGreaterThan(5);
    // evaluated risks ranked 1, 2, 3…; a risk not yet evaluated comes last, without a rank
    const ranks = results.risks.map((r) => r.rank);
    const ranked = ranks.filter((r) => r !== null);
    expect(ranked).toEqual(ranked.map((_, i) => i + 1));
    expect(ranks.slice(ranked.length).every((r) => r === null)).toBe(true);
  });

  it("has the treatment plan's status approved by top management", async () => {
    const [v] = await approved('treatment_result');
    expect(v?.signerRole).toBe('approver');
    const plan = treatmentStatusSchema.parse((JSON.parse(v!.content) as { plan: unknown }).plan);
    expect(plan.rows.length).toBeGreaterThan(0);
    expect(plan.counts.risks).toBe(plan.rows.length);
  });
});
