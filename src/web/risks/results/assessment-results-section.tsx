import {
  assessmentResultsSchema,
  assessmentResultsVersioned,
} from '../../../schema/risks/assessment-results.versioned.js';
import { useT } from '../../i18n/i18n.js';
import { registerDataSection, type DataEditorProps, type DataViewProps } from '../../versioning/data-sections.js';
import { DataTable } from '../../ui/data-table.js';
import { Tile } from '../tiles.js';
import { ResultsChanges } from './results-changes.js';
import { ResultsRisksTable } from './results-risks-table.js';
import '../risks.css';
import './results.css';

/**
 * The results the server froze from the closed assessment (8.2): scope and methodology version it ran on, counts,
 * every risk with its analysis and evaluation in priority order, and the changes since the previous one. Read-only:
 * nobody edits results, they only comment on them (summary, conclusions).
 */
function ResultsView({ value }: DataViewProps) {
  const { t, formatDate, formatDateTime } = useT();
  const parsed = assessmentResultsSchema.safeParse(value);
  if (!parsed.success || !parsed.data.assessment.ref)
    return <p className="doc__empty">{t('assessmentResults.noResults')}</p>;
  const r = parsed.data;
  const dash = t('common.empty');
  return (
    <div className="assessment-results">
      <dl className="results-facts">
        <div>
          <dt>{t('assessmentResults.fact.assessment')}</dt>
          <dd>{`${r.assessment.ref} ${r.assessment.title}`}</dd>
        </div>
        <div>
          <dt>{t('assessmentResults.fact.period')}</dt>
          <dd>
            {t('assessmentResults.period', {
              from: formatDate(r.assessment.startedOn) || dash,
              to: formatDateTime(r.assessment.closedAt) || dash,
            })}
          </dd>
        </div>
        <div>
          <dt>{t('assessmentResults.fact.closedBy')}</dt>
          <dd>{r.assessment.closedBy ?? dash}</dd>
        </div>
        <div>
          <dt>{t('assessmentResults.fact.methodology')}</dt>
          <dd>
            {r.methodology
              ? t('assessmentResults.versionOf', { ref: r.methodology.ref, no: r.methodology.versionNo })
              : t('assessmentResults.noMethodology')}
          </dd>
        </div>
        <div>
          <dt>{t('assessmentResults.fact.scope')}</dt>
          <dd>
            {r.scope ? (
              <>
                {t('assessmentResults.versionOf', { ref: r.scope.ref, no: r.scope.versionNo })}
                <span className="results-scope prewrap">{r.scope.statement}</span>
              </>
            ) : (
              (r.assessment.scopeDescription ?? t('assessmentResults.noScope'))
            )}
          </dd>
        </div>
      </dl>
      <h4>{t('assessmentResults.counts')}</h4>
      <dl className="tiles" aria-label={t('assessmentResults.counts')}>
        <Tile label={t('assessmentResults.total')} value={r.counts.total} />
        <Tile label={t('assessmentResults.acceptable')} value={r.counts.acceptable} tone="ok" />
        <Tile label={t('assessmentResults.notAcceptable')} value={r.counts.notAcceptable} tone="treat" />
        <Tile label={t('assessmentResults.notEvaluated')} value={r.counts.notEvaluated} />
      </dl>
      {r.counts.byLevel.length ? (
        <DataTable
          caption={t('assessmentResults.byLevel')}
          captionShown
          rows={r.counts.byLevel}
          rowKey={(l) => l.level}
          columns={[
            {
              id: 'level',
              header: t('assessmentResults.col.level'),
              rowHeader: true,
              cell: (l) => l.levelLabel ?? l.level,
            },
            { id: 'count', header: t('assessmentResults.col.count'), className: 'num', cell: (l) => l.count },
          ]}
        />
      ) : null}
      <h4>{t('assessmentResults.risks')}</h4>
      <ResultsRisksTable risks={r.risks} />
      <h4>{t('assessmentResults.changes')}</h4>
      <ResultsChanges changes={r.changes} />
    </div>
  );
}

/** No editor: the server takes the results from the closed assessment; the draft's editor says so. */
function ResultsNote(props: DataEditorProps) {
  const { t } = useT();
  return (
    <div className="field--wide">
      <p className="alert alert--info">{t('assessmentResults.editorNote')}</p>
      <ResultsView org={props.org} section={props.section} value={props.value} />
    </div>
  );
}

registerDataSection(assessmentResultsVersioned.entity, 'results', { Editor: ResultsNote, View: ResultsView });
