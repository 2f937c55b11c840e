import { z } from 'zod';

/**
 * Success answers that carry no schema of their own yet, declared so that the OpenAPI document states the status
 * the route really answers (201, 204) instead of a default 200.
 */
export const noContentSchema = z.null().describe('Done; no content');
/** Created; the record's shape is not yet declared (a later step gives every route its response schema). */
export const createdSchema = z.unknown().describe('Created');
