import type { Kysely } from 'kysely';

/**
 * When a risk's owner last changed. The owner's acceptance of the residual risk (6.1.3 f) is bound to the owner who
 * gave it: one given before the owner changed is outdated, even if ownership later returns to its giver. Null: the
 * owner has not changed since this column was added (the acceptance's giver is still compared with the owner).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('risks').addColumn('owner_changed_at', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be undone');
}
