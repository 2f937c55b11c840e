import { openSqlite } from '../db/connect.js';
import { buildApp } from './app.js';

/** The OpenAPI document as the server describes itself (built on a throwaway in-memory database). */
export async function openApiDocument(): Promise<string> {
  const handle = openSqlite(':memory:');
  const app = await buildApp({ handle, webDir: '/nonexistent' });
  try {
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
    await handle.close();
  }
}
