import { POLICY_TYPES } from '../../schema/documents/document.register.js';
import { asCount, percent, type BuiltInMeasure } from '../measurement/builtin/builtin-measure.js';
import { CONFIDENTIAL_READERS } from './document-access.js';

/**
 * Of the people who must acknowledge a published policy (its audience, of those who may read it: the rule of
 * `audienceOf` and `memberCanRead`), the share who acknowledged the published version: one query over every
 * (member, published policy) pair of the organization.
 */
export const policyAcknowledgementMeasure: BuiltInMeasure = {
  key: 'policy_acknowledgement_rate',
  title: 'Policy acknowledgement rate',
  informationNeed: 'Have the people our policies are for read and acknowledged the version in force (5.2, 7.3)?',
  kind: 'performance',
  method:
    'Counted by Rampart: for every published policy and topic-specific policy, each member in its audience who may read it; the share of those (member, policy) pairs with an acknowledgement of the published version.',
  baseMeasures:
    'expected: Acknowledgements due (member × published policy) [acknowledgements]\nacknowledged: Acknowledgements given [acknowledgements]',
  formula: 'acknowledged / expected * 100',
  unit: '%',
  direction: 'at_least',
  defaultTarget: 95,
  defaultAmber: 80,
  frequency: 'monthly',
  async compute(db, orgId) {
    const row = await db
      .selectFrom('documents as d')
      .innerJoin('memberships as m', (j) => j.onRef('m.orgId', '=', 'd.orgId'))
      .select((eb) => {
        const named = (relations: string[], subject: 'm.userId' | 'm.role') =>
          eb.exists(
            eb
              .selectFrom('documentPeople as p')
              .select('p.subject')
              .where('p.orgId', '=', orgId)
              .whereRef('p.documentId', '=', 'd.id')
              .where('p.relation', 'in', relations)
              .whereRef('p.subject', '=', subject),
          );
        const acknowledged = eb.exists(
          eb
            .selectFrom('documentAcknowledgements as a')
            .select('a.id')
            .where('a.orgId', '=', orgId)
            .whereRef('a.documentId', '=', 'd.id')
            .whereRef('a.versionNo', '=', 'd.publishedVersion')
            .whereRef('a.userId', '=', 'm.userId'),
        );
        const inAudience = eb.or([
          eb('d.audience', '=', 'all_members'),
          eb.and([eb('d.audience', '=', 'roles'), named(['audience_role'], 'm.role')]),
          eb.and([eb('d.audience', '=', 'people'), named(['audience_user'], 'm.userId')]),
        ]);
        const mayRead = eb.or([
          eb('m.role', '=', 'admin'),
          eb('d.classification', 'in', ['public', 'internal']),
          eb.and([eb('d.classification', '=', 'confidential'), eb('m.role', 'in', [...CONFIDENTIAL_READERS])]),
          eb('d.ownerId', '=', eb.ref('m.userId')),
          eb('d.authorId', '=', eb.ref('m.userId')),
          named(['approver', 'audience_user'], 'm.userId'),
          named(['audience_role'], 'm.role'),
        ]);
        return [
          eb.fn
            .sum(
              eb
                .case()
                .when(eb.and([inAudience, mayRead]))
                .then(1)
                .else(0)
                .end(),
            )
            .as('expected'),
          eb.fn
            .sum(
              eb
                .case()
                .when(eb.and([inAudience, mayRead, acknowledged]))
                .then(1)
                .else(0)
                .end(),
            )
            .as('acknowledged'),
        ];
      })
      .where('d.orgId', '=', orgId)
      .where('d.archivedAt', 'is', null)
      .where('d.status', '=', 'published')
      .where('d.type', 'in', [...POLICY_TYPES])
      .executeTakeFirstOrThrow();
    const base = { expected: asCount(row.expected), acknowledged: asCount(row.acknowledged) };
    const value = percent(base.acknowledged, base.expected);
    return value === null ? { value, base, note: 'No published policy has anyone to acknowledge it' } : { value, base };
  },
};
