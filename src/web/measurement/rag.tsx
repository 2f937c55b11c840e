import type { Rag } from '../../schema/measurement/measure-target.js';
import { useT } from '../i18n/i18n.js';

/** Each status has a symbol as well as a colour, so it reads in grey, printed, or to a screen reader. */
export const RAG_SYMBOL: Record<Rag, string> = { green: '✓', amber: '▲', red: '✗' };
export const RAG_COLOR: Record<Rag, string> = { green: '#15803d', amber: '#b45309', red: '#b91c1c' };

/** The RAG status in words, with its symbol and colour; "no result yet" when there is none. */
export function RagBadge({ rag }: { rag: Rag | null | undefined }) {
  const { t } = useT();
  if (!rag) return <span className="rag rag--none">– {t('measurement.rag.none')}</span>;
  return (
    <span className={`rag rag--${rag}`}>
      <span aria-hidden="true">{RAG_SYMBOL[rag]}</span> {t(`measures.latestRag.${rag}`)}
    </span>
  );
}

/** "95 %", "3 days": a value with its unit (a bare number when the measure has none). */
export function useFormatValue() {
  const { formatNumber } = useT();
  return (value: number | null | undefined, unit?: string | null) =>
    value === null || value === undefined ? '–' : unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

/** "≥ 95 %": the target with its direction. */
export function useFormatTarget() {
  const format = useFormatValue();
  return (t: { targetValue: number | null; targetDirection: string | null; unit: string | null }) =>
    t.targetValue === null ? '–' : `${t.targetDirection === 'at_most' ? '≤' : '≥'} ${format(t.targetValue, t.unit)}`;
}
