import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, DIALECTS } from '../helpers/databases.js';
import type { DatabaseHandle } from '../../src/db/connect.js';
import type { OrgContext } from '../../src/core/context.js';
import { REGISTERS } from '../../src/core/modules.js';
import { filteredQuery, sortedQuery } from '../../src/core/register/register-query.js';

/**
 * Every register's default list page is read in order from an index (migration 0017), never by sorting all the
 * organization's rows. The query is the one `listRecords` runs (filteredQuery + sortedQuery), so changing a
 * register's default order without its index fails here. PostgreSQL is asked with sorting disabled, so that even
 * on an empty table it takes the index when one can give the order, and sorts only when none can.
 */
describe.each(DIALECTS)('register lists ordered by an index on %s', (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
  });
  afterAll(() => handle?.close());

  const ctxOf = (db: DatabaseHandle['db']): OrgContext => ({
    db,
    org: { id: 'org-1', slug: 'org', name: 'Org' },
    role: 'admin',
    actor: { kind: 'user', userId: 'user-1', label: 'admin' },
    registers: REGISTERS,
  });

  async function plan(db: DatabaseHandle['db'], table: string): Promise<string[]> {
    const mod = REGISTERS.all.find((m) => m.def.table === table)!;
    const page = sortedQuery(mod, filteredQuery(ctxOf(db), mod, {}).selectAll(), {})
      .limit(25)
      .offset(50)
      .compile();
    const explain = kind === 'sqlite' ? 'explain query plan ' : 'explain ';
    const rows = await db.executeQuery<Record<string, unknown>>(
      CompiledQuery.raw(explain + page.sql, [...page.parameters]),
    );
    return rows.rows.map((r) => String(r.detail ?? r['QUERY PLAN'] ?? JSON.stringify(r)));
  }

  it.each(REGISTERS.all.map((m) => m.def.table))(
    '%s: the default page comes from its list index, unsorted',
    async (table) => {
      const lines =
        kind === 'sqlite'
          ? await plan(handle.db, table)
          : await handle.db.transaction().execute(async (trx) => {
              await trx.executeQuery(CompiledQuery.raw('set local enable_sort = off'));
              await trx.executeQuery(CompiledQuery.raw('set local enable_seqscan = off'));
              return plan(trx, table);
            });
      const text = lines.join('\n');
      // (a register of one current record per organization may be read through its one-current index: SQLite knows
      // from it that at most one row comes back, so no order is needed)
      expect(text).toMatch(new RegExp(`${table}_(list_idx|one_current)`));
      if (kind === 'sqlite') expect(text).not.toMatch(/TEMP B-TREE FOR .*ORDER BY/);
      else expect(text).not.toMatch(/(^|\s|->\s*)(Incremental )?Sort\b/m);
    },
  );
});
