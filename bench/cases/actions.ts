// The action tracker at scale: 20,000 actions and 5,000 audit events (the first bench of the project).
import { recordAudit } from '../../src/core/audit/audit.service.js';
import { SYSTEM_ACTOR } from '../../src/core/context.js';
import { newId, nowIso } from '../../src/core/util/ids.js';
import type { BenchModule } from './types.js';

const ACTIONS = Number(process.env.BENCH_ACTIONS ?? 20_000);
const AUDIT_EVENTS = 5000;

export const actionsBench: BenchModule = {
  name: 'actions',
  async seed({ handle, org, userId }) {
    const statuses = ['open', 'in_progress', 'done', 'cancelled'];
    for (let i = 0; i < ACTIONS; i += 500) {
      const rows = Array.from({ length: Math.min(500, ACTIONS - i) }, (_, j) => {
        const n = i + j + 1;
        const now = nowIso();
        return {
          id: newId(),
          orgId: org.id,
          ref: `ACT-${String(n).padStart(5, '0')}`,
          version: 1,
          createdAt: now,
          createdBy: userId,
          updatedAt: now,
          updatedBy: userId,
          archivedAt: null,
          title: `Action number ${n} about ${['backups', 'access reviews', 'supplier checks', 'awareness'][n % 4]}`,
          description: null,
          resources: null,
          ownerId: n % 3 === 0 ? userId : null,
          dueDate: new Date(Date.UTC(2025, 0, 1) + (n % 900) * 86_400_000).toISOString().slice(0, 10),
          evaluation: null,
          status: statuses[n % 4]!,
          priority: ['low', 'medium', 'high'][n % 3]!,
          outcome: null,
          sourceType: null,
          sourceId: null,
          completedAt: null,
        };
      });
      await handle.db.insertInto('actions').values(rows).execute();
    }
    await handle.db.insertInto('refCounters').values({ orgId: org.id, prefix: 'ACT', nextValue: ACTIONS }).execute();
    await handle.db.transaction().execute(async (trx) => {
      for (let i = 0; i < AUDIT_EVENTS; i++) {
        await recordAudit(trx, {
          orgId: org.id,
          actor: SYSTEM_ACTOR,
          entityType: 'action',
          event: { type: 'record.archived', payload: { ref: `ACT-${i}` } },
        });
      }
    });
    return `${ACTIONS} actions and ${AUDIT_EVENTS} audit events`;
  },
  cases({ org, c }) {
    const base = `/api/v1/orgs/${org.slug}/actions`;
    return [
      { name: 'list, first page (25), default sort', targetMs: 60, run: () => c.get(base) },
      {
        name: 'list, filter status+owner, sort title',
        targetMs: 60,
        run: () => c.get(`${base}?status=open,in_progress&ownerId=me&sort=title&order=asc`),
      },
      { name: 'list, search q=supplier', targetMs: 100, run: () => c.get(`${base}?q=supplier`) },
      { name: 'list, overdue only', targetMs: 60, run: () => c.get(`${base}?overdue=true`) },
      { name: 'list, deep page (page 400 of 25)', targetMs: 100, run: () => c.get(`${base}?page=400`) },
      {
        name: `CSV export of all ${ACTIONS} actions`,
        targetMs: 2000,
        run: () => c.get(`${base}/export.csv?pageSize=200`),
      },
      { name: 'create an action (with audit event)', targetMs: 40, run: () => c.post(base, { title: 'Bench create' }) },
      {
        name: `audit verify (${AUDIT_EVENTS}+ events)`,
        targetMs: 500,
        run: () => c.get(`/api/v1/orgs/${org.slug}/audit/verify`),
      },
    ];
  },
};
