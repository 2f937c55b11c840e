import type { SoaRow, SoaStatement } from '../../../schema/controls/soa.register.js';
import { soaStatementSchema } from '../../../schema/controls/soa.register.js';
import type { I18n } from '../../i18n/i18n.js';
import type { DataChange, DescribedChange } from '../../versioning/data-sections.js';

/** The SoA's lines in words, shared by the statement view, its compare and its tests. */
export const APPLICABILITY_KEYS = ['applicable', 'excluded', 'undecided'] as const;
export type ApplicabilityFilter = (typeof APPLICABILITY_KEYS)[number] | 'all';

/** The statement of a version, or an empty one when the value is not a statement (an older or broken shape). */
export function readStatement(value: unknown): SoaStatement {
  const parsed = soaStatementSchema.safeParse(value);
  return parsed.success ? parsed.data : { edition: null, rows: [] };
}

export interface SoaCounts {
  total: number;
  applicable: number;
  excluded: number;
  undecided: number;
  /** implementation status of the applicable lines */
  status: Record<SoaRow['implementationStatus'], number>;
}

export function countLines(rows: SoaRow[]): SoaCounts {
  const out: SoaCounts = {
    total: rows.length,
    applicable: 0,
    excluded: 0,
    undecided: 0,
    status: { not_started: 0, planned: 0, in_progress: 0, implemented: 0 },
  };
  for (const r of rows) {
    out[r.applicability] += 1;
    if (r.applicability === 'applicable') out.status[r.implementationStatus] += 1;
  }
  return out;
}

/** Why a line is what it is: the risks and requirements it answers and the stated reason, or why it is excluded. */
export function justificationParts(i18n: I18n, row: SoaRow): string[] {
  const { t, td } = i18n;
  if (row.applicability === 'excluded') {
    const reason = row.exclusionReason
      ? td(`controls.exclusionReason.${row.exclusionReason}`)
      : t('soaPage.noExclusionReason');
    const replaced = row.exclusionReason === 'replaced' && row.replacedBy ? ` (${row.replacedBy})` : '';
    return [`${reason}${replaced}`, ...(row.exclusionExplanation ? [row.exclusionExplanation] : [])];
  }
  const parts: string[] = [];
  if (row.risks.length) parts.push(t('soaPage.treats', { refs: row.risks.map((r) => r.ref).join(', ') }));
  if (row.requirements.length)
    parts.push(t('soaPage.requiredBy', { refs: row.requirements.map((r) => r.ref).join(', ') }));
  if (row.statedReason) parts.push(row.statedReason);
  return parts;
}

export function justificationText(i18n: I18n, row: SoaRow): string {
  return justificationParts(i18n, row).join('. ');
}

/** Implementation in words: only applicable lines have one; a planned line says when. */
export function statusText(i18n: I18n, row: SoaRow): string {
  if (row.applicability !== 'applicable') return '';
  if (row.implementationStatus === 'planned' && row.plannedDate)
    return i18n.t('soaPage.plannedFor', { date: i18n.formatDate(row.plannedDate) });
  return i18n.td(`controls.implementationStatus.${row.implementationStatus}`);
}

export function filterLines(rows: SoaRow[], applicability: ApplicabilityFilter, query: string): SoaRow[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((r) => {
    if (applicability !== 'all' && r.applicability !== applicability) return false;
    if (words.length === 0) return true;
    const text = `${r.ref} ${r.title} ${r.owner ?? ''}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/**
 * The generic compare lists changed values by array index (`rows.12.applicability`), which shifts when a control
 * is added; the words compare the two statements by reference instead, one line per changed aspect of a control.
 */
export function describeSoaChanges(
  i18n: I18n,
  changes: DataChange[],
  values: { before: unknown; after: unknown },
): DescribedChange[] {
  const { t, td } = i18n;
  const before = new Map(readStatement(values.before).rows.map((r) => [r.ref, r]));
  const after = readStatement(values.after).rows;
  const out: DescribedChange[] = [];
  const aspects: Array<{ label: string; text: (r: SoaRow) => string }> = [
    { label: t('controls.field.applicability'), text: (r) => td(`controls.applicability.${r.applicability}`) },
    { label: t('soaPage.column.justification'), text: (r) => justificationText(i18n, r) },
    { label: t('controls.field.implementationStatus'), text: (r) => statusText(i18n, r) },
    { label: t('controls.field.owner'), text: (r) => r.owner ?? '' },
    { label: t('controls.field.title'), text: (r) => r.title },
    { label: t('controls.field.implementation'), text: (r) => r.implementation ?? '' },
  ];
  for (const row of after) {
    const old = before.get(row.ref);
    before.delete(row.ref);
    if (!old) {
      out.push({
        where: `${row.ref} ${row.title}`,
        before: null,
        after: t('soaPage.compare.addedLine', { applicability: td(`controls.applicability.${row.applicability}`) }),
      });
      continue;
    }
    for (const a of aspects) {
      const x = a.text(old);
      const y = a.text(row);
      if (x !== y) out.push({ where: `${row.ref} ${row.title} — ${a.label}`, before: x || null, after: y || null });
    }
  }
  for (const row of before.values())
    out.push({
      where: `${row.ref} ${row.title}`,
      before: td(`controls.applicability.${row.applicability}`),
      after: null,
    });
  // what the words do not cover (the edition, a theme) still shows, by path
  if (out.length === 0)
    return changes.map((c) => ({ where: c.path || '—', before: asText(c.before), after: asText(c.after) }));
  return out;
}

const asText = (v: unknown): string | null =>
  v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v);
