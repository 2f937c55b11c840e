import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildParty } from '../helpers/context-factories.js';
import { IMPORT_CHUNK_ROWS, writeRows } from '../../src/core/register/register-import-write.js';
import { REGISTERS } from '../../src/core/modules.js';
import type { OrgContext } from '../../src/core/context.js';
import { buildAction, buildOrg, type TestOrg } from '../helpers/factories.js';

describe.each(DIALECTS)('register import writes on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let other: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
    other = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const importInto = (o: TestOrg, collection: string, csv: string, dryRun: boolean) =>
    o.as.contributor.request('POST', `/api/v1/orgs/${o.slug}/${collection}/import?dryRun=${dryRun}`, csv, {
      'content-type': 'text/csv',
    });
  /** The organization's contributor, called in process (writeRows is below the HTTP layer). */
  const contributorContext = (db: OrgContext['db']): OrgContext => ({
    db,
    org: { id: org.id, slug: org.slug, name: org.name },
    role: 'contributor',
    actor: { kind: 'user', userId: org.users.contributor.id, label: 'contributor' },
    registers: REGISTERS,
  });
  const count = async (table: 'actions' | 'requirements', orgId: string) =>
    Number(
      (
        await env.handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('orgId', '=', orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses in the dry run, with the same error as the real run, a record of another organization named by its id', async () => {
    const foreign = await buildParty(other.as.contributor, other.slug);
    const own = await buildParty(org.as.contributor, org.slug);
    const csv = `partyId,Title,Kind\n${own.id},Ours,legal\n${foreign.id},Theirs,legal\n`;
    const dry = await importInto(org, 'requirements', csv, true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json().errors).toEqual([{ line: 3, field: 'partyId', message: expect.any(String) }]);
    const real = await importInto(org, 'requirements', csv, false);
    expect(real.statusCode).toBe(400);
    expect(real.json().errors).toEqual([{ field: 'rows[3].partyId', message: dry.json().errors[0].message }]);
    expect(await count('requirements', org.id)).toBe(0);
  });

  it('writes a large import in chunks: writers of this and other organizations finish while it runs', async () => {
    const rows = 2_000;
    const csv = `Title,Status\n${Array.from({ length: rows }, (_, i) => `Imported ${i},open`).join('\n')}\n`;
    const finished: string[] = [];
    const importing = importInto(org, 'actions', csv, false).then((res) => {
      finished.push('import');
      return res;
    });
    // Once the import has committed its first rows, it is writing; another create must not wait for its end.
    const before = await count('actions', org.id);
    for (let i = 0; i < 6_000 && (await count('actions', org.id)) === before && !finished.length; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(finished).toEqual([]);
    await Promise.all([
      buildAction(org.as.contributor, org.slug, { title: 'Same organization, during the import' }).then(() =>
        finished.push('same organization'),
      ),
      buildAction(other.as.contributor, other.slug, { title: 'Other organization, during the import' }).then(() =>
        finished.push('other organization'),
      ),
    ]);
    const res = await importing;
    expect(res.json()).toMatchObject({ applied: true, created: rows, errors: [] });
    expect(finished).toEqual([expect.stringMatching(/organization/), expect.stringMatching(/organization/), 'import']);
    expect(await count('actions', org.id)).toBe(before + rows + 1);

    const events = await env.handle.db
      .selectFrom('auditEvents')
      .select(['type', 'payload', 'actorId'])
      .where('orgId', '=', org.id)
      .where('type', '=', 'records.imported')
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]!.actorId).toBe(org.users.contributor.id);
    expect(JSON.parse(events[0]!.payload)).toEqual({
      register: 'action',
      rows,
      created: rows,
      updated: 0,
      unchanged: 0,
      status: 'completed',
      stoppedAtLine: null,
    });
  }, 600_000); // thousands of rows, each checked and then written with its audit event: minutes on a loaded machine

  it('stops at a row refused while writing (changed since the check), keeps the chunks before it and says where', async () => {
    const archived = await buildAction(org.as.contributor, org.slug, { title: 'Archived meanwhile' });
    expect((await org.as.admin.del(`/api/v1/orgs/${org.slug}/actions/${archived.id}`)).statusCode).toBe(204);
    const ctx = contributorContext(env.handle.db);
    const mod = REGISTERS.byEntity('action')!;
    const rows = Array.from({ length: IMPORT_CHUNK_ROWS + 50 }, (_, i) => ({
      line: i + 2,
      values: { title: `Chunked ${i}`, status: 'open' },
    }));
    rows.splice(IMPORT_CHUNK_ROWS + 10, 0, { line: 9_999, id: archived.id, values: { title: 'Renamed' } } as never);
    const before = await count('actions', org.id);

    const checked = await writeRows(ctx, mod, rows, { commit: false, maxIssues: 100 });
    expect(checked.issues).toEqual([{ line: 9_999, field: 'row', message: expect.stringContaining('archived') }]);
    expect(await count('actions', org.id)).toBe(before);

    const written = await writeRows(ctx, mod, rows, { commit: true, maxIssues: 1 });
    expect(written).toMatchObject({ created: IMPORT_CHUNK_ROWS, updated: 0, stoppedAt: rows[IMPORT_CHUNK_ROWS]!.line });
    expect(await count('actions', org.id)).toBe(before + IMPORT_CHUNK_ROWS);
  });

  it("reserves a chunk's references at once, in row order, gives back those of a refused chunk, and writes each row with one statement plus a few per chunk", async () => {
    let statements = 0;
    const counted = env.handle.db.withPlugin({
      transformQuery: (args) => {
        statements++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const ctx = contributorContext(counted);
    const mod = REGISTERS.byEntity('action')!;
    const last = async () =>
      Number(
        (
          await env.handle.db
            .selectFrom('refCounters')
            .select('nextValue')
            .where('orgId', '=', org.id)
            .where('prefix', '=', mod.def.refPrefix)
            .executeTakeFirst()
        )?.nextValue ?? 0,
      );
    const rows = Array.from({ length: 2 * IMPORT_CHUNK_ROWS + 30 }, (_, i) => ({
      line: i + 2,
      values: { title: `Reserved ${i}`, status: 'open' },
    }));
    const start = await last();

    // A check run reserves and gives back: the counter is where it was.
    await writeRows(ctx, mod, rows, { commit: false, maxIssues: 10 });
    expect(await last()).toBe(start);

    statements = 0;
    const written = await writeRows(ctx, mod, rows, { commit: true, maxIssues: 1 });
    expect(written).toMatchObject({ created: rows.length, updated: 0 });
    const chunks = Math.ceil(rows.length / IMPORT_CHUNK_ROWS);
    // One insert per row; the reference counter, the organization's lock and the audit append once per chunk
    // (the audit append is a few statements for every 500 events). Row by row it was six statements a row.
    expect(statements).toBeLessThanOrEqual(rows.length + chunks * 12);
    expect(await last()).toBe(start + rows.length);

    const made = await env.handle.db
      .selectFrom('actions')
      .select(['id', 'ref', 'title'])
      .where('orgId', '=', org.id)
      .where('title', 'like', 'Reserved %')
      .execute();
    const refOf = new Map(made.map((m) => [m.title, m.ref]));
    const expected = rows.map((_, i) => `${mod.def.refPrefix}-${String(start + 1 + i).padStart(3, '0')}`);
    expect(rows.map((r) => refOf.get(r.values.title))).toEqual(expected);

    // Each record has its own creation event, carrying its reference, and the chain still verifies.
    const events = await env.handle.db
      .selectFrom('auditEvents')
      .select(['entityId', 'payload'])
      .where('orgId', '=', org.id)
      .where('type', '=', 'record.created')
      .where(
        'entityId',
        'in',
        made.map((m) => m.id),
      )
      .execute();
    expect(events).toHaveLength(rows.length);
    const refById = new Map(made.map((m) => [m.id, m.ref]));
    for (const e of events) expect(JSON.parse(e.payload).ref).toBe(refById.get(e.entityId!));
    const verify = await org.as.auditor.get(`/api/v1/orgs/${org.slug}/audit/verify`);
    expect(verify.statusCode).toBe(200);
    expect(verify.json()).toMatchObject({ ok: true });
  }, 600_000);
});
