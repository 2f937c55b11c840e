import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/core/demo/demo.service.js';
import { sha256Of } from '../../src/core/evidence/file-blobs.js';
import type { DatabaseHandle } from '../../src/db/connect.js';
import { DIALECTS, openTestDatabase } from '../helpers/databases.js';

describe.each(DIALECTS)('demo evidence of Example Ltd on %s', (kind) => {
  let handle: DatabaseHandle;
  let orgId: string;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    await loadDemo(handle.db);
    orgId = (
      await handle.db.selectFrom('organizations').select('id').where('slug', '=', 'example').executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => handle?.close());

  it('files a PDF, a PNG, a CSV and texts, each stored under the hash of its content', async () => {
    const evidence = await handle.db.selectFrom('evidence').selectAll().where('orgId', '=', orgId).execute();
    expect(new Set(evidence.map((e) => e.fileType))).toEqual(new Set(['pdf', 'png', 'csv', 'txt']));
    const blobs = await handle.db
      .selectFrom('fileBlobs')
      .select(['sha256', 'content'])
      .where('orgId', '=', orgId)
      .execute();
    for (const e of evidence) {
      const blob = blobs.find((b) => b.sha256 === e.sha256);
      expect(blob, e.fileName).toBeTruthy();
      expect(sha256Of(Buffer.from(blob!.content))).toBe(e.sha256);
    }
    expect(
      Buffer.from(blobs.find((b) => b.sha256 === evidence.find((e) => e.fileType === 'pdf')!.sha256)!.content)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('attaches evidence to actions and the scope, and shows an expired certificate superseded by its renewal', async () => {
    const links = await handle.db
      .selectFrom('links')
      .select(['fromType', 'toType'])
      .where('orgId', '=', orgId)
      .where('kind', '=', 'evidence')
      .execute();
    // (the documents demo attaches the current certificate to the external document too)
    expect(new Set(links.map((l) => l.toType))).toEqual(new Set(['action', 'scope', 'document']));
    const certs = await handle.db
      .selectFrom('evidence')
      .selectAll()
      .where('orgId', '=', orgId)
      .where('title', 'like', 'Cloud provider%')
      .orderBy('createdAt')
      .execute();
    expect(certs).toHaveLength(2);
    expect(certs[0]!.supersededById).toBe(certs[1]!.id);
    expect(certs[0]!.validUntil! < new Date().toISOString().slice(0, 10)).toBe(true);
    const expiredCurrent = await handle.db
      .selectFrom('evidence')
      .select('id')
      .where('orgId', '=', orgId)
      .where('validUntil', '<', new Date().toISOString().slice(0, 10))
      .where('supersededById', 'is', null)
      .execute();
    expect(expiredCurrent.length).toBeGreaterThanOrEqual(1);
  });
});
