import { z } from 'zod';
import {
  acknowledgeDocument,
  documentsToRead,
  documentTree,
  listAcknowledgements,
  publishDocument,
  remindReaders,
  withdrawDocument,
} from '../../core/documents/document-publication.service.js';
import { getPeople, setPeople } from '../../core/documents/document-people.service.js';
import {
  getClassificationScheme,
  setClassificationScheme,
} from '../../core/documents/classification-scheme.service.js';
import {
  currentDisposal,
  decideDisposal,
  listDisposals,
  listReviews,
  proposeDisposal,
  recordReview,
} from '../../core/documents/document-retention.service.js';
import {
  acknowledgeBody,
  acknowledgementsSchema,
  classificationSchemeBody,
  classificationSchemeSchema,
  decideDisposalBody,
  disposalSchema,
  documentPeopleBody,
  documentPeopleSchema,
  proposeDisposalBody,
  publishBody,
  remindBody,
  reviewBody,
  reviewSchema,
  toReadListSchema,
  treeListSchema,
  disposalListSchema,
  reviewListSchema,
  acknowledgedSchema,
  remindedSchema,
  currentDisposalSchema,
  withdrawBody,
} from '../../schema/documents/documents.schema.js';
import { documentRegister } from '../../schema/documents/document.register.js';
import { orgCtx } from '../plugins/authorize.js';
import type { App } from '../types.js';

const orgParams = z.object({ org: z.string() });
const idParams = z.object({ org: z.string(), id: z.uuid() });
const tags = ['documents'];
const base = '/api/v1/orgs/:org/documents';

/**
 * Documents beyond the register and version routes (which the registry gives): approvers and audience,
 * publication and acknowledgement, reviews, retention and disposal, the hierarchy and "to read".
 */
export async function documentRoutes(app: App) {
  app.get(
    `${base}/tree`,
    {
      config: { permission: 'document.read' },
      schema: {
        tags,
        summary: 'Every current document the caller may read, for the policy hierarchy',
        params: orgParams,
        response: { 200: treeListSchema },
      },
    },
    async (request) => documentTree(orgCtx(request)),
  );
  app.get(
    `${base}/to-read`,
    {
      config: { permission: 'document.read' },
      schema: {
        tags,
        summary: 'Published documents the caller must still acknowledge',
        params: orgParams,
        response: { 200: toReadListSchema },
      },
    },
    async (request) => documentsToRead(orgCtx(request)),
  );
  app.get(
    `${base}/disposals`,
    {
      config: { permission: 'document.read' },
      schema: {
        tags,
        summary: 'Disposals proposed, approved and rejected: the record of what was destroyed',
        params: orgParams,
        response: { 200: disposalListSchema },
      },
    },
    async (request) => listDisposals(orgCtx(request)),
  );

  app.get(
    `${base}/classification-scheme`,
    {
      config: { permission: 'document.read' },
      schema: {
        tags,
        summary: "The organization's names and handling rules for the four classification levels",
        params: orgParams,
        response: { 200: classificationSchemeSchema },
      },
    },
    async (request) => getClassificationScheme(orgCtx(request)),
  );
  app.put(
    `${base}/classification-scheme`,
    {
      config: { permission: 'document.set_scheme' },
      schema: {
        tags,
        summary:
          'Name the four classification levels and say how each is handled (who may read each level does not change)',
        params: orgParams,
        body: classificationSchemeBody,
        response: { 200: classificationSchemeSchema },
      },
    },
    async (request) => setClassificationScheme(orgCtx(request), request.body),
  );

  app.get(
    `${base}/:id/people`,
    {
      config: { permission: 'document.read' },
      schema: {
        tags,
        summary: "A document's named approvers and audience",
        params: idParams,
        response: { 200: documentPeopleSchema },
      },
    },
    async (request) => getPeople(orgCtx(request), request.params.id),
  );
  app.put(
    `${base}/:id/people`,
    {
      config: { permission: 'document.update' },
      schema: {
        tags,
        summary: 'Name the approvers (all must approve) and the audience (roles or people)',
        params: idParams,
        body: documentPeopleBody,
        response: { 200: documentPeopleSchema },
      },
    },
    async (request) => setPeople(orgCtx(request), request.params.id, request.body),
  );

  app.post(
    `${base}/:id/publish`,
    {
      config: { permission: 'document.publish' },
      schema: {
        tags,
        summary:
          'Publish the approved version to the audience (starts the review interval; asks everyone to acknowledge)',
        params: idParams,
        body: publishBody,
        response: { 200: documentRegister.recordSchema },
      },
    },
    async (request) => publishDocument(orgCtx(request), request.params.id, request.body),
  );
  app.post(
    `${base}/:id/withdraw`,
    {
      config: { permission: 'document.publish' },
      schema: {
        tags,
        summary: 'Withdraw the document (its retention period starts)',
        params: idParams,
        body: withdrawBody,
        response: { 200: documentRegister.recordSchema },
      },
    },
    async (request) => withdrawDocument(orgCtx(request), request.params.id, request.body),
  );
  app.get(
    `${base}/:id/acknowledgements`,
    {
      config: { permission: 'document.read' },
      schema: {
        tags,
        summary: 'Who must read the published version, who acknowledged it and when, reminders',
        params: idParams,
        response: { 200: acknowledgementsSchema },
      },
    },
    async (request) => listAcknowledgements(orgCtx(request), request.params.id),
  );
  app.post(
    `${base}/:id/acknowledge`,
    {
      config: { permission: 'document.acknowledge' },
      schema: {
        tags,
        summary: 'Acknowledge having read the published version (bound to its content hash)',
        params: idParams,
        body: acknowledgeBody,
        response: { 200: acknowledgedSchema },
      },
    },
    async (request) => acknowledgeDocument(orgCtx(request), request.params.id, request.body),
  );
  app.post(
    `${base}/:id/reminders`,
    {
      config: { permission: 'document.publish' },
      schema: {
        tags,
        summary: 'Remind the audience members who have not acknowledged (all, or those named)',
        params: idParams,
        body: remindBody,
        response: { 200: remindedSchema },
      },
    },
    async (request) => remindReaders(orgCtx(request), request.params.id, request.body),
  );

  app.get(
    `${base}/:id/reviews`,
    {
      config: { permission: 'document.read' },
      schema: {
        tags,
        summary: "A document's reviews, newest first",
        params: idParams,
        response: { 200: reviewListSchema },
      },
    },
    async (request) => listReviews(orgCtx(request), request.params.id),
  );
  app.post(
    `${base}/:id/reviews`,
    {
      config: { permission: 'document.review' },
      schema: {
        tags,
        summary: 'Record a review: no change (next review one interval on) or revise (opens the next draft)',
        params: idParams,
        body: reviewBody,
        response: { 200: reviewSchema },
      },
    },
    async (request) => recordReview(orgCtx(request), request.params.id, request.body),
  );

  app.get(
    `${base}/:id/disposal`,
    {
      config: { permission: 'document.read' },
      schema: {
        tags,
        summary: "The document's latest disposal proposal or decision",
        params: idParams,
        response: { 200: currentDisposalSchema },
      },
    },
    async (request) => currentDisposal(orgCtx(request), request.params.id),
  );
  app.post(
    `${base}/:id/disposal`,
    {
      config: { permission: 'document.dispose' },
      schema: {
        tags,
        summary: 'Propose disposal of a document whose retention has ended',
        params: idParams,
        body: proposeDisposalBody,
        response: { 200: disposalSchema.nullable() },
      },
    },
    async (request) => proposeDisposal(orgCtx(request), request.params.id, request.body),
  );
  app.post(
    `${base}/:id/disposal/decision`,
    {
      config: { permission: 'document.approve_disposal' },
      schema: {
        tags,
        summary: 'Approve (destroys the text, keeps the hashes) or reject a proposed disposal',
        params: idParams,
        body: decideDisposalBody,
        response: { 200: disposalSchema.nullable() },
      },
    },
    async (request) => decideDisposal(orgCtx(request), request.params.id, request.body),
  );
}
