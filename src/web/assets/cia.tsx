import type { CiaLevel } from '../../schema/risks/asset.register.js';
import type { RegisterRecord } from '../lib/api-types.js';
import { useT } from '../i18n/i18n.js';

const AXES = [
  ['c', 'confidentiality'],
  ['i', 'integrity'],
  ['a', 'availability'],
] as const;

/** One level on the four-step scale as a small coloured badge ("VH"), its full name for screen readers and on hover. */
export function LevelBadge({ field, level }: { field: string; level: unknown }) {
  const { t, td } = useT();
  if (typeof level !== 'string')
    return (
      <span className="cia__level cia__level--none" aria-hidden="true">
        ·
      </span>
    );
  const full = td(`assets.${field}.${level}`);
  return (
    <span className={`cia__level cia__level--${level as CiaLevel}`} title={full}>
      <span aria-hidden="true">{t(`assets.level.short.${level as CiaLevel}`)}</span>
      <span className="visually-hidden">{full}</span>
    </span>
  );
}

/** Confidentiality, integrity and availability of an asset in one narrow cell: C H · I M · A VH. */
export function CiaCell({ record }: { record: RegisterRecord }) {
  const { t, td } = useT();
  const text = (field: string) =>
    typeof record[field] === 'string' ? td(`assets.${field}.${String(record[field])}`) : t('assets.cia.unrated');
  return (
    <span
      className="cia"
      title={t('assets.cia.summary', { c: text('confidentiality'), i: text('integrity'), a: text('availability') })}
    >
      {AXES.map(([axis, field]) => (
        <span key={axis} className="cia__axis">
          <abbr className="cia__name" title={td(`assets.field.${field}`)} aria-hidden="true">
            {t(`assets.cia.${axis}`)}
          </abbr>
          <span className="visually-hidden">{td(`assets.field.${field}`)}:</span>
          <LevelBadge field={field} level={record[field]} />
        </span>
      ))}
    </span>
  );
}

/** The business value; when the server derived it from C/I/A, an unobtrusive mark says so (and its title, how). */
export function ValueCell({ record }: { record: RegisterRecord }) {
  const { t } = useT();
  const derived = record.valueDerived === true && typeof record.value === 'string';
  return (
    <span className="cia__value">
      <LevelBadge field="value" level={record.value} />
      {derived ? (
        <span className="cia__derived" title={t('assets.valueDerivedNote')}>
          <span aria-hidden="true">{t('assets.valueDerivedShort')}</span>
          <span className="visually-hidden">{t('assets.valueDerivedNote')}</span>
        </span>
      ) : null}
    </span>
  );
}
