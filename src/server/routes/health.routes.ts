import { migrationState } from '../../db/migrate.js';
import type { App } from '../types.js';

export async function healthRoutes(app: App) {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: { tags: ['system'], summary: 'Liveness, database kind and migration state' },
    },
    async () => {
      const { handle } = app.deps;
      const migrations = await migrationState(handle.db);
      return { status: migrations.pending === 0 ? 'ok' : 'migrations-pending', database: handle.kind, migrations };
    },
  );
}
