import { sql, type Kysely } from 'kysely';

/**
 * One index per register list, holding the list's default order (register-query.ts `sortedQuery`) after the
 * organization, over current records only: a page of a register is then read in order from the index instead of
 * sorting every row of the organization (at 5,000 risks PostgreSQL spilled that sort to disk on deep pages). The
 * expressions are written out as the queries state them, because an index serves only an ORDER BY whose
 * expressions it matches; `list-order-index.test.ts` reads each register's real list query plan on both
 * databases and fails when a default order and its index drift apart.
 */
const LIST_ORDERS: Record<string, string> = {
  actions: `(case when "due_date" is null then 1 else 0 end), "due_date", "id"`,
  scopes: `(length("ref")), "ref", "id"`,
  issues: `(length("ref")), "ref", "id"`,
  interested_parties: `(length("ref")), "ref", "id"`,
  requirements: `(length("ref")), "ref", "id"`,
  isms_processes: `(length("ref")), "ref", "id"`,
  process_interactions: `(length("ref")), "ref", "id"`,
  isms_roles: `(length("ref")), "ref", "id"`,
  role_assignments: `(length("ref")), "ref", "id"`,
  isms_activities: `"position", "id"`,
  leadership_commitments: `(case when "date" is null then 1 else 0 end), "date" desc, "id"`,
  assets: `(lower("name")), "id"`,
  asset_dependencies: `(length("ref")), "ref", "id"`,
  threats: `(case "group" when 'physical' then 0 when 'natural' then 1 when 'infrastructure_failure' then 2 when 'technical_failure' then 3 when 'human_accidental' then 4 when 'human_deliberate' then 5 when 'compromise_of_functions' then 6 when 'compromise_of_information' then 7 end), (lower("name")), "id"`,
  vulnerabilities: `(case "group" when 'hardware' then 0 when 'software' then 1 when 'network' then 2 when 'personnel' then 3 when 'site' then 4 when 'organization' then 5 end), (lower("name")), "id"`,
  risk_methodologies: `(length("ref")), "ref", "id"`,
  risks: `(case when "priority" is null then 1 else 0 end), "priority", (case when "score" is null then 1 else 0 end), "score" desc, (length("ref")), "ref", "id"`,
  risk_assessments: `"started_on" desc, "id"`,
  reassessment_triggers: `"occurred_on" desc, "id"`,
  isms_risks: `(length("ref")), "ref", "id"`,
  evidence: `(length("ref")) desc, "ref" desc, "id"`,
  controls: `(case when "sort_key" is null then 1 else 0 end), (lower("sort_key")), "id"`,
  statements_of_applicability: `(length("ref")), "ref", "id"`,
  risk_treatment_plans: `(length("ref")), "ref", "id"`,
  documents: `(length("ref")), "ref", "id"`,
};

export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, order] of Object.entries(LIST_ORDERS))
    await sql
      .raw(`create index ${table}_list_idx on ${table} (org_id, ${order}) where archived_at is null`)
      .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be undone');
}
