import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { planContentSchema, treatmentPlanVersioned } from '../../../schema/controls/treatment-plan.schema.js';
import { useT } from '../../i18n/i18n.js';
import { registerDataSection, type DataEditorProps, type DataViewProps } from '../../versioning/data-sections.js';
import { PlanTable } from './plan-table.js';
import { Button } from '../../ui/button.js';

const STEP = 100;

const readRows = (value: unknown) => {
  const parsed = planContentSchema.safeParse(value);
  return parsed.success ? parsed.data.rows : [];
};

/** A version's frozen rows, read-only, a hundred at a time. */
function PlanVersionView({ org, value }: DataViewProps) {
  const { t, formatNumber } = useT();
  const rows = readRows(value);
  const [shown, setShown] = useState(STEP);
  if (rows.length === 0) return <p className="doc__empty">{t('planPage.doc.noRows')}</p>;
  return (
    <>
      <PlanTable org={org} rows={rows.slice(0, shown)} caption={t('treatmentPlan.section.plan')} />
      {rows.length > shown ? (
        <p>
          <Button size="small" onClick={() => setShown((n) => n + STEP)}>
            {t('planPage.doc.more', { shown: formatNumber(shown), total: formatNumber(rows.length) })}
          </Button>
        </p>
      ) : null}
    </>
  );
}

/** No editor: the server takes the rows from the treatments on every draft save; the editor says so. */
function PlanVersionNote({ org, value }: DataEditorProps) {
  const { t, formatNumber } = useT();
  const count = readRows(value).length;
  return (
    <div className="alert alert--info soa-note">
      <p>{t('planPage.editor.note')}</p>
      <p>
        {count ? t('planPage.editor.current', { count: formatNumber(count) }) : t('planPage.editor.first')}{' '}
        <Link to="/o/$org/risks" params={{ org }}>
          {t('planPage.editor.risksLink')}
        </Link>
      </p>
    </div>
  );
}

registerDataSection(treatmentPlanVersioned.entity, 'plan', { Editor: PlanVersionNote, View: PlanVersionView });
