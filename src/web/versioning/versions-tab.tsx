import type { RegisterDef } from '../../schema/register/define-register.js';
import type { VersionedDef } from '../../schema/versioning/versioned.js';
import { useT } from '../i18n/i18n.js';
import { useMemberNames } from '../lib/members.js';
import { Select } from '../ui/fields.js';
import { Form } from '../ui/form.js';
import type { FieldErrors } from '../ui/form-state.js';
import { useForm } from '../ui/use-form.js';
import { DataTable } from '../ui/data-table.js';
import { stageLabel } from './stage-stepper.js';
import { VersionCompare } from './version-compare.js';
import type { VersionSummary } from './versioned-api.js';
import { Button } from '../ui/button.js';

interface Props {
  org: string;
  register: RegisterDef;
  def: VersionedDef;
  id: string;
  versions: VersionSummary[];
  /** the version shown on the Document tab */
  shownNo: number | undefined;
  compare: { from: number; to: number } | undefined;
  onOpen: (no: number) => void;
  onCompare: (from: number, to: number) => void;
}

/** Every version (newest first), each openable read-only, and a side-by-side comparison of any two. */
export function VersionsTab({ org, register, def, id, versions, shownNo, compare, onOpen, onCompare }: Props) {
  const { t, td, formatDateTime } = useT();
  const names = useMemberNames(org);
  return (
    <div className="versions-tab">
      <DataTable
        caption={t('versions.list.caption')}
        rows={versions}
        rowKey={(v) => v.id}
        isCurrentRow={(v) => v.versionNo === shownNo}
        columns={[
          { id: 'no', header: t('versions.list.no'), className: 'mono', cell: (v) => v.versionNo },
          {
            id: 'state',
            header: t('versions.field.latestState'),
            cell: (v) => <span className={`pill pill--state-${v.state}`}>{td(`versions.state.${v.state}`)}</span>,
          },
          ...(def.stages
            ? [{ id: 'stage', header: t('versions.stage'), cell: (v: VersionSummary) => stageLabel(td, def, v.stage) }]
            : []),
          {
            id: 'changeNote',
            header: t('versions.changeNote'),
            cell: (v) => v.changeNote ?? <span className="muted">{t('common.empty')}</span>,
          },
          {
            id: 'updated',
            header: t('versions.list.updated'),
            cell: (v) =>
              t('register.byOn', {
                who: v.updatedBy ? (names.get(v.updatedBy) ?? t('common.unknownMember')) : t('common.system'),
                when: formatDateTime(v.updatedAt),
              }),
          },
          {
            id: 'actions',
            header: <span className="visually-hidden">{t('common.actions')}</span>,
            className: 'cell-actions',
            cell: (v) => (
              <Button size="small" onClick={() => onOpen(v.versionNo)}>
                {t('versions.list.open', { no: v.versionNo })}
              </Button>
            ),
          },
        ]}
      />
      <section className="card compare-card" aria-labelledby="compare-title">
        <h2 id="compare-title" className="card__title">
          {t('versions.compare.title')}
        </h2>
        {versions.length < 2 ? (
          <p className="muted">{t('versions.compare.needTwo')}</p>
        ) : (
          <>
            <CompareForm
              key={compare ? `${compare.from}-${compare.to}` : 'none'}
              versions={versions}
              compare={compare}
              onCompare={onCompare}
            />
            {compare ? (
              <VersionCompare org={org} register={register} def={def} id={id} from={compare.from} to={compare.to} />
            ) : null}
          </>
        )}
      </section>
    </div>
  );
}

function CompareForm({ versions, compare, onCompare }: Pick<Props, 'versions' | 'compare' | 'onCompare'>) {
  const { t, td } = useT();
  // Nothing is sent: submitting opens the comparison (sorted, older first) once the two versions differ.
  const form = useForm({
    initial: {
      from: String(compare?.from ?? versions[1]?.versionNo ?? ''),
      to: String(compare?.to ?? versions[0]?.versionNo ?? ''),
    },
    toBody: (v) => [Number(v.from), Number(v.to)].sort((x, y) => x - y),
    check: (v): FieldErrors => (v.from === v.to ? { from: t('versions.compare.same') } : {}),
    submit: async ([a, b]) => onCompare(a ?? 0, b ?? 0),
  });
  const options = versions.map((v) => (
    <option key={v.versionNo} value={v.versionNo}>
      {t('versions.version', { no: v.versionNo })} · {td(`versions.state.${v.state}`)}
    </option>
  ));
  return (
    <Form form={form} className="compare-form">
      <Select label={t('versions.compare.from')} {...form.field('from')}>
        {options}
      </Select>
      <Select label={t('versions.compare.to')} {...form.field('to')}>
        {options}
      </Select>
      <Button type="submit" variant="primary">
        {t('versions.compare.submit')}
      </Button>
    </Form>
  );
}
