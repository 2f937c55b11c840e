import { sql } from 'kysely';
import {
  FEEDBACK_KINDS,
  FEEDBACK_STATUSES,
  partyFeedbackRegister,
} from '../../../schema/management-review/party-feedback.register.js';
import type { ReviewInputSection } from '../../../schema/management-review/review-inputs.schema.js';
import { translate as t } from '../../../schema/i18n/translate.js';
import { TABLE_CAP, capped, count, countsInOrder, sinceLabel, type InputWindow } from './input-window.js';
import { optionLabel } from './record-changes.js';

/**
 * e) Feedback from interested parties (9.3.2 e), from the party feedback register: what was received in the window,
 * by kind (complaints, requests for change, suggestions… recorded as such, 27003 9.3), and what is still unanswered.
 */
export async function partyFeedback(w: InputWindow): Promise<ReviewInputSection> {
  const current = w.db
    .selectFrom('partyFeedback as f')
    .where('f.orgId', '=', w.orgId)
    .where('f.archivedAt', 'is', null);
  const received = current.where('f.receivedOn', '>', w.since ?? '').where('f.receivedOn', '<=', w.asOf);
  const byKind = await received
    .select(['f.kind as key', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('f.kind')
    .execute();
  const byStatus = await received
    .select(['f.status as key', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('f.status')
    .execute();
  const unanswered = await current
    .where('f.receivedOn', '<=', w.asOf)
    .where('f.status', 'in', ['received', 'in_progress'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await received
    .leftJoin('interestedParties as p', (j) => j.onRef('p.id', '=', 'f.partyId').onRef('p.orgId', '=', 'f.orgId'))
    .select(['f.ref', 'f.kind', 'p.name as party', 'f.receivedOn', 'f.status', 'f.summary'])
    .orderBy('f.receivedOn', 'desc')
    .orderBy(sql`length(f.ref)`, 'desc')
    .orderBy('f.ref', 'desc')
    .limit(TABLE_CAP)
    .execute();
  const kinds = countsInOrder(FEEDBACK_KINDS, byKind);
  const statuses = countsInOrder(FEEDBACK_STATUSES, byStatus);
  const total = kinds.reduce((s, n) => s + n, 0);
  const since = sinceLabel(w);
  const facts: [string, string][] = [
    [t('review-inputs.e.received', { since }), count(total)],
    ...FEEDBACK_KINDS.map((k, i): [string, string] => [optionLabel(partyFeedbackRegister, 'kind', k), count(kinds[i])]),
    [t('review-inputs.e.answered', { since }), count(statuses[2]! + statuses[3]!)],
    [t('review-inputs.e.unanswered'), count(unanswered.n)],
  ];
  const title = t('review-inputs.e.table');
  capped(facts, title, total);
  return {
    key: 'partyFeedback',
    facts,
    tables: [
      {
        title,
        columns: [
          t('review-inputs.col.ref'),
          t('review-inputs.col.kind'),
          t('review-inputs.col.party'),
          t('review-inputs.col.received'),
          t('review-inputs.col.status'),
          t('review-inputs.col.summary'),
        ],
        rows: rows.map((r) => [
          r.ref,
          optionLabel(partyFeedbackRegister, 'kind', r.kind),
          r.party ?? '',
          r.receivedOn,
          optionLabel(partyFeedbackRegister, 'status', r.status),
          r.summary,
        ]),
        emptyText: t('review-inputs.e.empty', { since }),
      },
    ],
    charts: [
      {
        title: t('review-inputs.e.chart'),
        chart: {
          kind: 'bar',
          unit: null,
          categories: FEEDBACK_KINDS.map((k) => optionLabel(partyFeedbackRegister, 'kind', k)),
          series: [{ name: t('review-inputs.e.series'), values: kinds }],
          references: [],
          description: t('review-inputs.e.chartDescription', { n: total, since }),
        },
      },
    ],
    notBuilt: [],
  };
}
