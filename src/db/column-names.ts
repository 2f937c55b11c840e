import { CamelCasePlugin } from 'kysely';

/** The connection's CamelCasePlugin, asked for its own mapping (so the two never disagree on `consequenceC`). */
class ColumnNames extends CamelCasePlugin {
  column(field: string): string {
    return this.snakeCase(field);
  }
}
const names = new ColumnNames();

/** The stored column of an application field name: `createdAt` → `created_at`, as every query writes it. */
export const columnOf = (field: string): string => names.column(field);
