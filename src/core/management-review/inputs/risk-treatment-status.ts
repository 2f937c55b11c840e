import { sql } from 'kysely';
import { CLOSED_ACTION_STATUSES } from '../../../schema/actions/action.register.js';
import { TREATMENT_OPTIONS } from '../../../schema/controls/treatment.schema.js';
import type { ReviewInputSection } from '../../../schema/management-review/review-inputs.schema.js';
import { translate as t } from '../../../schema/i18n/translate.js';
import { acceptanceState } from '../../controls/acceptance-state.js';
import { evaluateResidual } from '../../controls/treatment-read.service.js';
import { labelIn } from '../../risks/level-labels.js';
import { methodologyInForce } from '../../risks/methodology.service.js';
import { TABLE_CAP, capped, count, countsInOrder, type InputWindow } from './input-window.js';

type Part = Pick<ReviewInputSection, 'facts' | 'tables' | 'charts'>;
const CLOSED = [...CLOSED_ACTION_STATUSES];

/**
 * Residual risks against the acceptance criteria and the treatment plan's progress. Every risk whose level is beyond
 * the criteria is placed once: untreated, treated with an expected residual within the criteria, or still beyond
 * them — then with or without the owner's valid acceptance (acceptance-state.ts, the rule the plan reads). The
 * residual is evaluated with the methodology in force, as the plan does; one pass over the unacceptable risks (a
 * few columns each), so 5,000 risks stay a handful of queries.
 */
export async function treatmentStatus(w: InputWindow): Promise<Part> {
  const inForce = await methodologyInForce(w.ctx, w.db);
  const risks = await w.db
    .selectFrom('risks as r')
    .leftJoin('riskTreatments as t', (j) => j.onRef('t.riskId', '=', 'r.id').onRef('t.orgId', '=', 'r.orgId'))
    .leftJoin('users as u', 'u.id', 'r.ownerId')
    .select([
      'r.id',
      'r.ref',
      'r.title',
      'r.level',
      'r.ownerId',
      'r.ownerChangedAt',
      'u.name as owner',
      't.riskId as treated',
      't.version',
      't.residualLikelihood',
      't.residualConsequence',
      't.residualConsequenceC',
      't.residualConsequenceI',
      't.residualConsequenceA',
    ])
    .where('r.orgId', '=', w.orgId)
    .where('r.archivedAt', 'is', null)
    .where('r.status', '!=', 'closed')
    .where('r.acceptable', '=', 0)
    .orderBy(sql`r.priority is null`)
    .orderBy('r.priority')
    .orderBy(sql`length(r.ref)`)
    .orderBy('r.ref')
    .execute();
  // each risk's latest acceptance only
  const acceptances = await w.db
    .selectFrom('riskAcceptances as a')
    .select(['a.riskId', 'a.treatmentVersion', 'a.acceptedBy', 'a.acceptedByName', 'a.acceptedAt', 'a.expiresOn'])
    .where('a.orgId', '=', w.orgId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('riskAcceptances as n')
            .select(sql.lit(1).as('x'))
            .whereRef('n.riskId', '=', 'a.riskId')
            .where('n.orgId', '=', w.orgId)
            .whereRef('n.acceptedAt', '>', 'a.acceptedAt'),
        ),
      ),
    )
    .execute();
  const latest = new Map(acceptances.map((a) => [a.riskId, a]));
  const label = (key: string | null) => labelIn(inForce?.methodology, key) ?? '';

  let untreated = 0;
  let meets = 0;
  let accepted = 0;
  const beyond: { row: string[]; accepted: boolean }[] = [];
  for (const r of risks) {
    const residual = r.treated ? evaluateResidual(inForce, r) : null;
    if (r.treated && residual?.acceptable === true) {
      meets++;
      continue;
    }
    if (!r.treated) untreated++;
    const a = latest.get(r.id);
    const state =
      a && r.version !== null
        ? acceptanceState(
            a,
            { treatmentVersion: r.version, ownerId: r.ownerId, ownerChangedAt: r.ownerChangedAt },
            w.asOf,
          )
        : null;
    if (state === 'valid') accepted++;
    const acceptance = !a
      ? t('review-inputs.f.acceptanceNone')
      : t(`review-inputs.f.acceptance.${state ?? 'outdated'}`, {
          by: a.acceptedByName,
          date: a.acceptedAt.slice(0, 10),
        });
    const residualText = !r.treated
      ? t('review-inputs.f.noTreatment')
      : residual
        ? (residual.levelLabel ?? '')
        : t('review-inputs.f.residualNotEvaluated');
    beyond.push({
      row: [r.ref, r.title, r.owner ?? '', label(r.level), residualText, acceptance],
      accepted: state === 'valid',
    });
  }
  // those without a valid acceptance first: they are what management must decide on
  beyond.sort((a, b) => Number(a.accepted) - Number(b.accepted));

  const treatedRisks = w.db
    .selectFrom('risks as r')
    .where('r.orgId', '=', w.orgId)
    .where('r.archivedAt', 'is', null)
    .where('r.status', '!=', 'closed');
  const [treated, options] = await Promise.all([
    treatedRisks
      .innerJoin('riskTreatments as t', (j) => j.onRef('t.riskId', '=', 'r.id').onRef('t.orgId', '=', 'r.orgId'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    treatedRisks
      .innerJoin('riskTreatmentOptions as o', (j) => j.onRef('o.riskId', '=', 'r.id').onRef('o.orgId', '=', 'r.orgId'))
      .select(['o.option as key', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('o.option')
      .execute(),
  ]);
  const actions = w.db
    .selectFrom('actions')
    .where('orgId', '=', w.orgId)
    .where('archivedAt', 'is', null)
    .where('sourceType', '=', 'risk');
  const byStatus = await actions
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const overdue = await actions
    .where('status', 'not in', CLOSED)
    .where('dueDate', '<', w.asOf)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const statusN = (pred: (s: string) => boolean) =>
    byStatus.filter((r) => pred(r.status)).reduce((s, r) => s + Number(r.n), 0);

  const optionCounts = countsInOrder(TREATMENT_OPTIONS, options);
  const title = t('review-inputs.f.residualTable');
  const facts: [string, string][] = [
    [t('review-inputs.f.unacceptable'), count(risks.length)],
    [t('review-inputs.f.untreated'), count(untreated)],
    [t('review-inputs.f.residualMeets'), count(meets)],
    [t('review-inputs.f.residualBeyondAccepted'), count(accepted)],
    [t('review-inputs.f.residualBeyondNotAccepted'), count(beyond.length - accepted)],
    [t('review-inputs.f.treated'), count(treated.n)],
    [t('review-inputs.f.actionsOpen'), count(statusN((s) => !CLOSED.includes(s as (typeof CLOSED)[number])))],
    [t('review-inputs.f.actionsOverdue'), count(overdue.n)],
    [t('review-inputs.f.actionsDone'), count(statusN((s) => s === 'done'))],
  ];
  capped(facts, title, beyond.length);
  return {
    facts,
    tables: [
      {
        title,
        columns: [
          t('review-inputs.col.ref'),
          t('review-inputs.col.risk'),
          t('review-inputs.col.owner'),
          t('review-inputs.col.level'),
          t('review-inputs.col.residual'),
          t('review-inputs.col.acceptance'),
        ],
        rows: beyond.slice(0, TABLE_CAP).map((b) => b.row),
        emptyText: t('review-inputs.f.residualEmpty'),
      },
    ],
    charts: [
      {
        title: t('review-inputs.f.optionsChart'),
        chart: {
          kind: 'bar',
          unit: null,
          categories: TREATMENT_OPTIONS.map((o) => t(`planPage.option.${o}`)),
          series: [{ name: t('review-inputs.f.optionsSeries'), values: optionCounts }],
          references: [],
          description: t('review-inputs.f.optionsChartDescription', { n: Number(treated.n) }),
        },
      },
    ],
  };
}
