import { sql, type Kysely } from 'kysely';
import { registerBase } from './helpers.js';

/**
 * Monitoring and measurement (27001 9.1): the measures register, their results and the evaluations of their
 * analysis periods. Ids are UUIDs. The rules that must hold with twenty writers at once are indexes:
 * - one current result per measure and period (a correction supersedes the current one: `superseded_by` is set on
 *   the old row in the same transaction as the new row is inserted);
 * - one evaluation per measure and analysis period;
 * - one measure per built-in key in an organization (switching a built-in on twice makes one measure).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await registerBase(db.schema.createTable('measures'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('information_need', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('object_measured', 'text')
    .addColumn('attribute', 'text')
    .addColumn('method', 'text')
    .addColumn('base_measures', 'text')
    .addColumn('formula', 'text')
    .addColumn('unit', 'text')
    .addColumn('target_value', 'double precision', (c) => c.notNull())
    .addColumn('target_direction', 'text', (c) => c.notNull())
    .addColumn('amber_threshold', 'double precision')
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('analysis_frequency', 'text')
    .addColumn('reporting_frequency', 'text')
    .addColumn('measured_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('analysed_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('reported_to', 'text')
    .addColumn('built_in_key', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('latest_value', 'double precision')
    .addColumn('latest_period', 'text')
    .addColumn('latest_rag', 'text')
    .addUniqueConstraint('measures_ref_uq', ['org_id', 'ref'])
    .execute();
  await db.schema.createIndex('measures_org_status_idx').on('measures').columns(['org_id', 'status']).execute();
  await db.schema
    .createIndex('measures_one_per_builtin')
    .on('measures')
    .columns(['org_id', 'built_in_key'])
    .unique()
    .where(sql.ref('built_in_key'), 'is not', null)
    .execute();
  // the default list order, as 0017 does for every register (list-order-index.test.ts)
  await sql
    .raw(
      `create index measures_list_idx on measures (org_id, (length("ref")) desc, "ref" desc, "id") where archived_at is null`,
    )
    .execute(db);

  await db.schema
    .createTable('measure_results')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('measure_id', 'text', (c) => c.notNull().references('measures.id'))
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('measured_on', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('base_values', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('rag', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('evidence_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('evaluated_at', 'text')
    .addColumn('superseded_by', 'text')
    .execute();
  await db.schema
    .createIndex('measure_results_one_current')
    .on('measure_results')
    .columns(['measure_id', 'period_key'])
    .unique()
    .where(sql.ref('superseded_by'), 'is', null)
    .execute();
  await db.schema
    .createIndex('measure_results_org_measure_idx')
    .on('measure_results')
    .columns(['org_id', 'measure_id', 'period_key'])
    .execute();

  await db.schema
    .createTable('measure_evaluations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('measure_id', 'text', (c) => c.notNull().references('measures.id'))
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('rag', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('action_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('result_count', 'integer', (c) => c.notNull())
    .addColumn('evaluated_by', 'text', (c) => c.references('users.id'))
    .addColumn('evaluated_at', 'text', (c) => c.notNull())
    .addColumn('nonconformity_id', 'text', (c) => c.references('nonconformities.id'))
    .addUniqueConstraint('measure_evaluations_period_uq', ['measure_id', 'period_key'])
    .execute();
  await db.schema
    .createIndex('measure_evaluations_org_measure_idx')
    .on('measure_evaluations')
    .columns(['org_id', 'measure_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be undone');
}
