import { sql, type Kysely } from 'kysely';

/**
 * Rules of the form "one current X per organization" held only as a check in application code before the insert;
 * on PostgreSQL two requests could both pass the check. Writers now take the organization's lock first, and the
 * database holds each rule as a partial unique index as well, so no write path can break it.
 *
 * An installation where a race already made duplicates cannot take the index: the migration stops and names them,
 * so a person decides which one to archive (nothing is archived or deleted here).
 */
const RULES = [
  {
    index: 'statements_of_applicability_one_current',
    table: 'statements_of_applicability',
    columns: ['org_id'],
    where: 'archived_at is null',
    what: 'Statements of Applicability',
  },
  {
    index: 'risk_treatment_plans_one_current',
    table: 'risk_treatment_plans',
    columns: ['org_id'],
    where: 'archived_at is null',
    what: 'risk treatment plans',
  },
  {
    index: 'risk_methodologies_one_current',
    table: 'risk_methodologies',
    columns: ['org_id'],
    where: 'archived_at is null',
    what: 'risk methodologies',
  },
  {
    index: 'documents_one_security_policy',
    table: 'documents',
    columns: ['org_id'],
    where: 'is_security_policy = 1 and archived_at is null',
    what: 'information security policies',
  },
  {
    index: 'process_interactions_one_per_pair',
    table: 'process_interactions',
    columns: ['org_id', 'from_process_id', 'to_process_id'],
    where: 'archived_at is null',
    what: 'interactions between the same two processes',
  },
  {
    index: 'asset_dependencies_one_per_pair',
    table: 'asset_dependencies',
    columns: ['org_id', 'supporting_asset_id', 'supported_asset_id'],
    where: 'archived_at is null',
    what: 'dependencies between the same two assets',
  },
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const rule of RULES) {
    const cols = sql.join(rule.columns.map((c) => sql.ref(c)));
    const found = await sql<{ ref: string }>`
      select t.ref from ${sql.table(rule.table)} t
      where ${sql.raw(rule.where.replace(/\b(archived_at|is_security_policy)\b/g, 't.$1'))}
        and exists (
          select 1 from ${sql.table(rule.table)} o
          where o.id <> t.id and ${sql.raw(rule.where.replace(/\b(archived_at|is_security_policy)\b/g, 'o.$1'))}
            and ${sql.join(
              rule.columns.map((c) => sql`o.${sql.ref(c)} = t.${sql.ref(c)}`),
              sql` and `,
            )}
        )
      order by t.ref`.execute(db);
    if (found.rows.length) {
      throw new Error(
        `Duplicate ${rule.what} in one organization (${found.rows.map((r) => r.ref).join(', ')}): archive all but one of them, then start Rampart again`,
      );
    }
    await sql`create unique index ${sql.ref(rule.index)} on ${sql.table(rule.table)} (${cols}) where ${sql.raw(rule.where)}`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const rule of RULES) await db.schema.dropIndex(rule.index).execute();
}
