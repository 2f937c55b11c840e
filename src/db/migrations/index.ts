import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation.js';

/** Ordered list of migrations. Append only; never edit a migration that has shipped. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
};
