import { recordAuditAlone } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import type { ExportTable } from '../register/register-export.js';
import { compareAssessments } from './assessments.service.js';
import { methodologyInForce } from './methodology.service.js';

const CHANGE_WORDS = { added: 'New', removed: 'Removed', rose: 'Rose', fell: 'Fell', same: 'Unchanged' } as const;
const CROSS_WORDS = { to_unacceptable: 'Now beyond acceptance', to_acceptable: 'Now acceptable' } as const;

/** The comparison of two assessments as one table for CSV/XLSX: a row per risk, before and after side by side. */
export async function compareExportTable(
  ctx: OrgContext,
  from: string,
  to: string,
  changesOnly: boolean,
  format: 'csv' | 'xlsx',
): Promise<ExportTable> {
  const c = await compareAssessments(ctx, from, to, changesOnly);
  const levels = new Map((await methodologyInForce(ctx))?.methodology.levels.map((l) => [l.key, l.label]) ?? []);
  const level = (key: string | null | undefined) => (key ? (levels.get(key) ?? key) : null);
  const name = (h: Record<string, unknown>) =>
    h.id === 'current' ? 'Current register' : `${String(h.ref)} ${String(h.title)}`;
  const rows = c.rows.map((r) => [
    r.ref,
    r.title,
    CHANGE_WORDS[r.change],
    r.crossed ? CROSS_WORDS[r.crossed] : null,
    level(r.before?.level),
    r.before?.score ?? null,
    r.before?.acceptable ?? null,
    level(r.after?.level),
    r.after?.score ?? null,
    r.after?.acceptable ?? null,
    (r.after ?? r.before)?.ownerLabel ?? null,
  ]);
  await recordAuditAlone(ctx.db, {
    orgId: ctx.org.id,
    actor: ctx.actor,
    ip: ctx.ip,
    entityType: 'risk_assessment',
    event: { type: 'export.generated', payload: { format, rows: rows.length, filters: { from, to, changesOnly } } },
  });
  return {
    title: `Assessment comparison`,
    filenameBase: `${ctx.org.slug}-risk-comparison-${new Date().toISOString().slice(0, 10)}`,
    columns: [
      { key: 'ref', header: 'Reference', kind: 'text' },
      { key: 'title', header: 'Risk', kind: 'text' },
      { key: 'change', header: 'Change', kind: 'text' },
      { key: 'crossed', header: 'Acceptance', kind: 'text' },
      { key: 'beforeLevel', header: `Level in ${name(c.from)}`, kind: 'text' },
      { key: 'beforeScore', header: 'Score before', kind: 'number' },
      { key: 'beforeAcceptable', header: 'Acceptable before', kind: 'boolean' },
      { key: 'afterLevel', header: `Level in ${name(c.to)}`, kind: 'text' },
      { key: 'afterScore', header: 'Score after', kind: 'number' },
      { key: 'afterAcceptable', header: 'Acceptable after', kind: 'boolean' },
      { key: 'owner', header: 'Risk owner', kind: 'text' },
    ],
    rows,
  };
}
