import { sql, type Kysely } from 'kysely';

/**
 * The list indexes (as 0017 made for every register) of the registers issue 17 added: a page of management reviews,
 * their decisions or treatment results is read in its default order from an index instead of sorting every row of
 * the organization. The expressions are those `sortedQuery` writes (list-order-index.test.ts checks the plans).
 * 0027 indexed the treatment results oldest first, but their list shows the newest first: that index is replaced.
 */
const LIST_ORDERS: Record<string, string> = {
  management_reviews: `"planned_date" desc, "id"`,
  management_review_decisions: `(length("ref")), "ref", "id"`,
  treatment_results: `(length("ref")) desc, "ref" desc, "id"`,
};

export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop index treatment_results_list_idx`.execute(db);
  for (const [table, order] of Object.entries(LIST_ORDERS))
    await sql
      .raw(`create index ${table}_list_idx on ${table} (org_id, ${order}) where archived_at is null`)
      .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of Object.keys(LIST_ORDERS)) await sql.raw(`drop index ${table}_list_idx`).execute(db);
  await sql`create index treatment_results_list_idx on treatment_results (org_id, (length("ref")), "ref", "id") where archived_at is null`.execute(
    db,
  );
}
