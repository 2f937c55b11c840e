import type { DatabaseKind, DatabaseHandle } from '../../src/db/connect.js';
import { buildApp } from '../../src/server/app.js';
import type { App } from '../../src/server/types.js';
import type { AuthSettings } from '../../src/core/auth/settings.js';
import { openTestDatabase } from './databases.js';

export interface TestEnv {
  app: App;
  handle: DatabaseHandle;
  close(): Promise<void>;
}

/** A server on a fresh database of the given kind. Throttling is relaxed unless a test asks otherwise. */
export async function testEnv(kind: DatabaseKind, auth: Partial<AuthSettings> = {}): Promise<TestEnv> {
  const handle = await openTestDatabase(kind);
  const app = await buildApp({
    handle,
    auth: { maxFailuresPerIp: 10_000, maxFailuresPerAccount: 10_000, ...auth },
    webDir: '/nonexistent',
  });
  return {
    app,
    handle,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}
