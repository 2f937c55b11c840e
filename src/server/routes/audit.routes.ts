import { z } from 'zod';
import { listAuditEvents } from '../../core/audit/audit-list.js';
import { verifyChain } from '../../core/audit/audit-verify.js';
import { auditListQuerySchema } from '../../schema/audit/audit-query.js';
import { orgCtx } from '../plugins/authorize.js';
import type { App } from '../types.js';

const orgParams = z.object({ org: z.string() });

export async function auditRoutes(app: App) {
  app.get('/api/v1/orgs/:org/audit-events', { config: { permission: 'audit.read' }, schema: { tags: ['audit'], summary: 'Audit trail, newest first, with filters', params: orgParams, querystring: auditListQuerySchema } }, async (request) => {
    const ctx = orgCtx(request);
    return listAuditEvents(ctx.db, ctx.org.id, request.query, ctx);
  });
  app.get('/api/v1/orgs/:org/audit/verify', { config: { permission: 'audit.read' }, schema: { tags: ['audit'], summary: "Verify the organization's hash chain; reports the first broken link", params: orgParams } }, async (request) => {
    const ctx = orgCtx(request);
    return verifyChain(ctx.db, ctx.org.id);
  });
}
