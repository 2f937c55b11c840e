import { z } from 'zod';
import { VERSIONED_MODULES } from '../../core/modules.js';
import { openDecisionDraft } from '../../core/management-review/open-draft.service.js';
import { getAttendance, setAttendance } from '../../core/management-review/review-attendance.service.js';
import { compileReviewInputs } from '../../core/management-review/review-inputs-compile.service.js';
import { reviewSchedule } from '../../core/management-review/review-schedule.service.js';
import {
  openDraftBodySchema,
  openDraftResponseSchema,
  reviewAttendanceSchema,
  reviewAttendanceViewSchema,
  reviewScheduleSchema,
} from '../../schema/management-review/management-review.register.js';
import { reviewInputsSchema } from '../../schema/management-review/review-inputs.schema.js';
import { orgCtx } from '../plugins/authorize.js';
import type { App } from '../types.js';

const orgParams = z.object({ org: z.string() });
const idParams = z.object({ org: z.string(), id: z.uuid() });
const tags = ['management-reviews'];
const versionedByEntity = (entity: string) => VERSIONED_MODULES.find((vm) => vm.register.def.entity === entity);

/** Management review (9.3) beyond the generic register and version routes: schedule, attendance, inputs, drafts. */
export async function managementReviewRoutes(app: App) {
  const o = '/api/v1/orgs/:org';
  const r = `${o}/management-reviews/:id`;
  app.get(
    `${o}/management-reviews/schedule`,
    {
      config: { permission: 'management_review.read' },
      schema: {
        tags,
        summary: 'When the next management review is due (the last held one, the next planned, due soon / overdue)',
        params: orgParams,
        response: { 200: reviewScheduleSchema },
      },
    },
    async (request) => reviewSchedule(orgCtx(request)),
  );
  app.get(
    `${r}/attendance`,
    {
      config: { permission: 'management_review.read' },
      schema: {
        tags,
        summary: 'Who attended the review (members with names, others)',
        params: idParams,
        response: { 200: reviewAttendanceViewSchema },
      },
    },
    async (request) => getAttendance(orgCtx(request), request.params.id),
  );
  app.put(
    `${r}/attendance`,
    {
      config: { permission: 'management_review.update' },
      schema: {
        tags,
        summary: 'Replace the attendance: members of the organization by id, others by name',
        params: idParams,
        body: reviewAttendanceSchema,
        response: { 200: reviewAttendanceViewSchema },
      },
    },
    async (request) => setAttendance(orgCtx(request), request.params.id, request.body),
  );
  app.get(
    `${r}/inputs`,
    {
      config: { permission: 'management_review.read' },
      schema: {
        tags,
        summary:
          'The inputs a–g of the review (27001 9.3.2) compiled now from the records (the minutes’ drafts freeze them)',
        params: idParams,
        response: { 200: reviewInputsSchema },
      },
    },
    async (request) => {
      const ctx = orgCtx(request);
      return compileReviewInputs(ctx, ctx.db, request.params.id);
    },
  );
  app.post(
    `${o}/management-review-decisions/:id/open-draft`,
    {
      config: { permission: 'management_review_decision.update' },
      schema: {
        tags: ['management-review-decisions'],
        summary:
          'Open the next draft of the document a decision changes (or link the draft already open); needs that document’s update permission too',
        params: idParams,
        body: openDraftBodySchema,
        response: { 200: openDraftResponseSchema },
      },
    },
    async (request) => openDecisionDraft(orgCtx(request), versionedByEntity, request.params.id, request.body),
  );
}
