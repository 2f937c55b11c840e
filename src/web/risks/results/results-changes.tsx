import type { AssessmentResults } from '../../../schema/risks/assessment-results.versioned.js';
import { useT } from '../../i18n/i18n.js';
import { DataTable } from '../../ui/data-table.js';
import { Tile } from '../tiles.js';

type Changes = NonNullable<AssessmentResults['changes']>;
type Standing = Changes['rows'][number]['before'];

/** What changed since the previous closed assessment (the comparison, changed risks only), as frozen in the results. */
export function ResultsChanges({ changes }: { changes: AssessmentResults['changes'] }) {
  const { t, formatDateTime, formatNumber } = useT();
  if (!changes) return <p className="muted">{t('assessmentResults.firstAssessment')}</p>;
  const s = changes.summary;
  const standing = (v: Standing) =>
    v
      ? `${v.levelLabel ?? t('common.empty')}${v.score === null ? '' : ` (${formatNumber(v.score)})`}`
      : t('common.empty');
  return (
    <>
      <p>
        {t('assessmentResults.since', {
          ref: changes.previous.ref,
          title: changes.previous.title,
          when: formatDateTime(changes.previous.closedAt),
        })}
      </p>
      <dl className="tiles" aria-label={t('risk-assessments.compare.summary')}>
        <Tile label={t('risk-assessments.change.added')} value={s.added} tone="up" />
        <Tile label={t('risk-assessments.change.removed')} value={s.removed} />
        <Tile label={t('risk-assessments.change.rose')} value={s.rose} tone="up" />
        <Tile label={t('risk-assessments.change.fell')} value={s.fell} tone="down" />
        <Tile label={t('risks.crossed.to_unacceptable')} value={s.toUnacceptable} tone="treat" />
        <Tile label={t('risks.crossed.to_acceptable')} value={s.toAcceptable} tone="ok" />
        <Tile label={t('risk-assessments.compare.unchanged')} value={s.unchanged} />
      </dl>
      {changes.methodologyChanged ? (
        <p className="alert alert--info" role="note">
          {t('assessmentResults.methodologyChanged')}
        </p>
      ) : null}
      {changes.rows.length ? (
        <DataTable
          caption={t('assessmentResults.changesCaption')}
          captionShown
          rows={changes.rows}
          rowKey={(r) => `${r.ref}-${r.change}`}
          columns={[
            {
              id: 'risk',
              header: t('assessmentResults.col.risk'),
              rowHeader: true,
              cell: (r) => (
                <>
                  <span className="ref">{r.ref}</span> {r.title}
                </>
              ),
            },
            {
              id: 'change',
              header: t('assessmentResults.col.change'),
              cell: (r) => t(`risk-assessments.change.${r.change}`),
            },
            {
              id: 'crossed',
              header: t('assessmentResults.col.crossed'),
              cell: (r) => (r.crossed ? t(`risks.crossed.${r.crossed}`) : t('common.empty')),
            },
            { id: 'before', header: t('assessmentResults.col.before'), cell: (r) => standing(r.before) },
            { id: 'after', header: t('assessmentResults.col.after'), cell: (r) => standing(r.after) },
          ]}
        />
      ) : (
        <p className="muted">{t('risk-assessments.compare.noChanges')}</p>
      )}
    </>
  );
}
