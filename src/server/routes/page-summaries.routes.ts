import { z } from 'zod';
import { listMyInvitations } from '../../core/invitations/invitations.service.js';
import { controlCounts, controlPage, homePage, riskPage } from '../../core/pages/page-summaries.service.js';
import {
  controlCountsSchema,
  controlPageSchema,
  homePageSchema,
  riskPageSchema,
} from '../../schema/pages/page-summaries.schema.js';
import { authUser } from '../plugins/authenticate.js';
import { orgCtx } from '../plugins/authorize.js';
import type { App } from '../types.js';

const orgParams = z.object({ org: z.string() });
const idParams = z.object({ org: z.string(), id: z.uuid() });

/**
 * One summary per web page (issue 15): a page's first view in one request and a bounded number of statements,
 * instead of one request per card. Each part is what its own route answers; those routes stay for API users.
 */
export async function pageSummaryRoutes(app: App) {
  const o = '/api/v1/orgs/:org';
  const { db } = app.deps.handle;
  app.get(
    `${o}/risks/:id/page`,
    {
      config: { permission: 'risk.read' },
      schema: {
        tags: ['risks'],
        summary:
          "A risk's page in one read: the risk, the methodology in force, whether it is due for reassessment, its treatment, planned actions, links, evidence and history",
        params: idParams,
        response: { 200: riskPageSchema },
      },
    },
    async (request) => riskPage(orgCtx(request), request.params.id),
  );
  app.get(
    `${o}/controls/:id/page`,
    {
      config: { permission: 'control.read' },
      schema: {
        tags: ['controls'],
        summary:
          "A control's page in one read: the control, the risks and requirements that need it, links, evidence and history",
        params: idParams,
        response: { 200: controlPageSchema },
      },
    },
    async (request) => controlPage(orgCtx(request), request.params.id),
  );
  app.get(
    `${o}/controls/counts`,
    {
      config: { permission: 'control.read' },
      schema: {
        tags: ['controls'],
        summary:
          'The counts above the Controls list in one read: by applicability, the applicable ones by implementation status, unjustified and untouched',
        params: orgParams,
        response: { 200: controlCountsSchema },
      },
    },
    async (request) => controlCounts(orgCtx(request)),
  );
  app.get(
    `${o}/home`,
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['orgs'],
        summary:
          "The organization's home page for the caller in one read: their action counts, documents to read and to review, and their invitations",
        params: orgParams,
        response: { 200: homePageSchema },
      },
    },
    async (request) => {
      const user = authUser(request);
      const summary = await homePage(orgCtx(request));
      // the caller's own invitations, as GET /api/v1/invitations answers them
      const invitations = user ? await listMyInvitations(db, user) : { items: [] };
      return { ...summary, invitations };
    },
  );
}
