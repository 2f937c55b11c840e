import type { OrgContext } from '../context.js';
import { EXPORT_ROW_LIMIT, type ExportTable } from '../register/register-export.js';
import { NONCONFORMITY_ENTITY } from '../../schema/improvement/nonconformity.register.js';
import { translate as t } from '../../schema/i18n/translate.js';

/**
 * The pack's 10.2 register (rendered as XLSX by the caller; 9.1 reuses the measurement results export): two queries
 * whatever the number of records; rows stop at the export limit like any register export.
 */

/**
 * Each nonconformity's status at the end of the pack's day: the last step recorded by then (the audit trail holds
 * every step with the status it led to; one query over the organization's step events up to `end`), else reported.
 */
async function statusesAt(ctx: OrgContext, end: string): Promise<Map<string, string>> {
  const steps = await ctx.db
    .selectFrom('auditEvents')
    .select(['entityId', 'payload'])
    .where('orgId', '=', ctx.org.id)
    .where('entityType', '=', NONCONFORMITY_ENTITY)
    .where('type', '=', 'nonconformity.step_recorded')
    .where('createdAt', '<=', end)
    .orderBy('seq')
    .execute();
  const at = new Map<string, string>();
  for (const e of steps) {
    const to = (JSON.parse(String(e.payload)) as { statusTo?: unknown }).statusTo;
    if (e.entityId && typeof to === 'string') at.set(e.entityId, to);
  }
  return at;
}

/** 10.2: every nonconformity recorded on or before `end`, its status then, its corrective actions counted now. */
export async function nonconformitiesTable(ctx: OrgContext, end: string): Promise<ExportTable> {
  const rows = await ctx.db
    .selectFrom('nonconformities')
    .select([
      'id',
      'ref',
      'title',
      'source',
      'grade',
      'foundOn',
      'status',
      'dueDate',
      'correctionText',
      'correctionDoneOn',
      'rootCause',
      'closedOn',
      'createdAt',
    ])
    .where('orgId', '=', ctx.org.id)
    .where('createdAt', '<=', end)
    .orderBy('createdAt')
    .limit(EXPORT_ROW_LIMIT)
    .execute();
  const actions = await ctx.db
    .selectFrom('actions')
    .select((eb) => [
      'sourceId',
      eb.fn.countAll<number | string>().as('total'),
      eb.fn.sum<number | string>(eb.case().when('status', '=', 'done').then(1).else(0).end()).as('done'),
    ])
    .where('orgId', '=', ctx.org.id)
    .where('sourceType', '=', 'nonconformity')
    .where('archivedAt', 'is', null)
    .groupBy('sourceId')
    .execute();
  const statuses = await statusesAt(ctx, end);
  const counts = new Map(actions.map((a) => [a.sourceId, { total: Number(a.total), done: Number(a.done ?? 0) }]));
  return {
    title: 'Nonconformities',
    filenameBase: `${ctx.org.slug}-nonconformities`,
    columns: [
      { key: 'ref', header: 'Reference', kind: 'text' },
      { key: 'title', header: 'Nonconformity', kind: 'text' },
      { key: 'source', header: 'Source', kind: 'text' },
      { key: 'grade', header: 'Grade', kind: 'text' },
      { key: 'foundOn', header: 'Found on', kind: 'date' },
      { key: 'recorded', header: 'Recorded', kind: 'datetime' },
      { key: 'correction', header: 'Correction', kind: 'text' },
      { key: 'correctionDoneOn', header: 'Correction done on', kind: 'date' },
      { key: 'rootCause', header: 'Root cause', kind: 'text' },
      { key: 'actions', header: 'Corrective actions', kind: 'number' },
      { key: 'actionsDone', header: 'Corrective actions done', kind: 'number' },
      { key: 'dueDate', header: 'Due', kind: 'date' },
      { key: 'status', header: `Status on ${end.slice(0, 10)}`, kind: 'text' },
      { key: 'statusNow', header: 'Status now', kind: 'text' },
      { key: 'closedOn', header: 'Closed on', kind: 'date' },
    ],
    rows: rows.map((r) => [
      r.ref,
      r.title,
      r.source,
      r.grade,
      r.foundOn,
      r.createdAt,
      r.correctionText,
      r.correctionDoneOn,
      r.rootCause,
      counts.get(r.id)?.total ?? 0,
      counts.get(r.id)?.done ?? 0,
      r.dueDate,
      t(`nonconformities.status.${statuses.get(r.id) ?? 'reported'}`),
      t(`nonconformities.status.${r.status}`),
      r.closedOn && r.closedOn <= end.slice(0, 10) ? r.closedOn : null,
    ]),
  };
}
