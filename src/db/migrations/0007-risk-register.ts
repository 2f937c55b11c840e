import type { Kysely } from 'kysely';
import { makeAppendOnly, registerBase } from './helpers.js';

/**
 * Information security risk assessment (27001 6.1.2, 8.2): the methodology (a versioned record), the risk
 * register with its evaluation, the assets a risk bears on, the record of every re-scoring, assessment cycles with
 * their frozen snapshots, and triggers that call for reassessment.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await registerBase(db.schema.createTable('risk_methodologies'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('next_review_date', 'text')
    .addColumn('latest_version', 'integer')
    .addColumn('latest_state', 'text')
    .addColumn('approved_version', 'integer')
    .addUniqueConstraint('risk_methodologies_ref_uq', ['org_id', 'ref'])
    .execute();

  await registerBase(db.schema.createTable('risks'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('approach', 'text', (c) => c.notNull())
    .addColumn('risk_source', 'text')
    .addColumn('event', 'text')
    .addColumn('cause', 'text')
    .addColumn('consequence_description', 'text')
    .addColumn('threat_id', 'text', (c) => c.references('threats.id'))
    .addColumn('vulnerability_id', 'text', (c) => c.references('vulnerabilities.id'))
    .addColumn('affects_confidentiality', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('affects_integrity', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('affects_availability', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('existing_controls', 'text')
    .addColumn('likelihood', 'integer')
    .addColumn('consequence', 'integer')
    .addColumn('consequence_c', 'integer')
    .addColumn('consequence_i', 'integer')
    .addColumn('consequence_a', 'integer')
    .addColumn('rationale', 'text')
    .addColumn('consequence_level', 'integer')
    .addColumn('score', 'integer')
    .addColumn('level', 'text')
    .addColumn('level_rank', 'integer')
    .addColumn('acceptable', 'integer')
    .addColumn('priority_override', 'integer')
    .addColumn('priority', 'integer')
    .addColumn('methodology_version', 'integer')
    .addColumn('evaluated_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addUniqueConstraint('risks_ref_uq', ['org_id', 'ref'])
    .execute();
  // The evaluated list: current risks by priority; the heat map groups by cell; filters by owner and level.
  await db.schema
    .createIndex('risks_priority_idx')
    .on('risks')
    .columns(['org_id', 'archived_at', 'priority', 'score'])
    .execute();
  await db.schema
    .createIndex('risks_cell_idx')
    .on('risks')
    .columns(['org_id', 'likelihood', 'consequence_level'])
    .execute();
  await db.schema.createIndex('risks_owner_idx').on('risks').columns(['org_id', 'owner_id']).execute();
  await db.schema.createIndex('risks_level_idx').on('risks').columns(['org_id', 'level']).execute();

  await db.schema
    .createTable('risk_assets')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('risk_id', 'text', (c) => c.notNull().references('risks.id'))
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('risk_assets_pk', ['risk_id', 'asset_id'])
    .execute();
  await db.schema.createIndex('risk_assets_asset_idx').on('risk_assets').columns(['org_id', 'asset_id']).execute();

  // What each approval of a methodology version did to the risks: kept for good, like the audit trail.
  await db.schema
    .createTable('risk_rescores')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('methodology_id', 'text', (c) => c.notNull().references('risk_methodologies.id'))
    .addColumn('from_version', 'integer')
    .addColumn('to_version', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('changed', 'integer', (c) => c.notNull())
    .addColumn('crossed', 'integer', (c) => c.notNull())
    .addColumn('moves', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('risk_rescores_org_idx').on('risk_rescores').columns(['org_id', 'created_at']).execute();
  await makeAppendOnly(db, 'risk_rescores');

  await registerBase(db.schema.createTable('risk_assessments'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('scope_description', 'text')
    .addColumn('scope_id', 'text', (c) => c.references('scopes.id'))
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('planned_end', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('notes', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('methodology_version', 'integer')
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text', (c) => c.references('users.id'))
    .addColumn('risk_count', 'integer')
    .addUniqueConstraint('risk_assessments_ref_uq', ['org_id', 'ref'])
    .execute();

  // The frozen result of a closed assessment: one row per risk, never changed or deleted.
  await db.schema
    .createTable('risk_assessment_entries')
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('risk_assessments.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('risk_id', 'text', (c) => c.notNull().references('risks.id'))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('owner_label', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('likelihood', 'integer')
    .addColumn('consequence_level', 'integer')
    .addColumn('score', 'integer')
    .addColumn('level', 'text')
    .addColumn('level_rank', 'integer')
    .addColumn('acceptable', 'integer')
    .addColumn('priority', 'integer')
    .addColumn('methodology_version', 'integer')
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('risk_assessment_entries_pk', ['assessment_id', 'risk_id'])
    .execute();
  await makeAppendOnly(db, 'risk_assessment_entries');

  await registerBase(db.schema.createTable('reassessment_triggers'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addUniqueConstraint('reassessment_triggers_ref_uq', ['org_id', 'ref'])
    .execute();
  await db.schema
    .createTable('reassessment_trigger_risks')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('trigger_id', 'text', (c) => c.notNull().references('reassessment_triggers.id'))
    .addColumn('risk_id', 'text', (c) => c.notNull().references('risks.id'))
    .addPrimaryKeyConstraint('reassessment_trigger_risks_pk', ['trigger_id', 'risk_id'])
    .execute();
  await db.schema
    .createIndex('reassessment_trigger_risks_risk_idx')
    .on('reassessment_trigger_risks')
    .columns(['org_id', 'risk_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('0007-risk-register cannot be reverted: migrations only move forward');
}
