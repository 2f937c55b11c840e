import { CLOSED_ACTION_STATUSES } from '../../schema/actions/action.register.js';
import { asCount, type BuiltInMeasure } from '../measurement/builtin/builtin-measure.js';

/** Tracker actions still open past their due date (the same rule as the register's `overdue` filter). */
export const overdueActionsMeasure: BuiltInMeasure = {
  key: 'overdue_actions',
  title: 'Overdue actions',
  informationNeed: 'Are the actions we planned (risk treatment, corrective actions, objectives) done on time?',
  kind: 'performance',
  method:
    'Counted by Rampart: actions of the tracker, not archived, neither done nor cancelled, whose due date is before the day measured.',
  baseMeasures: 'overdue: Overdue actions [actions]\nopen: Open actions [actions]',
  unit: 'actions',
  direction: 'at_most',
  defaultTarget: 0,
  defaultAmber: 5,
  frequency: 'monthly',
  async compute(db, orgId, asOf) {
    const row = await db
      .selectFrom('actions')
      .select((eb) => [
        eb.fn.countAll().as('open'),
        eb.fn.sum(eb.case().when('dueDate', '<', asOf).then(1).else(0).end()).as('overdue'),
      ])
      .where('orgId', '=', orgId)
      .where('archivedAt', 'is', null)
      .where('status', 'not in', [...CLOSED_ACTION_STATUSES])
      .executeTakeFirstOrThrow();
    const base = { overdue: asCount(row.overdue), open: asCount(row.open) };
    return { value: base.overdue, base };
  },
};
