import type { OrgContext } from '../context.js';
import { EXPORT_ROW_LIMIT } from './register-export.js';
import { answerRecords } from './register-derived.js';
import type { RegisterModule, Values } from './register-module.js';
import { filteredQuery, sortedQuery } from './register-query.js';
import { presentRecord } from './register.service.js';

/** Records get their derived values (a risk's level label) this many at a time while the answer streams. */
const DERIVE_BATCH = 1_000;

/**
 * A whole register in one read (issue 15: integrations, BI tools and spreadsheets read everything): the list's
 * filters, order and read scope, without pages. The rows are read in one query before anything is sent, so a
 * failure is still an ordinary error answer; the records then come in batches, each with its derived values, for
 * the caller to write as they come. Stops at the export limit, like an export.
 */
export async function readAllRecords(ctx: OrgContext, mod: RegisterModule, query: Values) {
  const rows = await sortedQuery(mod, filteredQuery(ctx, mod, query).selectAll(), query)
    .limit(EXPORT_ROW_LIMIT)
    .execute();
  return {
    count: rows.length,
    async *batches(): AsyncGenerator<Values[]> {
      for (let i = 0; i < rows.length; i += DERIVE_BATCH) {
        const chunk = rows.slice(i, i + DERIVE_BATCH).map((r) => presentRecord(mod, r));
        yield await answerRecords(ctx, ctx.db, mod, chunk);
      }
    },
  };
}
