import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation.js';
import * as m0002 from './0002-versions-approvals-scope.js';

/** Ordered list of migrations. Append only; never edit a migration that has shipped. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-versions-approvals-scope': m0002,
};
