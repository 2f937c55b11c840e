import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgContext } from '../../src/core/context.js';
import { DomainError } from '../../src/core/errors.js';
import { raiseNonconformity } from '../../src/core/improvement/raise-nonconformity.js';
import { REGISTERS } from '../../src/core/modules.js';
import { inOrgTransaction } from '../../src/core/transaction.js';
import { DIALECTS } from '../helpers/databases.js';
import { testEnv, type TestEnv } from '../helpers/app.js';
import { buildOrg, writeCounts, type TestOrg } from '../helpers/factories.js';
import { buildIsmsRisk } from '../helpers/isms-risk-factories.js';

/**
 * `raiseNonconformity`, the entry point other modules call (audit findings next; incidents, measures, objectives
 * later). No source module exists yet on this branch, so an ISMS risk stands in for the record it is raised from.
 */
describe.each(DIALECTS)('raising a nonconformity from another record on %s', (kind) => {
  let env: TestEnv;
  let org: TestOrg;
  let other: TestOrg;
  beforeAll(async () => {
    env = await testEnv(kind);
    org = await buildOrg(env.app, env.handle);
    other = await buildOrg(env.app, env.handle);
  });
  afterAll(() => env?.close());

  const ctxOf = (o: TestOrg): OrgContext => ({
    db: env.handle.db,
    org: { id: o.id, slug: o.slug, name: o.name },
    role: 'auditor',
    actor: { kind: 'user', userId: o.users.auditor.id, label: 'auditor' },
    registers: REGISTERS,
  });
  const fieldsOf = async (p: Promise<unknown>) => {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DomainError);
    return ((err as DomainError).errors ?? []).map((e) => e.field);
  };

  it('creates the nonconformity, reported, with its source and links and its audit event, in the caller transaction', async () => {
    const source = await buildIsmsRisk(org.as.contributor, org.slug);
    const concerned = await buildIsmsRisk(org.as.contributor, org.slug);
    const ctx = ctxOf(org);
    const nc = await inOrgTransaction(ctx, (trx) =>
      raiseNonconformity(ctx, trx, {
        source: 'internal_audit',
        sourceType: 'isms_risk',
        sourceId: source.id,
        title: 'Leavers keep SaaS access',
        requirementKey: '9.2.2.a',
        grade: 'minor',
        foundBy: org.users.auditor.id,
        links: [
          { type: 'isms_risk', id: concerned.id },
          { type: 'isms_risk', id: source.id },
        ],
      }),
    );
    expect(nc).toMatchObject({
      status: 'reported',
      sourceType: 'isms_risk',
      sourceId: source.id,
      requirementKey: '9.2.2.a',
      grade: 'minor',
    });
    const links = await env.handle.db
      .selectFrom('links')
      .select(['toId', 'kind'])
      .where('orgId', '=', org.id)
      .where('fromId', '=', nc.id)
      .orderBy('kind')
      .execute();
    expect(links).toEqual([
      { toId: concerned.id, kind: 'concerns' },
      { toId: source.id, kind: 'raised_from' },
    ]);
    const raised = await env.handle.db
      .selectFrom('auditEvents')
      .select('payload')
      .where('entityId', '=', nc.id)
      .where('type', '=', 'nonconformity.raised')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(raised.payload)).toMatchObject({ ref: nc.ref, sourceRef: source.ref });
  });

  it('writes nothing when the caller transaction fails after it', async () => {
    const source = await buildIsmsRisk(org.as.contributor, org.slug);
    const ctx = ctxOf(org);
    const before = await writeCounts(env.handle);
    await expect(
      inOrgTransaction(ctx, async (trx) => {
        await raiseNonconformity(ctx, trx, {
          source: 'incident',
          sourceType: 'isms_risk',
          sourceId: source.id,
          title: 'Rolled back',
        });
        throw new Error('the caller fails');
      }),
    ).rejects.toThrow('the caller fails');
    expect(await writeCounts(env.handle)).toEqual(before);
  });

  it('refuses bad input naming the field: unknown requirement, ungraded audit finding, foreign source and link', async () => {
    const ctx = ctxOf(org);
    const mine = await buildIsmsRisk(org.as.contributor, org.slug);
    const theirs = await buildIsmsRisk(other.as.contributor, other.slug);
    const raise = (input: Parameters<typeof raiseNonconformity>[2]) =>
      inOrgTransaction(ctx, (trx) => raiseNonconformity(ctx, trx, input));
    const base = { source: 'incident', sourceType: 'isms_risk', sourceId: mine.id, title: 'x' } as const;
    const before = await writeCounts(env.handle);
    expect(await fieldsOf(raise({ ...base, requirementKey: '99.9' }))).toEqual(['input.requirementKey']);
    expect(await fieldsOf(raise({ ...base, source: 'internal_audit' }))).toEqual(['input.grade']);
    expect(await fieldsOf(raise({ ...base, sourceId: theirs.id }))).toEqual(['input.sourceId']);
    expect(await fieldsOf(raise({ ...base, sourceType: 'nothing' }))).toEqual(['input.sourceType']);
    expect(await fieldsOf(raise({ ...base, links: [{ type: 'isms_risk', id: theirs.id }] }))).toEqual([
      'input.links.0.id',
    ]);
    expect(await writeCounts(env.handle)).toEqual(before);
  });
});
