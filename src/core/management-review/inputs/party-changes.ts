import { interestedPartyRegister } from '../../../schema/context/interested-party.register.js';
import { requirementRegister } from '../../../schema/context/requirement.register.js';
import type { ReviewInputSection } from '../../../schema/management-review/review-inputs.schema.js';
import { translate as t } from '../../../schema/i18n/translate.js';
import { capped, count, sinceLabel, type InputWindow } from './input-window.js';
import { changeRows, optionLabel, recordChanges } from './record-changes.js';

/**
 * c) Changes in needs and expectations of interested parties (4.2, the 2022 input): the parties, and their
 * requirements, added, changed and removed in the window (two tables).
 */
export async function partyChanges(w: InputWindow): Promise<ReviewInputSection> {
  const parties = await recordChanges(w, interestedPartyRegister, async () => {
    const rows = await w.db
      .selectFrom('interestedParties')
      .select(['id', 'ref', 'name', 'direction', 'createdAt', 'updatedAt', 'archivedAt'])
      .where('orgId', '=', w.orgId)
      .where((eb) => eb.or([eb('createdAt', '>=', w.lo), eb('updatedAt', '>=', w.lo), eb('archivedAt', '>=', w.lo)]))
      .execute();
    return rows.map((r) => ({
      ...r,
      cells: [r.name, optionLabel(interestedPartyRegister, 'direction', r.direction)],
    }));
  });
  const requirements = await recordChanges(w, requirementRegister, async () => {
    const rows = await w.db
      .selectFrom('requirements as q')
      .innerJoin('interestedParties as p', (j) => j.onRef('p.id', '=', 'q.partyId').onRef('p.orgId', '=', 'q.orgId'))
      .select(['q.id', 'q.ref', 'q.title', 'p.name as party', 'q.kind', 'q.createdAt', 'q.updatedAt', 'q.archivedAt'])
      .where('q.orgId', '=', w.orgId)
      .where((eb) =>
        eb.or([eb('q.createdAt', '>=', w.lo), eb('q.updatedAt', '>=', w.lo), eb('q.archivedAt', '>=', w.lo)]),
      )
      .execute();
    return rows.map((r) => ({ ...r, cells: [r.title, r.party, optionLabel(requirementRegister, 'kind', r.kind)] }));
  });
  const since = sinceLabel(w);
  const partiesTitle = t('review-inputs.c.partiesTable');
  const requirementsTitle = t('review-inputs.c.requirementsTable');
  const facts: [string, string][] = [
    [t('review-inputs.c.partiesAdded', { since }), count(parties.added)],
    [t('review-inputs.c.partiesChanged', { since }), count(parties.changed)],
    [t('review-inputs.c.partiesRemoved', { since }), count(parties.removed)],
    [t('review-inputs.c.requirementsAdded', { since }), count(requirements.added)],
    [t('review-inputs.c.requirementsChanged', { since }), count(requirements.changed)],
    [t('review-inputs.c.requirementsRemoved', { since }), count(requirements.removed)],
  ];
  capped(facts, partiesTitle, parties.changes.length);
  capped(facts, requirementsTitle, requirements.changes.length);
  const change = [t('review-inputs.col.change'), t('review-inputs.col.when')];
  return {
    key: 'partyChanges',
    facts,
    tables: [
      {
        title: partiesTitle,
        columns: [
          t('review-inputs.col.ref'),
          t('review-inputs.col.party'),
          t('review-inputs.col.direction'),
          ...change,
        ],
        rows: changeRows(parties.changes),
        emptyText: t('review-inputs.c.partiesEmpty', { since }),
      },
      {
        title: requirementsTitle,
        columns: [
          t('review-inputs.col.ref'),
          t('review-inputs.col.requirement'),
          t('review-inputs.col.party'),
          t('review-inputs.col.kind'),
          ...change,
        ],
        rows: changeRows(requirements.changes),
        emptyText: t('review-inputs.c.requirementsEmpty', { since }),
      },
    ],
    charts: [],
    notBuilt: [],
  };
}
