import { asCount, type BuiltInMeasure } from '../measurement/builtin/builtin-measure.js';

/** Nonconformities not closed past their due date (the register's `overdue` filter). */
export const overdueNonconformitiesMeasure: BuiltInMeasure = {
  key: 'overdue_nonconformities',
  title: 'Open nonconformities past their due date',
  informationNeed: 'Are nonconformities handled (corrected, analysed, acted on, verified) by the date agreed?',
  kind: 'effectiveness',
  method: 'Counted by Rampart: nonconformities, not archived, not closed, whose due date is before the day measured.',
  baseMeasures:
    'pastDue: Open nonconformities past their due date [nonconformities]\nopen: Open nonconformities [nonconformities]',
  unit: 'nonconformities',
  direction: 'at_most',
  defaultTarget: 0,
  defaultAmber: 2,
  frequency: 'monthly',
  async compute(db, orgId, asOf) {
    const row = await db
      .selectFrom('nonconformities')
      .select((eb) => [
        eb.fn.countAll().as('open'),
        eb.fn.sum(eb.case().when('dueDate', '<', asOf).then(1).else(0).end()).as('pastDue'),
      ])
      .where('orgId', '=', orgId)
      .where('archivedAt', 'is', null)
      .where('status', '<>', 'closed')
      .executeTakeFirstOrThrow();
    const base = { pastDue: asCount(row.pastDue), open: asCount(row.open) };
    return { value: base.pastDue, base };
  },
};
