import { Kysely, Migrator, type MigrationProvider } from 'kysely';
import type { Db } from './connect.js';
import { migrations } from './migrations/index.js';

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Migrations run on a plain Kysely (no CamelCasePlugin): they speak snake_case SQL directly. */
function migrator(db: Db): Migrator {
  return new Migrator({
    db: db.withoutPlugins() as Kysely<any>,
    provider,
    migrationTableName: 'rampart_migrations',
    migrationLockTableName: 'rampart_migrations_lock',
  });
}

export interface MigrationState {
  applied: number;
  pending: number;
  latest: string | null;
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function migrationState(db: Db): Promise<MigrationState> {
  const all = await migrator(db).getMigrations();
  const applied = all.filter((m) => m.executedAt);
  return { applied: applied.length, pending: all.length - applied.length, latest: applied.at(-1)?.name ?? null };
}
