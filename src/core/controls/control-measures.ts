import { EVIDENCE_LINK_KIND } from '../../schema/evidence/evidence.register.js';
import { asCount, percent, type BuiltInMeasure } from '../measurement/builtin/builtin-measure.js';

/**
 * Of the controls the Statement of Applicability declares applicable, the share with current evidence attached:
 * an `evidence` link (either direction, as the evidence register reads it) to evidence that is neither archived nor
 * superseded and still valid on the day measured.
 */
export const evidencedControlsMeasure: BuiltInMeasure = {
  key: 'applicable_controls_with_evidence',
  title: 'Applicable controls with evidence',
  informationNeed: 'Can we show that the controls we declared applicable are in place (evidence for 9.1 and audits)?',
  kind: 'performance',
  method:
    'Counted by Rampart: controls not archived whose applicability is "applicable"; of those, the share with at least one piece of evidence attached that is not archived, not superseded and valid on the day measured.',
  baseMeasures: 'applicable: Applicable controls [controls]\nevidenced: Of those, with current evidence [controls]',
  formula: 'evidenced / applicable * 100',
  unit: '%',
  direction: 'at_least',
  defaultTarget: 90,
  defaultAmber: 70,
  frequency: 'monthly',
  async compute(db, orgId, asOf) {
    const row = await db
      .selectFrom('controls as c')
      .select((eb) => {
        const evidenced = eb.exists(
          eb
            .selectFrom('links as l')
            .select('l.id')
            .where('l.orgId', '=', orgId)
            .where('l.kind', '=', EVIDENCE_LINK_KIND)
            .where((e) =>
              e.or([
                e.and([
                  e('l.toType', '=', 'control'),
                  e('l.toId', '=', e.ref('c.id')),
                  e('l.fromType', '=', 'evidence'),
                  e.exists(
                    e
                      .selectFrom('evidence as e')
                      .select('e.id')
                      .where('e.orgId', '=', orgId)
                      .whereRef('e.id', '=', 'l.fromId')
                      .where('e.archivedAt', 'is', null)
                      .where('e.supersededById', 'is', null)
                      .where((v) => v.or([v('e.validUntil', 'is', null), v('e.validUntil', '>=', asOf)])),
                  ),
                ]),
                e.and([
                  e('l.fromType', '=', 'control'),
                  e('l.fromId', '=', e.ref('c.id')),
                  e('l.toType', '=', 'evidence'),
                  e.exists(
                    e
                      .selectFrom('evidence as e')
                      .select('e.id')
                      .where('e.orgId', '=', orgId)
                      .whereRef('e.id', '=', 'l.toId')
                      .where('e.archivedAt', 'is', null)
                      .where('e.supersededById', 'is', null)
                      .where((v) => v.or([v('e.validUntil', 'is', null), v('e.validUntil', '>=', asOf)])),
                  ),
                ]),
              ]),
            ),
        );
        return [
          eb.fn.countAll().as('applicable'),
          eb.fn.sum(eb.case().when(evidenced).then(1).else(0).end()).as('evidenced'),
        ];
      })
      .where('c.orgId', '=', orgId)
      .where('c.archivedAt', 'is', null)
      .where('c.applicability', '=', 'applicable')
      .executeTakeFirstOrThrow();
    const base = { applicable: asCount(row.applicable), evidenced: asCount(row.evidenced) };
    const value = percent(base.evidenced, base.applicable);
    return value === null ? { value, base, note: 'No control is declared applicable yet' } : { value, base };
  },
};
