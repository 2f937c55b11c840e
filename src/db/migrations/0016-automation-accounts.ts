import type { Kysely } from 'kysely';

/**
 * A user is a person (signs in with a password) or an automation account (kind `automation`): a non-person member
 * an admin creates in one organization, which acts only through API tokens an admin issues for it and never signs in.
 * Existing users are people.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('person'))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be undone');
}
