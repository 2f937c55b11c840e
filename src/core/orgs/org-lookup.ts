import type { Role } from '../../schema/auth/roles.js';
import type { OrgRef } from '../context.js';

/**
 * The organization a request names (by slug) and the caller's role in it, read in the same statement as the
 * caller's session or token, so signing in a request costs one query, not three (issue 15). `found` is undefined
 * when no organization has that slug; `role` is null when the caller is not a member.
 */
export interface OrgLookup {
  slug: string;
  found: { org: OrgRef; role: Role | null } | undefined;
}

/** The columns the sign-in query selects from its left joins on organizations and memberships. */
export interface OrgLookupColumns {
  lookupOrgId: string | null;
  lookupOrgSlug: string | null;
  lookupOrgName: string | null;
  lookupRole: string | null;
}

export function orgLookupFrom(slug: string | undefined, row: OrgLookupColumns): OrgLookup | undefined {
  if (slug === undefined) return undefined;
  const found =
    row.lookupOrgId && row.lookupOrgSlug !== null && row.lookupOrgName !== null
      ? {
          org: { id: row.lookupOrgId, slug: row.lookupOrgSlug, name: row.lookupOrgName },
          role: (row.lookupRole as Role | null) ?? null,
        }
      : undefined;
  return { slug, found };
}
