import { z } from 'zod';
import {
  climateDecisionHistory,
  getClimateDecision,
  setClimateDecision,
} from '../../core/context/climate-decision.service.js';
import {
  climateDecisionHistorySchema,
  climateDecisionPutSchema,
  climateDecisionSchema,
} from '../../schema/context/climate-decision.schema.js';
import { orgCtx } from '../plugins/authorize.js';
import type { App } from '../types.js';

const orgParams = z.object({ org: z.string() });
const tags = ['context'];

/** The climate-change decision (27001:2022/Amd 1:2024, 4.1); the context registers get their routes from the registry. */
export async function contextRoutes(app: App) {
  const base = '/api/v1/orgs/:org/context/climate-decision';
  app.get(
    base,
    {
      config: { permission: 'climate_decision.read' },
      schema: {
        tags,
        summary: 'Whether climate change is a relevant issue: undecided, relevant or not_relevant, with the reasoning',
        params: orgParams,
        response: { 200: climateDecisionSchema },
      },
    },
    async (request) => getClimateDecision(orgCtx(request)),
  );
  app.put(
    base,
    {
      config: { permission: 'climate_decision.update' },
      schema: {
        tags,
        summary:
          'Record or change the climate-change decision (audited; expectedVersion guards against lost updates, 0 = none yet)',
        params: orgParams,
        body: climateDecisionPutSchema,
        response: { 200: climateDecisionSchema },
      },
    },
    async (request) => setClimateDecision(orgCtx(request), request.body),
  );
  app.get(
    `${base}/history`,
    {
      config: { permission: 'climate_decision.read' },
      schema: {
        tags,
        summary: 'Every recorded climate-change decision, newest first, with what changed',
        params: orgParams,
        response: { 200: climateDecisionHistorySchema },
      },
    },
    async (request) => climateDecisionHistory(orgCtx(request)),
  );
}
