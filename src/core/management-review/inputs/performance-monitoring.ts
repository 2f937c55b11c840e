import { sql } from 'kysely';
import type { ReviewInputSection } from '../../../schema/management-review/review-inputs.schema.js';
import { CONCLUSIONS } from '../../../schema/internal-audit/internal-audit.register.js';
import { RAG } from '../../../schema/measurement/measure-target.js';
import { PROGRESS_STATUSES } from '../../../schema/objectives/objective.register.js';
import { translate as t } from '../../../schema/i18n/translate.js';
import { TABLE_CAP, capped, count, countsInOrder, sinceLabel, type InputWindow } from './input-window.js';

type Part = Pick<ReviewInputSection, 'facts' | 'tables' | 'charts'>;
const num = (v: number | null) => (v === null ? '' : String(Math.round(v * 100) / 100));

/**
 * Monitoring and measurement results (9.3.2 d 2): every active measure with its latest value and RAG, as the
 * measurement module maintains them on the measure (the dashboard reads the same columns); red first.
 */
export async function measurePerformance(w: InputWindow): Promise<Part> {
  const active = w.db
    .selectFrom('measures')
    .where('orgId', '=', w.orgId)
    .where('archivedAt', 'is', null)
    .where('status', '=', 'active');
  const byRag = await active
    .select(['latestRag as key', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('latestRag')
    .execute();
  const total = byRag.reduce((s, r) => s + Number(r.n), 0);
  const rows = await active
    .select(['ref', 'title', 'latestValue', 'unit', 'latestPeriod', 'latestRag'])
    .orderBy(sql`case latest_rag when 'red' then 0 when 'amber' then 1 when 'green' then 2 else 3 end`)
    .orderBy(sql`length(ref)`)
    .orderBy('ref')
    .limit(TABLE_CAP)
    .execute();
  const ragCounts = countsInOrder(RAG, byRag);
  const facts: [string, string][] = [
    [t('review-inputs.d.measures'), count(total)],
    ...RAG.map((rag, i): [string, string] => [t(`review-inputs.d.measuresRag.${rag}`), count(ragCounts[i])]),
    [t('review-inputs.d.measuresNoResult'), count(byRag.find((r) => r.key === null)?.n)],
  ];
  const title = t('review-inputs.d.measuresTable');
  capped(facts, title, total);
  return {
    facts,
    tables: [
      {
        title,
        columns: [
          t('review-inputs.col.ref'),
          t('review-inputs.col.measure'),
          t('review-inputs.col.latestValue'),
          t('review-inputs.col.period'),
          t('review-inputs.col.rag'),
        ],
        rows: rows.map((r) => [
          r.ref,
          r.title,
          `${num(r.latestValue)}${r.latestValue !== null && r.unit ? ` ${r.unit}` : ''}`,
          r.latestPeriod ?? '',
          r.latestRag ? t(`measures.latestRag.${r.latestRag}`) : t('review-inputs.d.noResult'),
        ]),
        emptyText: t('review-inputs.d.measuresEmpty'),
      },
    ],
    charts: [],
  };
}

/** Audit results (9.3.2 d 3): internal audits completed in the window, with their findings by conclusion. */
export async function auditPerformance(w: InputWindow): Promise<Part> {
  const audits = await w.db
    .selectFrom('internalAudits')
    .select(['id', 'ref', 'title', 'actualEnd'])
    .where('orgId', '=', w.orgId)
    .where('archivedAt', 'is', null)
    .where('status', '=', 'completed')
    .where('actualEnd', '>', w.since ?? '')
    .where('actualEnd', '<=', w.asOf)
    .orderBy('actualEnd')
    .execute();
  const ids = audits.map((a) => a.id);
  const findings = ids.length
    ? await w.db
        .selectFrom('auditChecklistItems')
        .select(['auditId', 'conclusion', (eb) => eb.fn.countAll<number>().as('n')])
        .where('orgId', '=', w.orgId)
        .where('auditId', 'in', ids)
        .groupBy(['auditId', 'conclusion'])
        .execute()
    : [];
  const shown = CONCLUSIONS.filter((c) => c !== 'not_assessed');
  const of = (auditId: string | null, c: string) =>
    findings
      .filter((f) => (auditId === null || f.auditId === auditId) && f.conclusion === c)
      .reduce((s, f) => s + Number(f.n), 0);
  const since = sinceLabel(w);
  const facts: [string, string][] = [
    [t('review-inputs.d.auditsCompleted', { since }), count(audits.length)],
    ...shown.map((c): [string, string] => [t(`audits.conclusion.${c}`), count(of(null, c))]),
  ];
  const title = t('review-inputs.d.auditsTable');
  capped(facts, title, audits.length);
  return {
    facts,
    tables: [
      {
        title,
        columns: [
          t('review-inputs.col.ref'),
          t('review-inputs.col.audit'),
          t('review-inputs.col.ended'),
          ...shown.map((c) => t(`audits.conclusion.${c}`)),
        ],
        rows: audits
          .slice(0, TABLE_CAP)
          .map((a) => [a.ref, a.title, a.actualEnd ?? '', ...shown.map((c) => String(of(a.id, c)))]),
        emptyText: t('review-inputs.d.auditsEmpty', { since }),
      },
    ],
    charts: [],
  };
}

/**
 * Fulfilment of the information security objectives (9.3.2 d 4): active objectives by their stored progress status
 * (kept current by the objectives module), as a bar chart and a table, and those closed in the window.
 */
export async function objectivePerformance(w: InputWindow): Promise<Part> {
  const current = w.db.selectFrom('objectives').where('orgId', '=', w.orgId).where('archivedAt', 'is', null);
  const active = current.where('lifecycle', '=', 'active');
  const byStatus = await active
    .select(['progressStatus as key', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('progressStatus')
    .execute();
  const closed = await current
    .where('lifecycle', 'in', ['achieved', 'missed'])
    .where('closedOn', '>', w.since ?? '')
    .where('closedOn', '<=', w.asOf)
    .select(['lifecycle as key', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('lifecycle')
    .execute();
  const total = byStatus.reduce((s, r) => s + Number(r.n), 0);
  const rows = await active
    .select(['ref', 'title', 'progressStatus', 'latestValue', 'targetValue', 'targetUnit', 'deadline'])
    .orderBy(
      sql`case progress_status when 'missed' then 0 when 'at_risk' then 1 when 'not_measured' then 2 when 'on_track' then 3 else 4 end`,
    )
    .orderBy(sql`length(ref)`)
    .orderBy('ref')
    .limit(TABLE_CAP)
    .execute();
  const values = countsInOrder(PROGRESS_STATUSES, byStatus);
  const since = sinceLabel(w);
  const facts: [string, string][] = [
    [t('review-inputs.d.objectivesActive'), count(total)],
    [t('review-inputs.d.objectivesAchieved', { since }), count(closed.find((r) => r.key === 'achieved')?.n)],
    [t('review-inputs.d.objectivesMissed', { since }), count(closed.find((r) => r.key === 'missed')?.n)],
  ];
  const title = t('review-inputs.d.objectivesTable');
  capped(facts, title, total);
  const unit = (v: number | null, u: string | null) => (v === null ? '' : `${num(v)}${u ? ` ${u}` : ''}`);
  return {
    facts,
    tables: [
      {
        title,
        columns: [
          t('review-inputs.col.ref'),
          t('review-inputs.col.objective'),
          t('review-inputs.col.progress'),
          t('review-inputs.col.latestValue'),
          t('review-inputs.col.target'),
          t('review-inputs.col.deadline'),
        ],
        rows: rows.map((r) => [
          r.ref,
          r.title,
          r.progressStatus ? t(`objectives.progressStatus.${r.progressStatus}`) : '',
          unit(r.latestValue, r.targetUnit),
          unit(r.targetValue, r.targetUnit),
          r.deadline ?? '',
        ]),
        emptyText: t('review-inputs.d.objectivesEmpty'),
      },
    ],
    charts: [
      {
        title: t('review-inputs.d.objectivesChart'),
        chart: {
          kind: 'bar',
          unit: null,
          categories: PROGRESS_STATUSES.map((s) => t(`objectives.progressStatus.${s}`)),
          series: [{ name: t('review-inputs.d.objectivesSeries'), values }],
          references: [],
          description: t('review-inputs.d.objectivesChartDescription', { n: total }),
        },
      },
    ],
  };
}
