import type { RegisterDef } from '../../schema/register/define-register.js';
import type { Section, VersionedDef } from '../../schema/versioning/versioned.js';
import { useT } from '../i18n/i18n.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { DataTable, type DataColumn } from '../ui/data-table.js';
import { describeByPath } from './data-section-fallback.js';
import { dataSectionUi, type DescribedChange } from './data-sections.js';
import { useComparison, useVersion, type Content, type SectionComparison, type TableRow } from './versioned-api.js';

interface Props {
  org: string;
  register: RegisterDef;
  def: VersionedDef;
  id: string;
  from: number;
  to: number;
}

/**
 * Two versions side by side, changed sections first and open; unchanged ones collapsed. Added words are `<ins>`,
 * removed ones `<del>` (underline and strike-through, plus hidden "added"/"removed" text), never colour alone.
 */
export function VersionCompare({ org, register, def, id, from, to }: Props) {
  const { t, td } = useT();
  const cmp = useComparison(org, register, id, from, to);
  // A module's words for data changes may name things by the versions' content (a cell by its row and column).
  const describes = def.sections.some((s) => s.kind === 'data' && dataSectionUi(def.entity, s.key)?.describeChanges);
  const older = useVersion(org, register, id, describes ? from : undefined);
  const newer = useVersion(org, register, id, describes ? to : undefined);
  if (cmp.isPending || (describes && (older.isPending || newer.isPending))) return <Loading />;
  if (cmp.isError) return <ErrorMessage error={cmp.error} onRetry={() => void cmp.refetch()} />;

  const byKey = new Map(def.sections.map((s) => [s.key, s]));
  const changed = cmp.data.sections.filter((s) => s.changed);
  const unchanged = cmp.data.sections.filter((s) => !s.changed);
  return (
    <div className="compare" aria-live="polite">
      <h3>{t('versions.compare.heading', { from: cmp.data.from.versionNo, to: cmp.data.to.versionNo })}</h3>
      <p className="muted">{t('versions.compare.legend')}</p>
      {changed.length === 0 ? <p className="alert alert--info">{t('versions.compare.noChanges')}</p> : null}
      {changed.map((s) => {
        const section = byKey.get(s.key);
        if (!section) return null;
        return (
          <section key={s.key} className="compare__section" aria-labelledby={`cmp-${s.key}`}>
            <h4 id={`cmp-${s.key}`}>{td(section.label)}</h4>
            {section.kind === 'text' ? (
              <TextDiff cmp={s} from={cmp.data.from.versionNo} to={cmp.data.to.versionNo} />
            ) : section.kind === 'data' ? (
              <DataDiff
                entity={def.entity}
                section={section}
                cmp={s}
                before={older.data?.content}
                after={newer.data?.content}
              />
            ) : (
              <RowDiff cmp={s} section={section} />
            )}
          </section>
        );
      })}
      {unchanged.length > 0 ? (
        <details className="compare__unchanged">
          <summary>
            {unchanged.length === 1
              ? t('versions.compare.unchangedOne')
              : t('versions.compare.unchanged', { count: unchanged.length })}
          </summary>
          <ul>
            {unchanged.map((s) => (
              <li key={s.key}>{td(byKey.get(s.key)?.label ?? s.key)}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function TextDiff({ cmp, from, to }: { cmp: SectionComparison; from: number; to: number }) {
  const { t } = useT();
  const parts = cmp.parts ?? [];
  return (
    <div className="compare__sides">
      <div className="compare__side">
        <p className="compare__side-label">{t('versions.version', { no: from })}</p>
        <p className="prewrap">
          {parts
            .filter((p) => !p.added)
            .map((p, i) =>
              p.removed ? (
                <del key={i}>
                  <span className="visually-hidden">[{t('versions.compare.removed')}: </span>
                  {p.value}
                  <span className="visually-hidden">]</span>
                </del>
              ) : (
                <span key={i}>{p.value}</span>
              ),
            )}
        </p>
      </div>
      <div className="compare__side">
        <p className="compare__side-label">{t('versions.version', { no: to })}</p>
        <p className="prewrap">
          {parts
            .filter((p) => !p.removed)
            .map((p, i) =>
              p.added ? (
                <ins key={i}>
                  <span className="visually-hidden">[{t('versions.compare.added')}: </span>
                  {p.value}
                  <span className="visually-hidden">]</span>
                </ins>
              ) : (
                <span key={i}>{p.value}</span>
              ),
            )}
        </p>
      </div>
    </div>
  );
}

function RowDiff({ cmp, section }: { cmp: SectionComparison; section: Extract<Section, { kind: 'table' }> }) {
  const { t, td } = useT();
  const rows: Array<{ kind: 'added' | 'removed'; row: TableRow }> = [
    ...(cmp.removedRows ?? []).map((row) => ({ kind: 'removed' as const, row })),
    ...(cmp.addedRows ?? []).map((row) => ({ kind: 'added' as const, row })),
  ];
  return (
    <>
      <DataTable
        className="compare__rows"
        caption={td(section.label)}
        rows={rows}
        rowKey={(_r, i) => String(i)}
        rowClassName={(r) => `compare__row--${r.kind}`}
        columns={[
          {
            id: 'change',
            header: t('versions.compare.change'),
            cell: ({ kind }) => <span className={`pill pill--diff-${kind}`}>{t(`versions.compare.${kind}`)}</span>,
          },
          ...section.columns.map((c): DataColumn<(typeof rows)[number]> => ({
            id: c.key,
            header: td(c.label),
            cell: ({ kind, row }) => {
              const Mark = kind === 'added' ? 'ins' : 'del';
              return <Mark>{row[c.key] ?? ''}</Mark>;
            },
          })),
        ]}
      />
      {cmp.keptRows && cmp.keptRows.length > 0 ? (
        <p className="muted">{t('versions.compare.keptRows', { count: cmp.keptRows.length })}</p>
      ) : null}
    </>
  );
}

/** A data section's changed values, in the module's words when it gives them, else by path. */
function DataDiff(props: {
  entity: string;
  section: Extract<Section, { kind: 'data' }>;
  cmp: SectionComparison;
  before: Content | undefined;
  after: Content | undefined;
}) {
  const i18n = useT();
  const { t, td } = i18n;
  const { section } = props;
  const changes = props.cmp.changes ?? [];
  const describe = dataSectionUi(props.entity, section.key)?.describeChanges;
  let lines: DescribedChange[];
  try {
    lines = describe
      ? describe(i18n, changes, { before: props.before?.[section.key], after: props.after?.[section.key] })
      : describeByPath(changes);
  } catch {
    // Content the module's words do not understand (an older shape): the paths still say what changed.
    lines = describeByPath(changes);
  }
  return (
    <>
      <p className="muted">{t('versions.compare.dataChanges', { count: lines.length })}</p>
      <DataTable
        className="compare__rows compare__data"
        caption={td(section.label)}
        rows={lines}
        rowKey={(_l, i) => String(i)}
        columns={[
          { id: 'where', header: t('versions.compare.where'), rowHeader: true, cell: (line) => line.where },
          {
            id: 'before',
            header: t('versions.compare.before'),
            cell: (line) =>
              line.before === null ? (
                <span className="muted">{t('common.empty')}</span>
              ) : (
                <DiffMark kind="removed" text={line.before} />
              ),
          },
          {
            id: 'after',
            header: t('versions.compare.after'),
            cell: (line) =>
              line.after === null ? (
                <span className="muted">{t('common.empty')}</span>
              ) : (
                <DiffMark kind="added" text={line.after} />
              ),
          },
        ]}
      />
    </>
  );
}

function DiffMark({ kind, text }: { kind: 'added' | 'removed'; text: string }) {
  const { t } = useT();
  const Mark = kind === 'added' ? 'ins' : 'del';
  return (
    <Mark>
      <span className="visually-hidden">[{t(`versions.compare.${kind}`)}: </span>
      {text}
      <span className="visually-hidden">]</span>
    </Mark>
  );
}
