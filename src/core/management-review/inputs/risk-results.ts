import type { ReviewInputSection } from '../../../schema/management-review/review-inputs.schema.js';
import { translate as t } from '../../../schema/i18n/translate.js';
import { compareAssessments } from '../../risks/assessments.service.js';
import { methodologyInForce } from '../../risks/methodology.service.js';
import { TABLE_CAP, capped, count, type InputWindow } from './input-window.js';
import { treatmentStatus } from './risk-treatment-status.js';

type Part = Pick<ReviewInputSection, 'facts' | 'tables' | 'charts'>;

/**
 * The results of the latest risk assessment closed on or before the review date, against the one before it (the
 * assessment comparison service): what was added and removed, which risks rose or fell, which crossed the
 * acceptance line. One assessment only: its figures, nothing to compare with.
 */
async function assessmentResults(w: InputWindow): Promise<Part> {
  const closed = await w.db
    .selectFrom('riskAssessments')
    .select(['id', 'ref', 'title', 'closedAt', 'riskCount'])
    .where('orgId', '=', w.orgId)
    .where('archivedAt', 'is', null)
    .where('status', '=', 'closed')
    .where('closedAt', '<', w.hi)
    .orderBy('closedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(2)
    .execute();
  const [latest, previous] = closed;
  if (!latest)
    return { facts: [[t('review-inputs.f.noAssessment'), t('review-inputs.f.none')]], tables: [], charts: [] };
  const facts: [string, string][] = [
    [
      t('review-inputs.f.latest'),
      t('review-inputs.f.assessment', {
        ref: latest.ref,
        title: latest.title,
        date: (latest.closedAt ?? '').slice(0, 10),
      }),
    ],
    [t('review-inputs.f.latestRisks'), count(latest.riskCount)],
  ];
  if (!previous) {
    facts.push([t('review-inputs.f.previous'), t('review-inputs.f.none')]);
    return { facts, tables: [], charts: [] };
  }
  const cmp = await compareAssessments({ ...w.ctx, db: w.db }, previous.id, latest.id, true);
  facts.push(
    [
      t('review-inputs.f.previous'),
      t('review-inputs.f.assessment', {
        ref: previous.ref,
        title: previous.title,
        date: (previous.closedAt ?? '').slice(0, 10),
      }),
    ],
    [t('review-inputs.f.added'), count(cmp.summary.added)],
    [t('review-inputs.f.removed'), count(cmp.summary.removed)],
    [t('review-inputs.f.rose'), count(cmp.summary.rose)],
    [t('review-inputs.f.fell'), count(cmp.summary.fell)],
    [t('review-inputs.f.toUnacceptable'), count(cmp.summary.toUnacceptable)],
    [t('review-inputs.f.toAcceptable'), count(cmp.summary.toAcceptable)],
  );
  if (cmp.methodologyChanged) facts.push([t('review-inputs.f.methodologyChanged'), t('common.yes')]);
  const title = t('review-inputs.f.changesTable', { from: previous.ref, to: latest.ref });
  capped(facts, title, cmp.rows.length);
  return {
    facts,
    tables: [
      {
        title,
        columns: [
          t('review-inputs.col.ref'),
          t('review-inputs.col.risk'),
          t('review-inputs.col.change'),
          t('review-inputs.col.levelBefore'),
          t('review-inputs.col.levelAfter'),
          t('review-inputs.col.crossed'),
        ],
        rows: cmp.rows
          .slice(0, TABLE_CAP)
          .map((r) => [
            r.ref,
            r.title,
            t(`review-inputs.f.change.${r.change}`),
            r.before?.levelLabel ?? '',
            r.after?.levelLabel ?? '',
            r.crossed ? t(`risks.crossed.${r.crossed}`) : '',
          ]),
        emptyText: t('review-inputs.f.changesEmpty'),
      },
    ],
    charts: [],
  };
}

/** The register's risks (current, not closed) by level, in the methodology's order: a bar chart. */
async function risksByLevel(w: InputWindow): Promise<Part> {
  const inForce = await methodologyInForce(w.ctx, w.db);
  const byLevel = await w.db
    .selectFrom('risks')
    .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
    .where('orgId', '=', w.orgId)
    .where('archivedAt', 'is', null)
    .where('status', '!=', 'closed')
    .groupBy('level')
    .execute();
  const levels = inForce?.methodology.levels ?? [];
  const known = new Set(levels.map((l) => l.key));
  const of = (key: string | null) => Number(byLevel.find((r) => r.level === key)?.n ?? 0);
  // a level of an earlier methodology, or none yet: one bar for them, so every risk is counted somewhere
  const other = byLevel.filter((r) => r.level === null || !known.has(r.level)).reduce((s, r) => s + Number(r.n), 0);
  const total = byLevel.reduce((s, r) => s + Number(r.n), 0);
  return {
    facts: [[t('review-inputs.f.risks'), count(total)]],
    tables: [],
    charts: [
      {
        title: t('review-inputs.f.levelsChart'),
        chart: {
          kind: 'bar',
          unit: null,
          categories: [...levels.map((l) => l.label), t('review-inputs.f.notEvaluated')],
          series: [{ name: t('review-inputs.f.levelsSeries'), values: [...levels.map((l) => of(l.key)), other] }],
          references: [],
          description: t('review-inputs.f.levelsChartDescription', { n: total }),
        },
      },
    ],
  };
}

/**
 * f) Results of risk assessment and status of the risk treatment plan (9.3.2 f): the latest assessment against the
 * previous one, risks by level, residual risks against the acceptance criteria (27003 9.3: management confirms
 * they meet them) and the plan's progress.
 */
export async function riskResults(w: InputWindow): Promise<ReviewInputSection> {
  const parts = [await assessmentResults(w), await risksByLevel(w), await treatmentStatus(w)];
  return {
    key: 'riskResults',
    facts: parts.flatMap((p) => p.facts),
    tables: parts.flatMap((p) => p.tables),
    charts: parts.flatMap((p) => p.charts),
    notBuilt: [],
  };
}
