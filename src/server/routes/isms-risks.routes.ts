import { z } from 'zod';
import { ismsRiskSummary } from '../../core/risks/isms-risks.service.js';
import { ismsRiskSummarySchema } from '../../schema/risks/isms-risks.schema.js';
import { orgCtx } from '../plugins/authorize.js';
import type { App } from '../types.js';

const orgParams = z.object({ org: z.string() });
const tags = ['isms-risks'];

/** The ISMS risks and opportunities register (6.1.1) at a glance; the register itself gets its routes from the registry. */
export async function ismsRiskRoutes(app: App) {
  app.get(
    '/api/v1/orgs/:org/isms-risks/summary',
    {
      config: { permission: 'isms_risk.read' },
      schema: {
        tags,
        summary:
          'Counts of current ISMS risks and opportunities: by kind and effectiveness of their actions, by status, overdue evaluations, records without a source',
        params: orgParams,
        response: { 200: ismsRiskSummarySchema },
      },
    },
    async (request) => ismsRiskSummary(orgCtx(request)),
  );
}
