import type { Section, VersionedDef } from '../../schema/versioning/versioned.js';
import { useT } from '../i18n/i18n.js';
import type { Content, TableRow } from './versioned-api.js';

/** A version read-only: every section with its label and help; tables as tables; empty sections say so. */
export function VersionView({ def, content }: { def: VersionedDef; content: Content }) {
  return (
    <div className="doc">
      {def.sections.map((section) => (
        <SectionView key={section.key} section={section} value={content[section.key]} />
      ))}
    </div>
  );
}

function SectionView({ section, value }: { section: Section; value: unknown }) {
  const { t, td } = useT();
  const id = `section-${section.key}`;
  return (
    <section className="doc__section" aria-labelledby={id}>
      <h3 id={id} className="doc__heading">
        {td(section.label)}
      </h3>
      {section.help ? <p className="doc__help">{td(section.help)}</p> : null}
      {section.kind === 'text' ? (
        typeof value === 'string' && value.trim() ? (
          <p className="doc__text prewrap">{value}</p>
        ) : (
          <p className="doc__empty">{t('versions.nothingRecorded')}</p>
        )
      ) : (
        <SectionTable section={section} rows={Array.isArray(value) ? (value as TableRow[]) : []} caption={td(section.label)} />
      )}
    </section>
  );
}

export function SectionTable({ section, rows, caption }: { section: Extract<Section, { kind: 'table' }>; rows: TableRow[]; caption: string }) {
  const { t, td } = useT();
  if (rows.length === 0) return <p className="doc__empty">{t('versions.nothingRecorded')}</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {section.columns.map((c) => (
              <th key={c.key} scope="col">
                {td(c.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {section.columns.map((c) => (
                <td key={c.key} className="prewrap">
                  {row[c.key] || <span className="muted">{t('common.empty')}</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
