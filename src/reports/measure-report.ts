import type { OrgContext } from '../core/context.js';
import { ValidationError } from '../core/errors.js';
import { reportRange } from '../core/measurement/report-range.js';
import { recordAuditAlone } from '../core/audit/audit.service.js';
import type { DocumentBlock, DocumentModel } from '../core/versioning/versioned-module.js';
import { translate as t } from '../schema/i18n/translate.js';
import {
  frequencySchema,
  periodBounds,
  periodKey,
  periodsBetween,
  type Frequency,
} from '../schema/measurement/measure-target.js';

/** More results than this in one report: narrow from/to (the PDF of that many rows is not read by a person). */
export const MAX_REPORT_RESULTS = 20_000;
/** Evaluations beyond this many are left out, and the report says so. */
export const MAX_REPORT_EVALUATIONS = 5000;
const SIGNS: Record<string, string> = { at_least: '≥', at_most: '≤' };

const num = (v: number) => String(Number(v.toPrecision(12)));
const withUnit = (v: number, unit: string | null) => `${num(v)}${unit ? ` ${unit}` : ''}`;
/** "≥ 95 %", "≤ 5 days", "reach 4". */
export function targetWords(m: { targetDirection: string; targetValue: number; unit: string | null }): string {
  const sign = SIGNS[m.targetDirection] ?? t('measures.report.reach');
  return `${sign} ${withUnit(m.targetValue, m.unit)}`;
}
const ragWord = (rag: string | null) => (rag ? t(`measures.latestRag.${rag}`) : '');
const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '');
const fill = (rag: string | null) =>
  rag === 'green' ? '#D6EFD8' : rag === 'amber' ? '#FCE8C3' : rag === 'red' ? '#F6D0D0' : null;

/**
 * The 9.1 documented information as a periodic report (DOCX and PDF): an overview of every active measure, then per
 * measure what is measured and how, who measures, analyses and is told, the target, a chart of the period's values
 * with the target line, the values and the evaluations. Three queries whatever the number of measures.
 */
export async function measureReport(
  ctx: OrgContext,
  q: { from?: string | undefined; to?: string | undefined },
  format: 'pdf' | 'docx',
): Promise<DocumentModel> {
  const now = new Date().toISOString();
  const { from, to } = reportRange(q, now.slice(0, 10));
  const db = ctx.db;
  const measures = await db
    .selectFrom('measures as m')
    .leftJoin('users as mb', 'mb.id', 'm.measuredById')
    .leftJoin('users as ab', 'ab.id', 'm.analysedById')
    .select([
      'm.id',
      'm.ref',
      'm.title',
      'm.kind',
      'm.informationNeed',
      'm.objectMeasured',
      'm.attribute',
      'm.method',
      'm.baseMeasures',
      'm.formula',
      'm.unit',
      'm.targetValue',
      'm.targetDirection',
      'm.amberThreshold',
      'm.frequency',
      'm.analysisFrequency',
      'm.reportedTo',
      'm.latestValue',
      'm.latestPeriod',
      'm.latestRag',
      'mb.name as measuredBy',
      'ab.name as analysedBy',
    ])
    .where('m.orgId', '=', ctx.org.id)
    .where('m.status', '=', 'active')
    .orderBy('m.ref')
    .execute();
  const results = await db
    .selectFrom('measureResults as r')
    .innerJoin('measures as m', (j) => j.onRef('m.id', '=', 'r.measureId').on('m.orgId', '=', ctx.org.id))
    .select(['r.measureId', 'r.periodKey', 'r.value', 'r.rag', 'r.source', 'r.evaluatedAt'])
    .where('r.orgId', '=', ctx.org.id)
    .where('m.status', '=', 'active')
    .where('r.supersededBy', 'is', null)
    .where('r.measuredOn', '>=', from)
    .where('r.measuredOn', '<=', to)
    .orderBy('r.measureId')
    .orderBy('r.periodKey')
    .limit(MAX_REPORT_RESULTS + 1)
    .execute();
  if (results.length > MAX_REPORT_RESULTS)
    throw new ValidationError([
      { field: 'query.from', message: `More than ${MAX_REPORT_RESULTS} results: narrow the dates with from and to` },
    ]);
  // period keys begin with their year: every period that can overlap from..to sorts between these two keys
  // ('~' sorts after '-'; a year either side for ISO weeks, whose week-year is not the calendar year); the exact
  // overlap is checked below with the measure's analysis frequency
  const evaluations = await db
    .selectFrom('measureEvaluations as e')
    .innerJoin('measures as m', (j) => j.onRef('m.id', '=', 'e.measureId').on('m.orgId', '=', ctx.org.id))
    .leftJoin('users as u', 'u.id', 'e.evaluatedBy')
    .select(['e.measureId', 'e.periodKey', 'e.rag', 'e.note', 'e.evaluatedAt', 'u.name as evaluatedBy'])
    .where('e.orgId', '=', ctx.org.id)
    .where('m.status', '=', 'active')
    .where('e.periodKey', '>=', String(Number(from.slice(0, 4)) - 1))
    .where('e.periodKey', '<=', `${Number(to.slice(0, 4)) + 1}~`)
    .orderBy('e.measureId')
    .orderBy('e.periodKey')
    .limit(MAX_REPORT_EVALUATIONS)
    .execute();

  const resultsOf = groupBy(results, (r) => r.measureId);
  const evaluationsOf = groupBy(evaluations, (e) => e.measureId);
  const overview = measures.map((m) => [
    m.ref,
    m.title,
    t(`measures.kind.${m.kind}`),
    targetWords(m),
    m.latestValue === null ? '' : `${withUnit(m.latestValue, m.unit)}${m.latestPeriod ? ` (${m.latestPeriod})` : ''}`,
    ragWord(m.latestRag),
  ]);
  const sections: DocumentBlock[] = [
    {
      kind: 'table',
      heading: t('measures.report.overview'),
      columns: [
        t('measures.report.col.measure'),
        t('measures.field.title'),
        t('measures.field.kind'),
        t('measures.field.targetValue'),
        t('measures.report.col.latest'),
        t('measures.report.col.rag'),
      ],
      rows: overview,
      fills: measures.map((m) => [null, null, null, null, null, fill(m.latestRag)]),
      widths: [2, 6, 3, 2, 3, 2],
    },
  ];
  for (const m of measures) {
    const frequency = frequencySchema.parse(m.frequency);
    const analysis: Frequency = frequencySchema.catch(frequency).parse(m.analysisFrequency);
    const own = resultsOf.get(m.id) ?? [];
    const byPeriod = new Map(own.map((r) => [r.periodKey, r]));
    const periods = periodsBetween(frequency, periodKey(frequency, from), periodKey(frequency, to));
    const evals = (evaluationsOf.get(m.id) ?? []).filter((e) => overlaps(analysis, e.periodKey, from, to));
    const definition: [string, string | null][] = [
      [t('measures.field.kind'), t(`measures.kind.${m.kind}`)],
      [t('measures.field.objectMeasured'), m.objectMeasured],
      [t('measures.field.attribute'), m.attribute],
      [t('measures.field.method'), m.method],
      [t('measures.field.baseMeasures'), m.baseMeasures],
      [t('measures.field.formula'), m.formula],
      [t('measures.field.frequency'), t(`measures.frequency.${frequency}`)],
      [t('measures.field.analysisFrequency'), t(`measures.frequency.${analysis}`)],
      [t('measures.field.measuredBy'), m.measuredBy],
      [t('measures.field.analysedBy'), m.analysedBy],
      [t('measures.field.reportedTo'), m.reportedTo],
      [t('measures.field.targetValue'), targetWords(m)],
      [t('measures.field.amberThreshold'), m.amberThreshold === null ? null : withUnit(m.amberThreshold, m.unit)],
    ];
    sections.push(
      // the information need (9.1 a: what needs to be known) opens the measure's section
      {
        kind: 'text',
        heading: `${m.ref} ${m.title}`,
        paragraphs: [`${t('measures.field.informationNeed')}: ${m.informationNeed}`],
      },
      {
        kind: 'table',
        heading: t('measures.report.definition'),
        subheading: true,
        columns: [t('measures.report.col.aspect'), t('measures.report.col.description')],
        rows: definition.flatMap(([k, v]) => (v ? [[k, v]] : [])),
        rowHeadings: true,
        widths: [1, 3],
      },
      {
        kind: 'chart',
        heading: t('measures.report.chart'),
        subheading: true,
        chart: {
          kind: 'line',
          unit: m.unit,
          categories: periods,
          series: [{ name: m.title, values: periods.map((p) => byPeriod.get(p)?.value ?? null) }],
          references: [
            { label: t('measures.field.targetValue'), value: m.targetValue, style: 'target' },
            ...(m.amberThreshold === null
              ? []
              : [{ label: t('measures.field.amberThreshold'), value: m.amberThreshold, style: 'threshold' as const }]),
          ],
          description: t('measures.report.chartDescription'),
        },
      },
      {
        kind: 'table',
        heading: t('measures.report.values'),
        subheading: true,
        columns: [
          t('measures.report.period'),
          t('measures.report.col.value'),
          t('measures.report.col.rag'),
          t('measures.report.col.source'),
          t('measures.report.col.evaluated'),
        ],
        rows: own.map((r) => [
          r.periodKey,
          r.value === null ? '' : withUnit(r.value, m.unit),
          ragWord(r.rag),
          t(`measures.report.source.${r.source}`),
          r.evaluatedAt ? t('measures.report.yes') : t('measures.report.no'),
        ]),
        fills: own.map((r) => [null, null, fill(r.rag), null, null]),
      },
      {
        kind: 'table',
        heading: t('measures.report.evaluations'),
        subheading: true,
        columns: [
          t('measures.report.period'),
          t('measures.report.col.rag'),
          t('measures.report.col.note'),
          t('measures.report.col.by'),
          t('measures.report.col.when'),
        ],
        rows: evals.map((e) => [e.periodKey, ragWord(e.rag), e.note, e.evaluatedBy ?? '', when(e.evaluatedAt)]),
        fills: evals.map((e) => [null, fill(e.rag), null, null, null]),
        widths: [2, 2, 8, 3, 3],
      },
    );
  }
  await recordAuditAlone(db, {
    orgId: ctx.org.id,
    actor: ctx.actor,
    ip: ctx.ip,
    entityType: 'measure',
    event: {
      type: 'export.generated',
      payload: { format, rows: results.length, filters: { from, to, report: true } },
    },
  });
  return {
    title: t('measures.report.title'),
    subtitle: t('measures.report.subtitle', { org: ctx.org.name, from, to }),
    footer: t('measures.report.footer', { org: ctx.org.name, from, to }),
    control: [
      [t('measures.report.organization'), ctx.org.name],
      [t('measures.report.period'), `${from} – ${to}`],
      [t('measures.report.generatedAt'), when(now)],
      [t('measures.report.generatedBy'), ctx.actor.label],
    ],
    approvalHeading: '',
    approvalColumns: [],
    approvals: [],
    approvalNote: null,
    sections: measures.length
      ? sections
      : [{ kind: 'text', heading: t('measures.report.overview'), paragraphs: [t('measures.report.noMeasures')] }],
    emptyText: t('measures.report.nothing'),
    filenameBase: `${ctx.org.slug}-measurement-report-${from}-to-${to}`,
    notice:
      evaluations.length === MAX_REPORT_EVALUATIONS
        ? t('measures.report.tooManyEvaluations', { n: MAX_REPORT_EVALUATIONS })
        : undefined,
  };
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of xs) {
    const list = out.get(key(x));
    if (list) list.push(x);
    else out.set(key(x), [x]);
  }
  return out;
}

/** Whether an analysis period (of that frequency) shares a day with from..to; a key of another frequency: no. */
function overlaps(frequency: Frequency, key: string, from: string, to: string): boolean {
  try {
    const b = periodBounds(frequency, key);
    return b.from <= to && b.to >= from;
  } catch {
    return false;
  }
}
