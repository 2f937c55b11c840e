import type { OrgContext } from '../../src/core/context.js';
import { loadDemo } from '../../src/core/demo/demo.service.js';
import { REGISTERS } from '../../src/core/modules.js';
import type { DatabaseHandle, DatabaseKind } from '../../src/db/connect.js';
import { openTestDatabase } from './databases.js';

/** A fresh database of the given kind with the demo organization loaded, and a viewer's context in Example Ltd. */
export async function openDemo(kind: DatabaseKind): Promise<{ handle: DatabaseHandle; ctx: OrgContext }> {
  const handle = await openTestDatabase(kind);
  await loadDemo(handle.db);
  const org = await handle.db
    .selectFrom('organizations')
    .select(['id', 'slug', 'name'])
    .where('slug', '=', 'example')
    .executeTakeFirstOrThrow();
  const ctx: OrgContext = {
    db: handle.db,
    org,
    role: 'viewer',
    actor: { kind: 'system', userId: null, label: 'test' },
    registers: REGISTERS,
  };
  return { handle, ctx };
}
