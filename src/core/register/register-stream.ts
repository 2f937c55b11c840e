import { readRawRows } from '../../db/raw-rows.js';
import type { OrgContext } from '../context.js';
import { EXPORT_ROW_LIMIT } from './register-export.js';
import { answerRecords } from './register-derived.js';
import type { RegisterModule, Values } from './register-module.js';
import { filteredQuery, sortedQuery } from './register-query.js';
import { recordsFromRows } from './register-rows.js';

/** Records get their derived values (a risk's level label) this many at a time while the answer streams. */
const DERIVE_BATCH = 5_000;

/**
 * A whole register in one read (issue 15: integrations, BI tools and spreadsheets read everything): the list's
 * filters, order and read scope, without pages. The rows are read in one query before anything is sent, so a
 * failure is still an ordinary error answer; the records then come in batches, each with its derived values, for
 * the caller to write as they come. Stops at the export limit, like an export.
 *
 * The rows are read as arrays and each record is built once from its row (`compileRowBuilder`): at 5,000 risks,
 * objects with forty snake_case keys renamed one by one cost as much as the query itself.
 */
export async function readAllRecords(ctx: OrgContext, mod: RegisterModule, query: Values) {
  const compiled = sortedQuery(mod, filteredQuery(ctx, mod, query).selectAll(), query)
    .limit(EXPORT_ROW_LIMIT)
    .compile();
  const records = recordsFromRows(mod, await readRawRows(ctx.db, compiled));
  return {
    count: records.length,
    async *batches(): AsyncGenerator<Values[]> {
      for (let i = 0; i < records.length; i += DERIVE_BATCH) {
        yield await answerRecords(ctx, ctx.db, mod, records.slice(i, i + DERIVE_BATCH));
      }
    },
  };
}
