import { z } from 'zod';
import { coverageMatrix } from '../../core/internal-audit/audit-coverage.service.js';
import {
  addChecklistItem,
  generateChecklist,
  updateChecklistItem,
} from '../../core/internal-audit/audit-checklist.service.js';
import { addChecklistLink, removeChecklistLink } from '../../core/internal-audit/audit-checklist-links.service.js';
import { auditFindings, listChecklist } from '../../core/internal-audit/audit-checklist-read.service.js';
import {
  distributeReport,
  listDistributions,
  previousResults,
} from '../../core/internal-audit/audit-report.service.js';
import {
  getScopeProcesses,
  getTeam,
  setScopeProcesses,
  setTeam,
  transitionAudit,
} from '../../core/internal-audit/audit-team.service.js';
import { raiseFinding } from '../../core/internal-audit/audit-raise.service.js';
import { raiseFindingBodySchema, raiseFindingResponseSchema } from '../../schema/internal-audit/audit-raise.schema.js';
import { coverageMatrixSchema } from '../../schema/internal-audit/audit-programme.register.js';
import {
  AUDIT_STATUSES,
  addItemBodySchema,
  checklistItemSchema,
  checklistResponseSchema,
  distributionBodySchema,
  distributionsResponseSchema,
  findingsResponseSchema,
  generateResponseSchema,
  independenceExceptionSchema,
  itemLinkBodySchema,
  itemPatchSchema,
  previousResultsSchema,
  scopeProcessesBodySchema,
  scopeProcessesResponseSchema,
  teamBodySchema,
  teamResponseSchema,
  transitionBodySchema,
} from '../../schema/internal-audit/internal-audit.register.js';
import { orgCtx } from '../plugins/authorize.js';
import type { App } from '../types.js';

const orgParams = z.object({ org: z.string() });
const idParams = z.object({ org: z.string(), id: z.uuid() });
const itemParams = z.object({ org: z.string(), id: z.uuid(), itemId: z.uuid() });
const linkParams = z.object({ org: z.string(), id: z.uuid(), itemId: z.uuid(), linkId: z.uuid() });
const tags = ['internal-audit'];
const transitionResponse = z.object({ id: z.string(), status: z.enum(AUDIT_STATUSES), version: z.number().int() });

/** Internal audit (9.2) beyond the generic register routes: coverage, team, scope, status, checklist, distribution. */
export async function internalAuditRoutes(app: App) {
  const o = '/api/v1/orgs/:org';
  const a = `${o}/internal-audits/:id`;
  app.get(
    `${o}/audit-programmes/coverage`,
    {
      config: { permission: 'audit_programme.read' },
      schema: {
        tags,
        summary:
          'Coverage of the current audit programme: every clause 4–10 and applicable control × planned audits (planned / done / uncovered)',
        params: orgParams,
        response: { 200: coverageMatrixSchema },
      },
    },
    async (request) => coverageMatrix(orgCtx(request)),
  );
  app.get(
    `${a}/team`,
    {
      config: { permission: 'internal_audit.read' },
      schema: {
        tags,
        summary: 'The audit team and the independence exceptions recorded',
        params: idParams,
        response: { 200: teamResponseSchema },
      },
    },
    async (request) => getTeam(orgCtx(request), request.params.id),
  );
  app.put(
    `${a}/team`,
    {
      config: { permission: 'internal_audit.update' },
      schema: {
        tags,
        summary:
          'Replace the audit team; an auditor who owns or is assigned to a process in scope is refused (409) unless an independenceException is given',
        params: idParams,
        body: teamBodySchema,
        response: { 200: teamResponseSchema },
      },
    },
    async (request) => setTeam(orgCtx(request), request.params.id, request.body),
  );
  app.get(
    `${a}/scope-processes`,
    {
      config: { permission: 'internal_audit.read' },
      schema: {
        tags,
        summary: 'The ISMS processes in the audit’s scope',
        params: idParams,
        response: { 200: scopeProcessesResponseSchema },
      },
    },
    async (request) => getScopeProcesses(orgCtx(request), request.params.id),
  );
  app.put(
    `${a}/scope-processes`,
    {
      config: { permission: 'internal_audit.update' },
      schema: {
        tags,
        summary:
          'Replace the ISMS processes in scope; a process an auditor owns or is assigned to is refused (409) unless an independenceException is given',
        params: idParams,
        body: scopeProcessesBodySchema,
        response: { 200: scopeProcessesResponseSchema },
      },
    },
    async (request) => setScopeProcesses(orgCtx(request), request.params.id, request.body),
  );
  app.post(
    `${a}/transition`,
    {
      config: { permission: 'internal_audit.update' },
      schema: {
        tags,
        summary:
          'Move the audit along planned → in_progress → reporting → completed (or cancelled), on the version read',
        params: idParams,
        body: transitionBodySchema,
        response: { 200: transitionResponse },
      },
    },
    async (request) =>
      transitionAudit(orgCtx(request), request.params.id, request.body.to, request.body.expectedVersion),
  );
  app.get(
    `${a}/previous-results`,
    {
      config: { permission: 'internal_audit.read' },
      schema: {
        tags,
        summary: 'Results of previous audits to follow up in this audit’s scope (computed)',
        params: idParams,
        response: { 200: previousResultsSchema },
      },
    },
    async (request) => previousResults(orgCtx(request), request.params.id),
  );
  app.get(
    `${a}/checklist`,
    {
      config: { permission: 'internal_audit.read' },
      schema: {
        tags,
        summary: 'The audit’s checklist, in order, with links',
        params: idParams,
        response: { 200: checklistResponseSchema },
      },
    },
    async (request) => ({ items: await listChecklist(orgCtx(request), request.params.id) }),
  );
  app.post(
    `${a}/checklist/generate`,
    {
      config: { permission: 'audit_checklist.write' },
      schema: {
        tags,
        summary:
          'Generate the checklist from the criteria (requirements of the clauses, applicable controls when the SoA is a criterion, key controls); keeps existing items',
        params: idParams,
        body: z.strictObject({ independenceException: independenceExceptionSchema.optional() }),
        response: { 200: generateResponseSchema },
      },
    },
    async (request) => generateChecklist(orgCtx(request), request.params.id, request.body.independenceException),
  );
  app.post(
    `${a}/checklist`,
    {
      config: { permission: 'audit_checklist.write' },
      schema: {
        tags,
        summary: 'Add an item to the checklist',
        params: idParams,
        body: addItemBodySchema,
        response: { 200: checklistItemSchema },
      },
    },
    async (request) => addChecklistItem(orgCtx(request), request.params.id, request.body),
  );
  app.patch(
    `${a}/checklist/:itemId`,
    {
      config: { permission: 'audit_checklist.write' },
      schema: {
        tags,
        summary: 'Record an item’s conclusion and notes, on the version read',
        params: itemParams,
        body: itemPatchSchema,
        response: { 200: checklistItemSchema },
      },
    },
    async (request) => updateChecklistItem(orgCtx(request), request.params.id, request.params.itemId, request.body),
  );
  app.post(
    `${a}/checklist/:itemId/links`,
    {
      config: { permission: 'audit_checklist.write' },
      schema: {
        tags,
        summary:
          'Link evidence, a sampled record or an object audited to an item (objects are checked for independence)',
        params: itemParams,
        body: itemLinkBodySchema,
        response: { 200: checklistItemSchema },
      },
    },
    async (request) => addChecklistLink(orgCtx(request), request.params.id, request.params.itemId, request.body),
  );
  app.delete(
    `${a}/checklist/:itemId/links/:linkId`,
    {
      config: { permission: 'audit_checklist.write' },
      schema: {
        tags,
        summary: 'Remove a link from an item',
        params: linkParams,
        response: { 200: checklistItemSchema },
      },
    },
    async (request) =>
      removeChecklistLink(orgCtx(request), request.params.id, request.params.itemId, request.params.linkId),
  );
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
    `${a}/findings`,
    {
      config: { permission: 'internal_audit.read' },
      schema: {
        tags,
        summary: 'Findings: items concluded other than conforms or not assessed, with counts by clause and control',
        params: idParams,
        response: { 200: findingsResponseSchema },
      },
    },
    async (request) => auditFindings(orgCtx(request), request.params.id),
  );
  app.get(
    `${a}/distributions`,
    {
      config: { permission: 'internal_audit.read' },
      schema: {
        tags,
        summary: 'Who received the approved report, and when',
        params: idParams,
        response: { 200: distributionsResponseSchema },
      },
    },
    async (request) => listDistributions(orgCtx(request), request.params.id),
  );
  app.post(
    `${a}/distributions`,
    {
      config: { permission: 'internal_audit.update' },
      schema: {
        tags,
        summary: 'Record that the approved report was distributed to top management (members)',
        params: idParams,
        body: distributionBodySchema,
        response: { 200: distributionsResponseSchema },
      },
    },
    async (request) => distributeReport(orgCtx(request), request.params.id, request.body),
  );
}
