import { useT } from '../i18n/i18n.js';
import type { DataChange, DataEditorProps, DataViewProps, DescribedChange } from './data-sections.js';
import './data-sections.css';

/**
 * A data section with no module UI registered: shown read-only as indented JSON, kept unchanged when a draft is
 * saved, and compared as the list of changed paths. Enough to read and approve it; editing needs the module's editor.
 */
export function FallbackDataView({ value }: DataViewProps) {
  const { t } = useT();
  if (value === undefined || value === null) return <p className="doc__empty">{t('versions.nothingRecorded')}</p>;
  return <pre className="doc__data">{JSON.stringify(value, null, 2)}</pre>;
}

export function FallbackDataEditor({ org, section, value, errors }: DataEditorProps) {
  const { t, td } = useT();
  const messages = Object.entries(errors);
  return (
    <section className="row-editor field--wide data-fallback" aria-label={td(section.label)}>
      <p className="field__help">{t('versions.data.notEditable')}</p>
      {messages.length ? (
        <ul className="field__error-list">
          {messages.map(([path, message]) => (
            <li key={path} className="field__error">
              {path ? `${path}: ` : ''}
              {message}
            </li>
          ))}
        </ul>
      ) : null}
      <FallbackDataView org={org} section={section} value={value} />
    </section>
  );
}

const asText = (v: unknown): string | null =>
  v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v);

/** Changed values by path, as they are: `likelihood.levels.2.label`. */
export function describeByPath(changes: DataChange[]): DescribedChange[] {
  return changes.map((c) => ({ where: c.path || '—', before: asText(c.before), after: asText(c.after) }));
}
