import type { DatabaseHandle } from '../../src/db/connect.js';
import { buildEvidence } from './evidence-factories.js';
import type { TestOrg } from './factories.js';
import { buildAudit } from './internal-audit-factories.js';
import { buildProcess } from './leadership-factories.js';

/** Dates relative to today, as the API reads them (YYYY-MM-DD). */
export const daysFromToday = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

export const followUpPlan = () => ({
  correction: 'Revoke the leavers’ accounts found in the sample',
  correctiveAction: 'Add the SaaS tools to the leaver checklist and reconcile monthly',
  dueOn: daysFromToday(30),
  verification: 'The audit team samples ten leavers at the next audit',
});

export interface FindingItem {
  id: string;
  version: number;
  title: string;
}

/**
 * An audit (led by the auditor role's user) with one item on requirement 9.2.2.a concluded `conclusion`, with
 * evidence, a sampled record and an object audited linked to it.
 */
export async function auditWithFinding(org: TestOrg, conclusion: string, overrides: Record<string, unknown> = {}) {
  const audit = await buildAudit(org, overrides);
  const a = `/api/v1/orgs/${org.slug}/internal-audits/${audit.id}`;
  const added = await org.as.auditor.post(`${a}/checklist`, {
    title: 'Leavers keep access to SaaS tools',
    requirementKey: '9.2.2.a',
  });
  if (added.statusCode !== 200) throw new Error(`item: ${added.statusCode} ${added.body}`);
  const itemId = (added.json() as { id: string }).id;
  const evidence = await buildEvidence(org.as.contributor, org.slug);
  const sample = await buildProcess(org.as.admin, org.slug);
  const object = await buildProcess(org.as.admin, org.slug);
  for (const [kind, targetType, targetId] of [
    ['evidence', 'evidence', evidence.id],
    ['sample', 'isms_process', sample.id],
    ['object', 'isms_process', object.id],
  ] as const) {
    const l = await org.as.auditor.post(`${a}/checklist/${itemId}/links`, { kind, targetType, targetId });
    if (l.statusCode !== 200) throw new Error(`link: ${l.statusCode} ${l.body}`);
  }
  const item = await org.as.auditor.patch(`${a}/checklist/${itemId}`, {
    conclusion,
    notes: 'Three of ten leavers sampled still had access to the CRM',
    expectedVersion: 1,
  });
  if (item.statusCode !== 200) throw new Error(`conclude: ${item.statusCode} ${item.body}`);
  return {
    audit,
    a,
    item: item.json() as FindingItem,
    evidence,
    sample,
    object,
    raiseUrl: `${a}/checklist/${itemId}/raise`,
  };
}

/** What a refused raise must leave untouched in the organization. */
export async function raiseCounts(handle: DatabaseHandle, orgId: string) {
  const n = async (table: 'nonconformities' | 'improvements' | 'links' | 'auditEvents') =>
    Number(
      (
        await handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('orgId', '=', orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    nonconformities: await n('nonconformities'),
    improvements: await n('improvements'),
    links: await n('links'),
    auditEvents: await n('auditEvents'),
  };
}
