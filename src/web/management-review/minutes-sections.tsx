import {
  reviewAttendanceViewSchema,
  reviewDecisionsSnapshotSchema,
  reviewMeetingSchema,
  reviewMinutesVersioned,
} from '../../schema/management-review/management-review.register.js';
import {
  REVIEW_INPUT_KEYS,
  reviewInputsSchema,
  type ReviewInputKey,
} from '../../schema/management-review/review-inputs.schema.js';
import { useT } from '../i18n/i18n.js';
import { DataTable } from '../ui/data-table.js';
import {
  registerDataSection,
  type DataEditorProps,
  type DataSectionUi,
  type DataViewProps,
} from '../versioning/data-sections.js';
import { ReviewInputsView } from './review-inputs-view.js';

/**
 * The minutes' sections the server fills on every draft save (attendance, the compiled inputs, the decisions with
 * their actions and drafts), shown readably in the generic document page; the editor shows them with a note that
 * they come from the review, not from typing.
 */
/** When and where the review met and who chaired it, as this version froze them. */
function MeetingView({ value }: DataViewProps) {
  const { t, td, formatDate } = useT();
  const parsed = reviewMeetingSchema.safeParse(value);
  if (!parsed.success) return <p className="doc__empty">{t('versions.nothingRecorded')}</p>;
  const m = parsed.data;
  const facts: [string, string | null][] = [
    ['management-reviews.field.plannedDate', m.plannedDate && formatDate(m.plannedDate)],
    ['management-reviews.field.heldOn', m.heldOn && formatDate(m.heldOn)],
    ['management-reviews.field.location', m.location],
    ['management-reviews.field.chair', m.chair],
  ];
  return (
    <dl className="doc-header__meta">
      {facts.map(([label, v]) => (
        <div key={label}>
          <dt>{td(label)}</dt>
          <dd>{v || t('common.empty')}</dd>
        </div>
      ))}
    </dl>
  );
}

function AttendanceView({ value }: DataViewProps) {
  const { t } = useT();
  const parsed = reviewAttendanceViewSchema.safeParse(value);
  if (!parsed.success) return <p className="doc__empty">{t('versions.nothingRecorded')}</p>;
  const rows = [
    ...parsed.data.members.map((m) => ({ name: m.name || m.email, capacity: m.capacity, present: m.present })),
    ...parsed.data.others,
  ];
  if (!rows.length) return <p className="doc__empty">{t('mr.attendance.empty')}</p>;
  return (
    <DataTable
      caption={t('mr.attendance.title')}
      rows={rows}
      rowKey={(r, i) => `${r.name}-${i}`}
      columns={[
        { id: 'name', header: t('mr.attendance.nameCol'), rowHeader: true, cell: (r) => r.name },
        { id: 'capacity', header: t('mr.attendance.capacity'), cell: (r) => r.capacity || '—' },
        {
          id: 'present',
          header: t('mr.attendance.present'),
          cell: (r) => (r.present ? `✓ ${t('mr.attendance.present')}` : `✗ ${t('mr.attendance.absent')}`),
        },
      ]}
    />
  );
}

/** The frozen inputs, each with its commentary under its heading (as the exported minutes have it). */
function InputsView({ value, content }: DataViewProps) {
  const { t } = useT();
  const parsed = reviewInputsSchema.safeParse(value);
  if (!parsed.success) return <p className="doc__empty">{t('mr.inputs.notCompiled')}</p>;
  const commentary = (key: ReviewInputKey) => {
    const text = content?.[`comment_${key}`];
    return (
      <div className="mr-comment">
        <h4 className="mr-comment__title">{t('mr.inputs.comment')}</h4>
        {typeof text === 'string' && text.trim() ? (
          <p className="mr-comment__text prewrap">{text}</p>
        ) : (
          <p className="doc__empty">{t('mr.inputs.noComment')}</p>
        )}
      </div>
    );
  };
  return (
    <ReviewInputsView inputs={parsed.data} live={false} headingLevel={3} aside={content ? commentary : undefined} />
  );
}

/** In the read view each input's commentary stands under the input (InputsView), not in a section of its own. */
export const COMMENTARY_SECTIONS = REVIEW_INPUT_KEYS.map((key) => `comment_${key}`);

function DecisionsView({ value }: DataViewProps) {
  const { t, td } = useT();
  const parsed = reviewDecisionsSnapshotSchema.safeParse(value);
  if (!parsed.success || !parsed.data.decisions.length)
    return <p className="doc__empty">{t('mr.decisions.emptyReadOnly')}</p>;
  return (
    <DataTable
      caption={t('mr.decisions.caption')}
      rows={parsed.data.decisions}
      rowKey={(d) => d.ref}
      columns={[
        { id: 'ref', header: t('mr.decisions.col.ref'), rowHeader: true, className: 'mr-nowrap', cell: (d) => d.ref },
        {
          id: 'input',
          header: td('management-review-decisions.field.input'),
          cell: (d) => td(`management-review-decisions.input.${d.input}`, undefined, d.input),
        },
        {
          id: 'kind',
          header: td('management-review-decisions.field.kind'),
          cell: (d) => td(`management-review-decisions.kind.${d.kind}`, undefined, d.kind),
        },
        { id: 'statement', header: td('management-review-decisions.field.statement'), cell: (d) => d.statement },
        { id: 'owner', header: td('management-review-decisions.field.owner'), cell: (d) => d.owner ?? '—' },
        { id: 'due', header: td('management-review-decisions.field.dueDate'), cell: (d) => d.dueDate ?? '—' },
        {
          id: 'follow',
          header: t('mr.decisions.col.followUp'),
          cell: (d) =>
            [
              ...d.actions.map((a) => `${a.ref} (${a.status})`),
              ...(d.draft ? [`${d.draft.ref} v${d.draft.versionNo}`] : []),
            ].join(', ') || '—',
        },
      ]}
    />
  );
}

/** The server fills these: the editor shows the value with a note (nothing to type). */
function filled(View: DataSectionUi['View']): DataSectionUi {
  function Editor(props: DataEditorProps) {
    const { t } = useT();
    return (
      <>
        <p className="alert alert--info">{t('mr.minutes.filledNote')}</p>
        <View org={props.org} section={props.section} value={props.value} />
      </>
    );
  }
  return { Editor, View };
}

registerDataSection(reviewMinutesVersioned.entity, 'meeting', filled(MeetingView));
registerDataSection(reviewMinutesVersioned.entity, 'attendance', filled(AttendanceView));
registerDataSection(reviewMinutesVersioned.entity, 'inputs', filled(InputsView));
registerDataSection(reviewMinutesVersioned.entity, 'decisions', filled(DecisionsView));
