import { migrationState } from '../../db/migrate.js';
import { healthSchema, type Health } from '../../schema/common/health.schema.js';
import type { App } from '../types.js';

export async function healthRoutes(app: App) {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Liveness, database kind and migration state',
        response: { 200: healthSchema },
      },
    },
    async (): Promise<Health> => {
      const { handle } = app.deps;
      const migrations = await migrationState(handle.db);
      const status = migrations.pending === 0 ? 'ok' : 'migrations-pending';
      return { status, database: handle.kind, migrations };
    },
  );
}
