import { auditFactsSchema, auditReportVersioned } from '../../../schema/internal-audit/internal-audit.register.js';
import { useT } from '../../i18n/i18n.js';
import { registerDataSection, type DataEditorProps, type DataViewProps } from '../../versioning/data-sections.js';
import { DataTable } from '../../ui/data-table.js';

/**
 * The report's facts, as the server fills them on every draft save (scope, criteria, team, independence
 * exceptions, findings by clause and by control, counts of each conclusion), shown readably.
 */
function FactsView({ value }: DataViewProps) {
  const { t, td } = useT();
  const parsed = auditFactsSchema.safeParse(value);
  if (!parsed.success) return <p className="doc__empty">{t('audits.report.noFacts')}</p>;
  const f = parsed.data;
  const conclusion = (c: string) => td(`audits.conclusion.${c}`, undefined, c);
  return (
    <div className="audit-report-facts">
      <h4>{t('internal-audits.field.scope')}</h4>
      <p className="audit-facts__text">{f.scope || t('common.empty')}</p>
      <h4>{t('audits.facts.criteria')}</h4>
      {f.criteria.length ? (
        <ul>
          {f.criteria.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      ) : (
        <p>{t('audits.facts.noCriteria')}</p>
      )}
      <h4>{t('audits.team.title')}</h4>
      {f.team.length ? (
        <ul>
          {f.team.map((m) => (
            <li key={`${m.name}-${m.role}`}>{`${m.name} — ${td(`audits.team.role.${m.role}`, undefined, m.role)}`}</li>
          ))}
        </ul>
      ) : (
        <p>{t('audits.team.empty')}</p>
      )}
      {f.exceptions.length ? (
        <>
          <h4>{t('audits.independence.exceptions')}</h4>
          <ul>
            {f.exceptions.map((x) => (
              <li key={`${x.auditor}-${x.object}`}>
                {t('audits.report.exception', { who: x.auditor, object: x.object, justification: x.justification })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h4>{t('audits.report.counts')}</h4>
      <ul className="audit-report-facts__counts">
        {Object.entries(f.counts).map(([k, n]) => (
          <li key={k}>{`${conclusion(k)}: ${n}`}</li>
        ))}
      </ul>
      <DataTable
        caption={t('audits.findings.byClause')}
        captionShown
        rows={f.findingsByClause}
        rowKey={(r, i) => `${r.clause}-${i}`}
        columns={[
          { id: 'clause', header: t('audits.checklist.clause'), cell: (r) => r.clause, rowHeader: true },
          { id: 'title', header: t('audits.checklist.item'), cell: (r) => r.title },
          { id: 'conclusion', header: t('audits.checklist.conclusion'), cell: (r) => conclusion(r.conclusion) },
        ]}
      />
      <DataTable
        caption={t('audits.findings.byControl')}
        captionShown
        rows={f.findingsByControl}
        rowKey={(r, i) => `${r.control}-${i}`}
        columns={[
          { id: 'control', header: t('audits.findings.control'), cell: (r) => r.control, rowHeader: true },
          { id: 'title', header: t('audits.checklist.item'), cell: (r) => r.title },
          { id: 'conclusion', header: t('audits.checklist.conclusion'), cell: (r) => conclusion(r.conclusion) },
        ]}
      />
    </div>
  );
}

/** No editor: the server copies the facts into each draft it saves; the editor says so and shows them. */
function FactsNote(props: DataEditorProps) {
  const { t } = useT();
  return (
    <>
      <p className="alert alert--info">{t('audits.report.factsNote')}</p>
      <FactsView org={props.org} section={props.section} value={props.value} />
    </>
  );
}

registerDataSection(auditReportVersioned.entity, 'facts', { Editor: FactsNote, View: FactsView });
