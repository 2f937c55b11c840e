import { sql, type Kysely } from 'kysely';
import { makeAppendOnly, registerBase } from './helpers.js';

/**
 * Controls and risk treatment (27001 6.1.3, Annex A): the organization's chosen Annex A edition, its controls (the
 * edition's, made when it is chosen, and its own custom ones) with their Statement of Applicability line, and the
 * treatment of each risk: the options chosen, the controls determined for it and the expected residual risk.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('control_settings')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organizations.id'))
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('chosen_at', 'text', (c) => c.notNull())
    .addColumn('chosen_by', 'text', (c) => c.references('users.id'))
    .execute();

  await registerBase(db.schema.createTable('controls'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('theme', 'text')
    .addColumn('objective', 'text')
    .addColumn('description', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('applicability', 'text', (c) => c.notNull())
    .addColumn('stated_reason', 'text')
    .addColumn('exclusion_reason', 'text')
    .addColumn('replaced_by_id', 'text', (c) => c.references('controls.id'))
    .addColumn('exclusion_explanation', 'text')
    .addColumn('implementation_status', 'text', (c) => c.notNull())
    .addColumn('planned_date', 'text')
    .addColumn('implementation', 'text')
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .addUniqueConstraint('controls_ref_uq', ['org_id', 'ref'])
    .execute();
  // The SoA reads the controls in catalog order, current ones only (see assets for why the index is partial).
  await sql`CREATE INDEX controls_sort_idx ON controls (org_id, sort_key) WHERE archived_at IS NULL`.execute(db);
  await db.schema
    .createIndex('controls_applicability_idx')
    .on('controls')
    .columns(['org_id', 'applicability', 'archived_at'])
    .execute();

  // The SoA as a versioned document: one record per organization, its content in record_versions.
  await registerBase(db.schema.createTable('statements_of_applicability'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('next_review_date', 'text')
    .addColumn('latest_version', 'integer')
    .addColumn('latest_state', 'text')
    .addColumn('approved_version', 'integer')
    .addUniqueConstraint('statements_of_applicability_ref_uq', ['org_id', 'ref'])
    .execute();

  await registerBase(db.schema.createTable('risk_treatment_plans'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('next_review_date', 'text')
    .addColumn('latest_version', 'integer')
    .addColumn('latest_state', 'text')
    .addColumn('approved_version', 'integer')
    .addUniqueConstraint('risk_treatment_plans_ref_uq', ['org_id', 'ref'])
    .execute();

  // One row per treated risk: its expected residual risk and the version of the treatment as a whole.
  await db.schema
    .createTable('risk_treatments')
    .addColumn('risk_id', 'text', (c) => c.primaryKey().references('risks.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('residual_likelihood', 'integer')
    .addColumn('residual_consequence', 'integer')
    .addColumn('residual_consequence_c', 'integer')
    .addColumn('residual_consequence_i', 'integer')
    .addColumn('residual_consequence_a', 'integer')
    .addColumn('residual_rationale', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('risk_treatments_org_idx').on('risk_treatments').columns(['org_id']).execute();

  await db.schema
    .createTable('risk_treatment_options')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('risk_id', 'text', (c) => c.notNull().references('risks.id'))
    .addColumn('option', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('risk_treatment_options_pk', ['risk_id', 'option'])
    .execute();

  await db.schema
    .createTable('risk_controls')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('risk_id', 'text', (c) => c.notNull().references('risks.id'))
    .addColumn('control_id', 'text', (c) => c.notNull().references('controls.id'))
    .addColumn('effect', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('risk_controls_pk', ['risk_id', 'control_id'])
    .execute();
  // "every risk that needs this control" reads from the control's end
  await db.schema
    .createIndex('risk_controls_control_idx')
    .on('risk_controls')
    .columns(['control_id', 'org_id'])
    .execute();

  // The risk owner's acceptance of the residual risk and approval of the treatment (6.1.3 f), bound to the hash of
  // the treatment read. Kept for good: a changed treatment or a lapsed acceptance calls for a new row.
  await db.schema
    .createTable('risk_acceptances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('risk_id', 'text', (c) => c.notNull().references('risks.id'))
    .addColumn('treatment_version', 'integer', (c) => c.notNull())
    .addColumn('treatment_hash', 'text', (c) => c.notNull())
    .addColumn('residual_level', 'text')
    .addColumn('residual_acceptable', 'integer')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('justification', 'text')
    .addColumn('expires_on', 'text')
    .addColumn('accepted_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('accepted_by_name', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('risk_acceptances_risk_idx')
    .on('risk_acceptances')
    .columns(['org_id', 'risk_id', 'accepted_at'])
    .execute();
  await makeAppendOnly(db, 'risk_acceptances');
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be undone');
}
