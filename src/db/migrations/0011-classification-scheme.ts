import type { Kysely } from 'kysely';

/**
 * An organization's own words for the four classification levels (7.5.3 b: "the organization's scheme"). The
 * levels and what each lets people read are fixed; their names and handling descriptions are the organization's.
 * No row for a level: the default name.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('classification_levels')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('classification_levels_pk', ['org_id', 'level'])
    .execute();
}
