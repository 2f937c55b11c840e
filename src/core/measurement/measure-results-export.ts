import type { ExportTable } from '../register/register-export.js';
import type { OrgContext } from '../context.js';
import { ValidationError } from '../errors.js';
import { recordAuditAlone } from '../audit/audit.service.js';

/** More results than this in one export: narrow from/to (a workbook that large is not read by a person). */
export const MAX_EXPORT_RESULTS = 100_000;

/**
 * Every current result of the organization's measures measured within from/to, one row each (9.1 documented
 * information: the evidence of the results), oldest period first by measure. One query.
 */
export async function resultsExportTable(
  ctx: OrgContext,
  q: { from?: string | undefined; to?: string | undefined },
): Promise<ExportTable> {
  let query = ctx.db
    .selectFrom('measureResults as r')
    .innerJoin('measures as m', (j) => j.onRef('m.id', '=', 'r.measureId').on('m.orgId', '=', ctx.org.id))
    .leftJoin('users as u', 'u.id', 'r.recordedBy')
    .select([
      'm.ref',
      'm.title',
      'm.unit',
      'm.targetDirection',
      'm.targetValue',
      'r.periodKey',
      'r.measuredOn',
      'r.value',
      'r.rag',
      'r.source',
      'u.name as recordedBy',
      'r.recordedAt',
      'r.note',
      'r.evaluatedAt',
    ])
    .where('r.orgId', '=', ctx.org.id)
    .where('r.supersededBy', 'is', null);
  if (q.from) query = query.where('r.measuredOn', '>=', q.from);
  if (q.to) query = query.where('r.measuredOn', '<=', q.to);
  const rows = await query
    .orderBy('m.ref')
    .orderBy('r.periodKey')
    .limit(MAX_EXPORT_RESULTS + 1)
    .execute();
  if (rows.length > MAX_EXPORT_RESULTS)
    throw new ValidationError([
      { field: 'query.from', message: `More than ${MAX_EXPORT_RESULTS} results: narrow the dates with from and to` },
    ]);
  await recordAuditAlone(ctx.db, {
    orgId: ctx.org.id,
    actor: ctx.actor,
    ip: ctx.ip,
    entityType: 'measure',
    event: {
      type: 'export.generated',
      payload: {
        format: 'xlsx',
        rows: rows.length,
        filters: Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)),
      },
    },
  });
  return {
    title: 'Measurement results',
    filenameBase: `measurement-results${q.from ? `-from-${q.from}` : ''}${q.to ? `-to-${q.to}` : ''}`,
    columns: [
      { key: 'ref', header: 'Measure', kind: 'text' },
      { key: 'title', header: 'Title', kind: 'text' },
      { key: 'periodKey', header: 'Period', kind: 'text' },
      { key: 'measuredOn', header: 'Measured on', kind: 'date' },
      { key: 'value', header: 'Value', kind: 'number' },
      { key: 'unit', header: 'Unit', kind: 'text' },
      { key: 'target', header: 'Target', kind: 'text' },
      { key: 'rag', header: 'RAG', kind: 'text' },
      { key: 'source', header: 'Source', kind: 'text' },
      { key: 'recordedBy', header: 'Recorded by', kind: 'text' },
      { key: 'recordedAt', header: 'Recorded at', kind: 'datetime' },
      { key: 'note', header: 'Note', kind: 'text' },
      { key: 'evaluatedAt', header: 'Evaluated at', kind: 'datetime' },
    ],
    rows: rows.map((r) => [
      r.ref,
      r.title,
      r.periodKey,
      r.measuredOn,
      r.value,
      r.unit,
      `${r.targetDirection === 'at_most' ? '≤' : '≥'} ${r.targetValue}`,
      r.rag,
      r.source,
      r.recordedBy ?? 'system',
      r.recordedAt,
      r.note,
      r.evaluatedAt,
    ]),
  };
}
