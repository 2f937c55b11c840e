// The audit trail at the product's scale: 200,000 events in one organization's chain, appended through the real
// write path (recordAuditBatch, as bulk changes do) and verified through the API. Target: ≥ 200,000 events/s.
import { performance } from 'node:perf_hooks';
import { recordAuditBatch, type AuditInput } from '../../src/core/audit/audit.service.js';
import { SYSTEM_ACTOR } from '../../src/core/context.js';
import type { BenchModule } from './types.js';

const EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 200_000);
const PER_TRANSACTION = 10_000;

export const auditBench: BenchModule = {
  name: 'audit',
  async seed({ handle, org }) {
    const t0 = performance.now();
    for (let i = 0; i < EVENTS; i += PER_TRANSACTION) {
      const events: AuditInput[] = Array.from({ length: Math.min(PER_TRANSACTION, EVENTS - i) }, (_, j) => ({
        orgId: org.id,
        actor: SYSTEM_ACTOR,
        entityType: 'action',
        entityId: null,
        event: { type: 'record.archived', payload: { ref: `ACT-${i + j}` } },
      }));
      await handle.db.transaction().execute((trx) => recordAuditBatch(trx, events));
    }
    const s = (performance.now() - t0) / 1000;
    return `${EVENTS} audit events appended in batches of ${PER_TRANSACTION} (${Math.round(EVENTS / s)} events/s)`;
  },
  cases({ org, c }) {
    return [
      {
        name: `audit verify (${EVENTS}+ events, target ≥ 200,000/s)`,
        targetMs: Math.round((EVENTS / 200_000) * 1000),
        runs: 3,
        run: () => c.get(`/api/v1/orgs/${org.slug}/audit/verify`),
      },
    ];
  },
};
