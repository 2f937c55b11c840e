import { issueRegister } from '../../../schema/context/issue.register.js';
import type { ReviewInputSection } from '../../../schema/management-review/review-inputs.schema.js';
import { translate as t } from '../../../schema/i18n/translate.js';
import { capped, count, sinceLabel, type InputWindow } from './input-window.js';
import { changeRows, optionLabel, recordChanges } from './record-changes.js';

/**
 * b) Changes in external and internal issues relevant to the ISMS (4.1): what was added, changed and removed
 * (archived) in the window, with the fields each change touched.
 */
export async function contextChanges(w: InputWindow): Promise<ReviewInputSection> {
  const { changes, added, changed, removed } = await recordChanges(w, issueRegister, async () => {
    const rows = await w.db
      .selectFrom('issues')
      .select(['id', 'ref', 'title', 'direction', 'createdAt', 'updatedAt', 'archivedAt'])
      .where('orgId', '=', w.orgId)
      .where((eb) => eb.or([eb('createdAt', '>=', w.lo), eb('updatedAt', '>=', w.lo), eb('archivedAt', '>=', w.lo)]))
      .execute();
    return rows.map((r) => ({ ...r, cells: [r.title, optionLabel(issueRegister, 'direction', r.direction)] }));
  });
  const current = await w.db
    .selectFrom('issues')
    .select(['direction', (eb) => eb.fn.countAll<number>().as('n')])
    .where('orgId', '=', w.orgId)
    .where('archivedAt', 'is', null)
    .groupBy('direction')
    .execute();
  const of = (d: string) => current.find((r) => r.direction === d)?.n;
  const since = sinceLabel(w);
  const facts: [string, string][] = [
    [t('review-inputs.b.added', { since }), count(added)],
    [t('review-inputs.b.changed', { since }), count(changed)],
    [t('review-inputs.b.removed', { since }), count(removed)],
    [t('review-inputs.b.currentExternal'), count(of('external'))],
    [t('review-inputs.b.currentInternal'), count(of('internal'))],
  ];
  const title = t('review-inputs.b.table');
  capped(facts, title, changes.length);
  return {
    key: 'contextChanges',
    facts,
    tables: [
      {
        title,
        columns: [
          t('review-inputs.col.ref'),
          t('review-inputs.col.issue'),
          t('review-inputs.col.direction'),
          t('review-inputs.col.change'),
          t('review-inputs.col.when'),
        ],
        rows: changeRows(changes),
        emptyText: t('review-inputs.b.empty', { since }),
      },
    ],
    charts: [],
    notBuilt: [],
  };
}
