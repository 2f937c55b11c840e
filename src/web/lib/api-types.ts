/**
 * Types of API answers, each the `z.infer` of the response schema the server declares for its route (the same Zod
 * schema checks the answer in `api.get(path, schema)`): re-exported here for the pages that import them by name.
 */
export type { SessionUser, OrgSummary, OrgDetail, Session } from '../../schema/orgs/session.schema.js';
export type { Member, ApiToken, CreatedToken, Link as LinkItem } from '../../schema/orgs/org.schema.js';
export type { AuditEventItem } from '../../schema/audit/audit-query.js';
export type { AuditVerifyResult as VerifyResult } from '../../schema/audit/signing-key.js';

/** A page of a list: `paginated(item)` of schema/common/primitives.ts. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** A list answered whole: `z.object({ items: z.array(item) })`. */
export interface ItemList<T> {
  items: T[];
}

/** Every register record carries these, plus its own fields. */
export type { RegisterRecord } from '../../schema/register/register-responses.js';
