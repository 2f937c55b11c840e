import { Link } from '@tanstack/react-router';
import {
  objectivesDocumentVersioned,
  objectivesSnapshotSchema,
  type ObjectiveSnapshot,
} from '../../schema/objectives/objectives-document.register.js';
import { useT } from '../i18n/i18n.js';
import { DataTable } from '../ui/data-table.js';
import { registerDataSection, type DataEditorProps, type DataViewProps } from '../versioning/data-sections.js';
import { StatusPill, TargetText } from './objective-parts.js';

/** The section's objectives, or none when the value does not read as a snapshot (an older or empty draft). */
export const readSnapshot = (value: unknown): ObjectiveSnapshot[] =>
  objectivesSnapshotSchema.safeParse(value).data?.objectives ?? [];

/** A version's objectives as frozen when the draft was saved: the table top management approves. */
export function ObjectivesSnapshotView({ value }: DataViewProps) {
  const { t, td, formatDate, formatNumber } = useT();
  const rows = readSnapshot(value);
  if (rows.length === 0) return <p className="doc__empty">{t('objectivesDoc.noObjectives')}</p>;
  const names = (items: { ref: string }[]) => items.map((i) => i.ref).join(', ');
  return (
    <DataTable<ObjectiveSnapshot>
      className="obj-snapshot"
      caption={t('objectivesDoc.tableCaption')}
      rows={rows}
      rowKey={(r) => r.ref}
      columns={[
        {
          id: 'objective',
          header: t('objectivesDoc.column.objective'),
          rowHeader: true,
          cell: (r) => (
            <>
              <span className="mono">{r.ref}</span> {r.title}
              {r.statement ? <span className="small muted obj-snapshot__statement">{r.statement}</span> : null}
            </>
          ),
        },
        { id: 'level', header: t('objectives.field.level'), cell: (r) => td(`objectives.level.${r.level}`) },
        { id: 'owner', header: t('objectives.field.owner'), cell: (r) => r.owner ?? t('common.empty') },
        {
          id: 'target',
          header: t('objectives.field.targetValue'),
          cell: (r) =>
            r.measurementMode === 'not_practicable' ? (
              td('objectives.measurementMode.not_practicable')
            ) : (
              <TargetText record={r} />
            ),
        },
        {
          id: 'deadline',
          header: t('objectives.field.deadline'),
          className: 'nowrap',
          cell: (r) => (r.deadline ? formatDate(r.deadline) : t('common.empty')),
        },
        {
          id: 'latest',
          header: t('objectives.field.latestValue'),
          className: 'num',
          cell: (r) => (r.latestValue === null ? t('common.empty') : formatNumber(r.latestValue)),
        },
        {
          id: 'status',
          header: t('objectives.field.progressStatus'),
          cell: (r) => <StatusPill status={r.progressStatus} />,
        },
        {
          id: 'answers',
          header: t('objectivesDoc.column.answers'),
          cell: (r) => names([...r.requirements, ...r.issues, ...r.risks]) || t('common.empty'),
        },
      ]}
    />
  );
}

/** The objectives are never typed in: each saved draft takes them from the register. The editor says so. */
export function ObjectivesSnapshotNote({ org, value }: DataEditorProps) {
  const { t, formatNumber } = useT();
  const count = readSnapshot(value).length;
  return (
    <div className="alert alert--info">
      <p>{t('objectivesDoc.editor.note')}</p>
      <p>
        {count ? t('objectivesDoc.editor.current', { count: formatNumber(count) }) : t('objectivesDoc.editor.first')}{' '}
        <Link to="/o/$org/objectives" params={{ org }}>
          {t('objectivesDoc.editor.registerLink')}
        </Link>
      </p>
    </div>
  );
}

registerDataSection(objectivesDocumentVersioned.entity, 'objectives', {
  Editor: ObjectivesSnapshotNote,
  View: ObjectivesSnapshotView,
});
