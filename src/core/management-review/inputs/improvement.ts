import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../../../db/types.js';
import { IMPROVEMENT_STATUSES, improvementRegister } from '../../../schema/improvement/improvement.register.js';
import type { ReviewInputSection } from '../../../schema/management-review/review-inputs.schema.js';
import { translate as t } from '../../../schema/i18n/translate.js';
import { TABLE_CAP, capped, count, countsInOrder, sinceLabel, type InputWindow } from './input-window.js';
import { optionLabel } from './record-changes.js';

/** Suggested or accepted but not yet done: what is still in front of management. */
const OPEN = ['suggested', 'evaluated', 'planned'] as const;
const FROM_AUDITS = ['audit_observation', 'audit_ofi'] as const;

/**
 * g) Opportunities for continual improvement (9.3.2 g; 10.1): the improvements register by status, those still
 * open, those decided (evaluated: pursued or rejected) in the window, and the opportunities audits raised in it.
 */
export async function improvement(w: InputWindow): Promise<ReviewInputSection> {
  const current = w.db.selectFrom('improvements').where('orgId', '=', w.orgId).where('archivedAt', 'is', null);
  const decidedInWindow = (eb: ExpressionBuilder<Database, 'improvements'>) =>
    eb.and([eb('evaluatedOn', '>', w.since ?? ''), eb('evaluatedOn', '<=', w.asOf)]);
  const byStatus = await current
    .where('createdAt', '<', w.hi)
    .select(['status as key', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const [decided, fromAudits] = await Promise.all([
    current
      .where(decidedInWindow)
      .select(['status as key', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute(),
    current
      .where('source', 'in', [...FROM_AUDITS])
      .where('createdAt', '>=', w.lo)
      .where('createdAt', '<', w.hi)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const listed = current
    .where('createdAt', '<', w.hi)
    .where((eb) => eb.or([eb('status', 'in', [...OPEN]), decidedInWindow(eb)]));
  const [rows, listedN] = await Promise.all([
    listed
      .select(['ref', 'title', 'source', 'status', 'evaluatedOn'])
      .orderBy(sql`case when status in ('suggested', 'evaluated', 'planned') then 0 else 1 end`)
      .orderBy(sql`length(ref)`)
      .orderBy('ref')
      .limit(TABLE_CAP)
      .execute(),
    listed.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const statuses = countsInOrder(IMPROVEMENT_STATUSES, byStatus);
  const decidedN = decided.reduce((s, r) => s + Number(r.n), 0);
  const since = sinceLabel(w);
  const facts: [string, string][] = [
    [t('review-inputs.g.open'), count(OPEN.reduce((s, o) => s + statuses[IMPROVEMENT_STATUSES.indexOf(o)]!, 0))],
    [t('review-inputs.g.decided', { since }), count(decidedN)],
    [t('review-inputs.g.rejected', { since }), count(decided.find((r) => r.key === 'rejected')?.n)],
    [t('review-inputs.g.fromAudits', { since }), count(fromAudits.n)],
  ];
  const title = t('review-inputs.g.table');
  capped(facts, title, Number(listedN.n));
  return {
    key: 'improvement',
    facts,
    tables: [
      {
        title,
        columns: [
          t('review-inputs.col.ref'),
          t('review-inputs.col.improvement'),
          t('review-inputs.col.source'),
          t('review-inputs.col.status'),
          t('review-inputs.col.decided'),
        ],
        rows: rows.map((r) => [
          r.ref,
          r.title,
          optionLabel(improvementRegister, 'source', r.source),
          optionLabel(improvementRegister, 'status', r.status),
          r.evaluatedOn ?? '',
        ]),
        emptyText: t('review-inputs.g.empty', { since }),
      },
    ],
    charts: [
      {
        title: t('review-inputs.g.chart'),
        chart: {
          kind: 'bar',
          unit: null,
          categories: IMPROVEMENT_STATUSES.map((s) => optionLabel(improvementRegister, 'status', s)),
          series: [{ name: t('review-inputs.g.series'), values: statuses }],
          references: [],
          description: t('review-inputs.g.chartDescription'),
        },
      },
    ],
    notBuilt: [],
  };
}
