import type { CSSProperties } from 'react';
import type { Methodology } from '../../schema/risks/methodology.schema.js';
import { useT } from '../i18n/i18n.js';

/** How a level of risk is shown: its label always, its colour as a help (never colour alone). */
export interface LevelInfo {
  key: string;
  label: string;
  colour: string | null;
  acceptable: boolean | null;
}

/** A level key of the methodology with its label and colour; a key it no longer has is shown as it is. */
export function levelOf(m: Methodology | null | undefined, key: string | null | undefined): LevelInfo | null {
  if (!key) return null;
  const level = m?.levels.find((l) => l.key === key);
  if (!level) return { key, label: key.replace(/_/g, ' '), colour: null, acceptable: null };
  return { key, label: level.label, colour: level.colour, acceptable: m!.acceptance.acceptableLevels.includes(key) };
}

/** Label of a 1-based level number on one of the methodology's scales ("3" when the scale is unknown). */
export function scaleLabel(
  m: Methodology | null | undefined,
  scale: 'likelihood' | 'consequence',
  n: number | null | undefined,
): string {
  if (typeof n !== 'number') return '';
  return m?.[scale].levels[n - 1]?.label ?? String(n);
}

/** Black or white text, whichever reads better on the colour (WCAG relative luminance). */
export function textOn(colour: string): string {
  const hex = colour.replace('#', '');
  if (!/^[0-9a-fA-F]{6}$/.test(hex)) return '#111827';
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? '#ffffff' : '#111827';
}

export function levelStyle(colour: string | null): CSSProperties | undefined {
  return colour ? { background: colour, color: textOn(colour), borderColor: colour } : undefined;
}

/** The level of risk as a coloured badge with its label; "Not evaluated" when there is none. */
export function LevelBadge({ level, large = false }: { level: LevelInfo | null; large?: boolean }) {
  const { t } = useT();
  if (!level) return <span className="level-badge level-badge--none">{t('risks.notEvaluated')}</span>;
  return (
    <span className={`level-badge${large ? ' level-badge--large' : ''}`} style={levelStyle(level.colour)}>
      {level.label}
    </span>
  );
}

/** Whether the level is within the acceptance criteria, as a word and a sign (not a colour only). */
export function AcceptanceMarker({ acceptable }: { acceptable: boolean | null | undefined }) {
  const { t } = useT();
  if (acceptable === null || acceptable === undefined) return <span className="muted">{t('common.empty')}</span>;
  return acceptable ? (
    <span className="acceptance acceptance--ok">
      <span aria-hidden="true">✓ </span>
      {t('risks.acceptable')}
    </span>
  ) : (
    <span className="acceptance acceptance--treat">
      <span aria-hidden="true">▲ </span>
      {t('risks.needsTreatment')}
    </span>
  );
}

/** "High × Medium": likelihood × consequence with the scale labels. */
export function cellText(
  m: Methodology | null | undefined,
  likelihood: number | null | undefined,
  consequence: number | null | undefined,
): string {
  if (typeof likelihood !== 'number' || typeof consequence !== 'number') return '';
  return `${scaleLabel(m, 'likelihood', likelihood)} × ${scaleLabel(m, 'consequence', consequence)}`;
}

export function CellValue({
  m,
  likelihood,
  consequence,
}: {
  m: Methodology | null | undefined;
  likelihood: unknown;
  consequence: unknown;
}) {
  const { t } = useT();
  const text = cellText(m, likelihood as number | null, consequence as number | null);
  if (!text) return <span className="muted">{t('common.empty')}</span>;
  return (
    <span
      className="nowrap"
      title={t('risks.cellTitle', {
        likelihood: scaleLabel(m, 'likelihood', likelihood as number),
        consequence: scaleLabel(m, 'consequence', consequence as number),
      })}
    >
      {text}
    </span>
  );
}
