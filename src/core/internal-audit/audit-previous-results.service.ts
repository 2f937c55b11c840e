import type { Db } from '../../db/connect.js';
import { FINDING_CONCLUSIONS, type PreviousResults } from '../../schema/internal-audit/internal-audit.register.js';
import { clauseLabel } from '../../schema/internal-audit/isms-requirements.js';
import { parseClauses } from '../../schema/leadership/isms-clauses.js';
import type { OrgContext } from '../context.js';
import { clauseCovers } from './audit-coverage.service.js';
import { loadAudit, scopeProcessIds } from './audit-team.service.js';

/** At most this many open nonconformities are listed (the oldest found first). */
const OPEN_NC_LIMIT = 500;

type Reason = PreviousResults['openNonconformities'][number]['reasons'][number];

/** The controls this audit covers: those on its checklist (generated from the SoA and the key controls, or added). */
async function checklistControlIds(ctx: OrgContext, db: Db, auditId: string) {
  const rows = await db
    .selectFrom('auditChecklistItems')
    .select('controlId')
    .where('orgId', '=', ctx.org.id)
    .where('auditId', '=', auditId)
    .where('controlId', 'is not', null)
    .execute();
  return rows.flatMap((r) => (r.controlId ? [r.controlId] : []));
}

/**
 * Nonconformities still open that this audit follows up (27003 9.2, performing the audit: "the need to follow up on
 * previously reported nonconformities"): those raised from other internal audits, and those linked (either way) to a
 * process in this audit's scope or a control on its checklist. Each says why it is listed.
 */
async function openNonconformities(ctx: OrgContext, db: Db, auditId: string) {
  const processIds = await scopeProcessIds(ctx, db, auditId);
  const controlIds = await checklistControlIds(ctx, db, auditId);
  const touching = async (type: string, ids: string[]) => {
    if (!ids.length) return new Set<string>();
    const rows = await db
      .selectFrom('links')
      .select(['fromType', 'fromId', 'toId'])
      .where('orgId', '=', ctx.org.id)
      .where((eb) =>
        eb.or([
          eb.and([eb('fromType', '=', 'nonconformity'), eb('toType', '=', type), eb('toId', 'in', ids)]),
          eb.and([eb('toType', '=', 'nonconformity'), eb('fromType', '=', type), eb('fromId', 'in', ids)]),
        ]),
      )
      .execute();
    return new Set(rows.map((r) => (r.fromType === 'nonconformity' ? r.fromId : r.toId)));
  };
  const byProcess = await touching('isms_process', processIds);
  const byControl = await touching('control', controlIds);
  const linked = [...new Set([...byProcess, ...byControl])];
  const rows = await db
    .selectFrom('nonconformities as n')
    .leftJoin('internalAudits as a', (j) =>
      j.onRef('a.id', '=', 'n.sourceId').on('n.sourceType', '=', 'internal_audit').on('a.orgId', '=', ctx.org.id),
    )
    .select(['n.id', 'n.ref', 'n.title', 'n.status', 'n.grade', 'n.requirementKey', 'n.foundOn', 'n.sourceType'])
    .select(['n.sourceId', 'a.ref as auditRef'])
    .where('n.orgId', '=', ctx.org.id)
    .where('n.archivedAt', 'is', null)
    .where('n.status', '!=', 'closed')
    .where((eb) =>
      eb.or([
        eb.and([eb('n.sourceType', '=', 'internal_audit'), eb('n.sourceId', '!=', auditId)]),
        ...(linked.length ? [eb('n.id', 'in', linked)] : []),
      ]),
    )
    .orderBy('n.foundOn')
    .orderBy('n.ref')
    .limit(OPEN_NC_LIMIT)
    .execute();
  return rows.map((n) => {
    const reasons: Reason[] = [];
    if (n.sourceType === 'internal_audit' && n.sourceId !== auditId) reasons.push('earlier_audit');
    if (byProcess.has(n.id)) reasons.push('scope_process');
    if (byControl.has(n.id)) reasons.push('scope_control');
    return {
      id: n.id,
      ref: n.ref,
      title: n.title,
      status: n.status,
      grade: n.grade,
      requirementKey: n.requirementKey,
      clause: n.requirementKey ? clauseLabel(n.requirementKey) : null,
      foundOn: n.foundOn,
      auditRef: n.auditRef,
      reasons,
    };
  });
}

/**
 * What earlier audits left to follow up in this audit (27001 9.2.2; 27003 9.2 "performing the audit": results of
 * previous audits and previously reported nonconformities): the previous completed audit, the findings of completed
 * audits on the clauses (or, with the SoA as a criterion, the controls) this audit covers, with what was raised from
 * them, and the nonconformities still open (see openNonconformities).
 */
export async function previousResults(ctx: OrgContext, auditId: string): Promise<PreviousResults> {
  const audit = await loadAudit(ctx, ctx.db, auditId);
  const clauses = parseClauses(audit.clauses ?? '').clauses;
  const earlier = await ctx.db
    .selectFrom('internalAudits')
    .select(['id', 'ref', 'title'])
    .where('orgId', '=', ctx.org.id)
    .where('archivedAt', 'is', null)
    .where('status', '=', 'completed')
    .where('id', '!=', auditId)
    .orderBy('actualEnd', 'desc')
    .orderBy('createdAt', 'desc')
    .limit(1)
    .executeTakeFirst();
  const findings = await ctx.db
    .selectFrom('auditChecklistItems as i')
    .innerJoin('internalAudits as a', 'a.id', 'i.auditId')
    .leftJoin('nonconformities as nc', (j) =>
      j.onRef('nc.id', '=', 'i.raisedId').on('i.raisedType', '=', 'nonconformity').on('nc.orgId', '=', ctx.org.id),
    )
    .leftJoin('improvements as imp', (j) =>
      j.onRef('imp.id', '=', 'i.raisedId').on('i.raisedType', '=', 'improvement').on('imp.orgId', '=', ctx.org.id),
    )
    .select(['a.ref as auditRef', 'i.id as itemId', 'i.title', 'i.clause', 'i.requirementKey', 'i.conclusion'])
    .select(['i.notes', 'i.controlId', 'nc.ref as ncRef', 'imp.ref as impRef'])
    .where('a.orgId', '=', ctx.org.id)
    .where('i.orgId', '=', ctx.org.id)
    .where('a.status', '=', 'completed')
    .where('a.archivedAt', 'is', null)
    .where('a.id', '!=', auditId)
    .where('i.conclusion', 'in', [...FINDING_CONCLUSIONS])
    .orderBy('a.ref')
    .orderBy('i.seq')
    .limit(1000)
    .execute();
  return {
    previousAudit: earlier ?? null,
    findings: findings
      .filter(
        (f) => (f.clause && clauses.some((c) => clauseCovers(c, f.clause!))) || (audit.soaCriterion && f.controlId),
      )
      .map(({ controlId: _c, ncRef, impRef, ...f }) => ({
        ...f,
        conclusion: f.conclusion as (typeof FINDING_CONCLUSIONS)[number],
        raisedRef: ncRef ?? impRef ?? null,
      })),
    openNonconformities: await openNonconformities(ctx, ctx.db, auditId),
  };
}
