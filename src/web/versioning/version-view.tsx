import type { ReactNode } from 'react';
import type { Section, VersionedDef } from '../../schema/versioning/versioned.js';
import { useT } from '../i18n/i18n.js';
import { FallbackDataView } from './data-section-fallback.js';
import { dataSectionUi } from './data-sections.js';
import { tableRowsOf } from './draft-form.js';
import { visibleSections, type DocumentPresentation } from './presentation.js';
import type { Content, TableRow } from './versioned-api.js';
import { DataTable } from '../ui/data-table.js';

/**
 * A version read-only: every section with its label and help; tables as tables; data sections through the view
 * their module registered (else as indented JSON); empty sections say so.
 */
export function VersionView({
  org,
  def,
  content,
  presentation,
}: {
  org: string;
  def: VersionedDef;
  content: Content;
  presentation?: DocumentPresentation | undefined;
}) {
  return (
    <div className="doc">
      {visibleSections(def, presentation, content)
        .filter((section) => !presentation?.shownWithin?.includes(section.key))
        .map((section) => (
          <SectionView
            key={section.key}
            org={org}
            entity={def.entity}
            section={section}
            content={content}
            renderText={presentation?.renderText}
          />
        ))}
    </div>
  );
}

function SectionView({
  org,
  entity,
  section,
  content,
  renderText,
}: {
  org: string;
  entity: string;
  section: Section;
  content: Content;
  renderText?: ((text: string) => ReactNode) | undefined;
}) {
  const { t, td } = useT();
  const value = content[section.key];
  const id = `section-${section.key}`;
  return (
    <section className="doc__section" aria-labelledby={id}>
      <h3 id={id} className="doc__heading">
        {td(section.label)}
      </h3>
      {section.help ? <p className="doc__help">{td(section.help)}</p> : null}
      {section.kind === 'text' ? (
        typeof value === 'string' && value.trim() ? (
          renderText ? (
            <div className="doc__text">{renderText(value)}</div>
          ) : (
            <p className="doc__text prewrap">{value}</p>
          )
        ) : (
          <p className="doc__empty">{t('versions.nothingRecorded')}</p>
        )
      ) : section.kind === 'data' ? (
        <DataView org={org} entity={entity} section={section} value={value} content={content} />
      ) : (
        <SectionTable section={section} rows={tableRowsOf(value)} caption={td(section.label)} />
      )}
    </section>
  );
}

function DataView({
  org,
  entity,
  section,
  value,
  content,
}: {
  org: string;
  entity: string;
  section: Extract<Section, { kind: 'data' }>;
  value: unknown;
  content: Content;
}) {
  const View = dataSectionUi(entity, section.key)?.View ?? FallbackDataView;
  return <View org={org} section={section} value={value} content={content} />;
}

export function SectionTable({
  section,
  rows,
  caption,
}: {
  section: Extract<Section, { kind: 'table' }>;
  rows: TableRow[];
  caption: string;
}) {
  const { t, td } = useT();
  if (rows.length === 0) return <p className="doc__empty">{t('versions.nothingRecorded')}</p>;
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(_row, i) => String(i)}
      columns={section.columns.map((c) => ({
        id: c.key,
        header: td(c.label),
        className: 'prewrap',
        cell: (row: TableRow) => row[c.key] || <span className="muted">{t('common.empty')}</span>,
      }))}
    />
  );
}
