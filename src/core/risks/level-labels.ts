import type { Db } from '../../db/connect.js';
import type { Methodology } from '../../schema/risks/methodology.schema.js';
import type { OrgContext } from '../context.js';
import { methodologiesOfVersions, methodologyRecord } from './methodology.service.js';

/** A level key's name in one methodology; the key itself when the methodology does not name it. */
export function labelIn(m: Methodology | undefined, key: string | null): string | null {
  if (key === null) return null;
  return m?.levels.find((l) => l.key === key)?.label ?? key;
}

/**
 * Names of level keys by the methodology version each level was evaluated with (frozen assessment entries, the
 * register as it stands): two queries whatever the number of levels and versions.
 */
export async function levelLabeller(ctx: OrgContext, db: Db, versions: Iterable<number | null>) {
  const record = await methodologyRecord(ctx, db);
  const wanted = [...new Set(versions)].filter((v): v is number => v !== null);
  const byVersion = record ? await methodologiesOfVersions(ctx, db, record.id, wanted) : new Map<number, Methodology>();
  return (version: number | null, key: string | null) =>
    labelIn(version === null ? undefined : byVersion.get(version), key);
}
