import { RACI_VALUES } from '../../schema/leadership/raci.schema.js';
import { recordAuditAlone } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import type { ExportTable } from '../register/register-export.js';
import { getRaciMatrix } from './raci.service.js';

/**
 * The RACI matrix as a table for CSV/XLSX: one row per activity, one column per role headed "ROLE-002 ISMS manager",
 * cells R/A/C/I or empty. The export is audited like any other.
 */
export async function raciExportTable(ctx: OrgContext, format: 'csv' | 'xlsx'): Promise<ExportTable> {
  const m = await getRaciMatrix(ctx);
  const value = new Map(m.cells.map((c) => [`${c.activityId}:${c.roleId}`, c.value]));
  const columns: ExportTable['columns'] = [
    { key: 'ref', header: 'Reference', kind: 'text' },
    { key: 'activity', header: 'Activity', kind: 'text' },
    ...m.roles.map((r) => ({ key: r.id, header: `${r.ref} ${r.name}`, kind: 'text' as const })),
  ];
  const rows = m.activities.map((a) => [a.ref, a.name, ...m.roles.map((r) => value.get(`${a.id}:${r.id}`) ?? null)]);
  await recordAuditAlone(ctx.db, {
    orgId: ctx.org.id,
    actor: ctx.actor,
    ip: ctx.ip,
    entityType: 'raci',
    event: { type: 'export.generated', payload: { format, rows: rows.length, filters: {} } },
  });
  return {
    title: `RACI matrix (${RACI_VALUES.join('-')})`,
    filenameBase: `${ctx.org.slug}-raci-${new Date().toISOString().slice(0, 10)}`,
    columns,
    rows,
  };
}
