import { z } from 'zod';

/** A 204: declared so that the OpenAPI document states the status the route really answers instead of a default 200. */
export const noContentSchema = z.null().describe('Done; no content');
/** A 204 as the web client reads it: no body at all. */
export const noAnswerSchema = z.undefined();
