import { z } from 'zod';
import { getAuditees, setAuditees } from '../../core/internal-audit/audit-auditees.service.js';
import { getCriteria, setCriteria } from '../../core/internal-audit/audit-criteria.service.js';
import { raiseFinding } from '../../core/internal-audit/audit-raise.service.js';
import {
  auditeesBodySchema,
  auditeesResponseSchema,
  criteriaBodySchema,
  criteriaResponseSchema,
  raiseFindingBodySchema,
  raiseFindingResponseSchema,
} from '../../schema/internal-audit/audit-raise.schema.js';
import { orgCtx } from '../plugins/authorize.js';
import type { App } from '../types.js';

const idParams = z.object({ org: z.string(), id: z.uuid() });
const itemParams = z.object({ org: z.string(), id: z.uuid(), itemId: z.uuid() });
const tags = ['internal-audit'];

/** An audit's findings raised in one step, its auditees and its criteria records (27001 9.2; 27003 9.2). */
export async function internalAuditFindingRoutes(app: App) {
  const a = '/api/v1/orgs/:org/internal-audits/:id';
  app.post(
    `${a}/checklist/:itemId/raise`,
    {
      config: { permission: 'audit_checklist.raise' },
      schema: {
        tags,
        summary:
          'Raise a finding in one step: a major/minor nonconformity finding becomes a nonconformity with its follow-up plan agreed by the lead auditor; an observation or OFI becomes an improvement',
        description:
          'For a major_nc / minor_nc item only the audit’s lead auditor may raise (403 for anyone else); `ownerId` and `followUp` (correction, correctiveAction, dueOn, verification: 27003 9.2 i–l) are required (400 naming them). For an observation / ofi item: a member of the audit team or an ISMS manager; no `followUp`. The record carries the item’s requirement, grade, control, evidence, samples and objects audited as links, and a `raised_from` link to the audit. Refused with 409: an item already raised (naming the record: `item.raised`), an item that is not a finding (`item.conclusion`), a completed or cancelled audit (`audit.status`), a stale `expectedVersion`. One transaction with its audit events; of parallel raises of one item exactly one creates the record.',
        params: itemParams,
        body: raiseFindingBodySchema,
        response: { 201: raiseFindingResponseSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await raiseFinding(orgCtx(request), request.params.id, request.params.itemId, request.body)),
  );
  app.get(
    `${a}/auditees`,
    {
      config: { permission: 'internal_audit.read' },
      schema: {
        tags,
        summary: 'The members audited, and the free-text auditees of the audit record',
        params: idParams,
        response: { 200: auditeesResponseSchema },
      },
    },
    async (request) => getAuditees(orgCtx(request), request.params.id),
  );
  app.put(
    `${a}/auditees`,
    {
      config: { permission: 'internal_audit.update' },
      schema: {
        tags,
        summary: 'Replace the members audited; an auditor of the audit is refused (409 naming the entry)',
        params: idParams,
        body: auditeesBodySchema,
        response: { 200: auditeesResponseSchema },
      },
    },
    async (request) => setAuditees(orgCtx(request), request.params.id, request.body),
  );
  app.get(
    `${a}/criteria`,
    {
      config: { permission: 'internal_audit.read' },
      schema: {
        tags,
        summary: 'The documents and 4.2 requirements that are criteria of the audit (besides its clauses and the SoA)',
        params: idParams,
        response: { 200: criteriaResponseSchema },
      },
    },
    async (request) => getCriteria(orgCtx(request), request.params.id),
  );
  app.put(
    `${a}/criteria`,
    {
      config: { permission: 'internal_audit.update' },
      schema: {
        tags,
        summary:
          'Replace the documents (policies, procedures) and 4.2 requirements that are criteria of the audit: links of kind criterion',
        params: idParams,
        body: criteriaBodySchema,
        response: { 200: criteriaResponseSchema },
      },
    },
    async (request) => setCriteria(orgCtx(request), request.params.id, request.body),
  );
}
