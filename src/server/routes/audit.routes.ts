import { z } from 'zod';
import { listAuditEvents } from '../../core/audit/audit-list.js';
import fs from 'node:fs';
import { readCheckpointLog } from '../../core/audit/audit-checkpoint.js';
import { verifyChain } from '../../core/audit/audit-verify.js';
import { auditVerifyResultSchema } from '../../schema/audit/signing-key.js';
import { auditEventPageSchema, auditListQuerySchema } from '../../schema/audit/audit-query.js';
import { orgCtx } from '../plugins/authorize.js';
import type { App } from '../types.js';

const orgParams = z.object({ org: z.string() });

export async function auditRoutes(app: App) {
  app.get(
    '/api/v1/orgs/:org/audit-events',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Audit trail, newest first, with filters',
        params: orgParams,
        querystring: auditListQuerySchema,
        response: { 200: auditEventPageSchema },
      },
    },
    async (request) => {
      const ctx = orgCtx(request);
      return listAuditEvents(ctx.db, ctx.org.id, request.query, ctx);
    },
  );
  app.get(
    '/api/v1/orgs/:org/audit/verify',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary:
          "Verify the organization's hash chain and its signed checkpoints; reports the first broken link and up to which event the chain is anchored",
        params: orgParams,
        response: { 200: auditVerifyResultSchema },
      },
    },
    async (request) => {
      const ctx = orgCtx(request);
      const log = app.deps.checkpointLog;
      const logCheckpoints = log && fs.existsSync(log) ? readCheckpointLog(log).checkpoints : undefined;
      return verifyChain(ctx.db, ctx.org.id, { trustedKey: app.deps.signingKey, logCheckpoints });
    },
  );
}
