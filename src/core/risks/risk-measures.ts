import { asCount, percent, type BuiltInMeasure } from '../measurement/builtin/builtin-measure.js';

/**
 * Of the risks beyond the acceptance criteria (evaluated `acceptable = 0`, neither archived nor closed), the share
 * whose owner's latest acceptance of the current treatment still holds: the rule of `acceptanceState` (bound to the
 * treatment version and to the owner who gave it, not past its review date) as one query.
 */
export const acceptedRiskTreatmentsMeasure: BuiltInMeasure = {
  key: 'risks_beyond_acceptance_accepted',
  title: 'Risks beyond acceptance with an accepted treatment',
  informationNeed:
    'Have the owners of the risks beyond our acceptance criteria approved their treatment and accepted the residual risk (6.1.3 f)?',
  kind: 'effectiveness',
  method:
    'Counted by Rampart: risks not archived or closed whose level is beyond the acceptance criteria; of those, the share whose owner accepted the current treatment version, the acceptance given by the present owner and not past its review date.',
  baseMeasures:
    'beyond: Risks beyond the acceptance criteria [risks]\naccepted: Of those, with a valid acceptance [risks]',
  formula: 'accepted / beyond * 100',
  unit: '%',
  direction: 'at_least',
  defaultTarget: 100,
  defaultAmber: 80,
  frequency: 'monthly',
  async compute(db, orgId, asOf) {
    const row = await db
      .selectFrom('risks as r')
      .leftJoin('riskTreatments as rt', (j) => j.onRef('rt.riskId', '=', 'r.id').on('rt.orgId', '=', orgId))
      .select((eb) => [
        eb.fn.countAll().as('beyond'),
        eb.fn
          .sum(
            eb
              .case()
              .when(
                eb.exists(
                  eb
                    .selectFrom('riskAcceptances as a')
                    .select('a.id')
                    .where('a.orgId', '=', orgId)
                    .whereRef('a.riskId', '=', 'r.id')
                    .whereRef('a.treatmentVersion', '=', 'rt.version')
                    .whereRef('a.acceptedBy', '=', 'r.ownerId')
                    .where((e) =>
                      e.or([e('r.ownerChangedAt', 'is', null), e('r.ownerChangedAt', '<', e.ref('a.acceptedAt'))]),
                    )
                    .where((e) => e.or([e('a.expiresOn', 'is', null), e('a.expiresOn', '>=', asOf)]))
                    // only the latest acceptance counts: an older one cannot outlive a newer, expired one
                    .where((e) =>
                      e.not(
                        e.exists(
                          e
                            .selectFrom('riskAcceptances as later')
                            .select('later.id')
                            .where('later.orgId', '=', orgId)
                            .whereRef('later.riskId', '=', 'r.id')
                            .whereRef('later.acceptedAt', '>', 'a.acceptedAt'),
                        ),
                      ),
                    ),
                ),
              )
              .then(1)
              .else(0)
              .end(),
          )
          .as('accepted'),
      ])
      .where('r.orgId', '=', orgId)
      .where('r.archivedAt', 'is', null)
      .where('r.status', '<>', 'closed')
      .where('r.acceptable', '=', 0)
      .executeTakeFirstOrThrow();
    const base = { beyond: asCount(row.beyond), accepted: asCount(row.accepted) };
    const value = percent(base.accepted, base.beyond);
    return value === null ? { value, base, note: 'No risk is beyond the acceptance criteria' } : { value, base };
  },
};
