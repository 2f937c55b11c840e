import {
  methodologySchema,
  type APPROACHES,
  type CIA_COMBINATIONS,
  type Methodology,
} from '../../../schema/risks/methodology.schema.js';
import { evaluate } from '../../../schema/risks/risk-level.js';

/**
 * The methodology editor's working copy. Numbers are kept as typed (strings) so a half-typed value is not lost,
 * and the matrix and thresholds refer to risk levels by a stable id rather than by key: renaming a level's key,
 * even to a key another level had a moment ago, never re-points a cell. Both rules are kept, so switching between
 * matrix and formula loses nothing. `toMethodology` gives the value saved (and validated by methodologySchema).
 */
export type Approach = (typeof APPROACHES)[number];
export type CiaCombination = (typeof CIA_COMBINATIONS)[number];
export type ScaleName = 'likelihood' | 'consequence';

export interface WorkingScaleLevel {
  value: string;
  label: string;
  description: string;
  from: string;
  to: string;
}

export interface WorkingScale {
  name: string;
  unit: string;
  levels: WorkingScaleLevel[];
}

export interface WorkingRiskLevel {
  id: number;
  key: string;
  label: string;
  colour: string;
  description: string;
  /** acceptable without treatment (acceptance criteria) */
  acceptable: boolean;
  /** who may accept a residual risk at this level; empty = nobody named */
  acceptor: string;
}

export interface WorkingMethodology {
  approach: Approach;
  likelihood: WorkingScale;
  consequence: WorkingScale;
  consequencePerCia: boolean;
  ciaCombination: CiaCombination;
  levels: WorkingRiskLevel[];
  ruleKind: 'matrix' | 'formula';
  /** cells[likelihoodIndex][consequenceIndex] = risk level id */
  cells: number[][];
  formula: 'product' | 'sum';
  thresholds: { min: string; level: number }[];
  otherCriteria: string;
  nextId: number;
}

export const SCALE_LIMITS = { min: 3, max: 10 } as const;
export const LEVEL_LIMITS = { min: 2, max: 8 } as const;
/** Colours offered to a new risk level, from calm to alarming. */
const PALETTE = ['#2E7D32', '#7CB342', '#F9A825', '#EF6C00', '#C62828', '#6A1B9A', '#283593', '#455A64'];

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

export function toWorking(m: Methodology): WorkingMethodology {
  const levels: WorkingRiskLevel[] = m.levels.map((l, i) => ({
    id: i + 1,
    key: l.key,
    label: l.label,
    colour: l.colour,
    description: l.description ?? '',
    acceptable: m.acceptance.acceptableLevels.includes(l.key),
    acceptor: m.acceptance.acceptors
      .filter((a) => a.level === l.key)
      .map((a) => a.who)
      .join('; '),
  }));
  const idOf = (key: string) => levels.find((l) => l.key === key)?.id ?? levels[0]!.id;
  const scale = (s: Methodology['likelihood']): WorkingScale => ({
    name: s.name,
    unit: s.unit ?? '',
    levels: s.levels.map((l) => ({
      value: String(l.value),
      label: l.label,
      description: l.description ?? '',
      from: text(l.from),
      to: text(l.to),
    })),
  });
  // The rule not in use starts as the equivalent of the one in use, so switching shows something sensible.
  const cells =
    m.rule.kind === 'matrix'
      ? resizeMatrix(
          m.rule.cells.map((row) => row.map(idOf)),
          m.likelihood.levels.length,
          m.consequence.levels.length,
          levels[0]!.id,
        )
      : m.likelihood.levels.map((_l, i) =>
          m.consequence.levels.map((_c, j) => idOf(evaluate(m, { likelihood: i, consequence: j }).level)),
        );
  const thresholds =
    m.rule.kind === 'formula'
      ? m.rule.thresholds.map((t) => ({ min: String(t.min), level: idOf(t.level) }))
      : thresholdsFromMatrix(m).map((t) => ({ min: String(t.min), level: idOf(t.level) }));
  return {
    approach: m.approach,
    likelihood: scale(m.likelihood),
    consequence: scale(m.consequence),
    consequencePerCia: m.consequencePerCia,
    ciaCombination: m.ciaCombination,
    levels,
    ruleKind: m.rule.kind,
    cells,
    formula: m.rule.kind === 'formula' ? m.rule.formula : 'product',
    thresholds,
    otherCriteria: m.acceptance.otherCriteria ?? '',
    nextId: levels.length + 1,
  };
}

/** For each level used in the matrix, the lowest product score among its cells (ascending, gaps dropped). */
function thresholdsFromMatrix(m: Methodology): { min: number; level: string }[] {
  if (m.rule.kind !== 'matrix') return [];
  const lowest = new Map<string, number>();
  m.rule.cells.forEach((row, i) =>
    row.forEach((key, j) => {
      const score = (m.likelihood.levels[i]?.value ?? 0) * (m.consequence.levels[j]?.value ?? 0);
      lowest.set(key, Math.min(lowest.get(key) ?? Infinity, score));
    }),
  );
  const out: { min: number; level: string }[] = [];
  for (const l of m.levels) {
    const min = lowest.get(l.key);
    if (min !== undefined && (out.length === 0 || min > out.at(-1)!.min)) out.push({ min, level: l.key });
  }
  return out.length ? out : [{ min: 0, level: m.levels[0]!.key }];
}

/** A typed number: '' is missing (reported as required), anything else as JavaScript reads it. */
function num(s: string): number | undefined {
  return s.trim() === '' ? undefined : Number(s);
}

/** The value to save. It may be invalid while being edited; methodologySchema says where. */
export function toMethodology(w: WorkingMethodology): unknown {
  const keyOf = (id: number) => w.levels.find((l) => l.id === id)?.key ?? '';
  const quantitative = w.approach !== 'qualitative';
  const scale = (s: WorkingScale) => ({
    name: s.name,
    unit: s.unit,
    levels: s.levels.map((l) => ({
      value: num(l.value),
      label: l.label,
      description: l.description,
      from: quantitative ? (num(l.from) ?? null) : null,
      to: quantitative ? (num(l.to) ?? null) : null,
    })),
  });
  return {
    approach: w.approach,
    likelihood: scale(w.likelihood),
    consequence: scale(w.consequence),
    consequencePerCia: w.consequencePerCia,
    ciaCombination: w.ciaCombination,
    levels: w.levels.map(({ key, label, colour, description }) => ({ key, label, colour, description })),
    rule:
      w.ruleKind === 'matrix'
        ? { kind: 'matrix', cells: w.cells.map((row) => row.map(keyOf)) }
        : {
            kind: 'formula',
            formula: w.formula,
            thresholds: w.thresholds.map((t) => ({ min: num(t.min), level: keyOf(t.level) })),
          },
    acceptance: {
      acceptableLevels: w.levels.filter((l) => l.acceptable).map((l) => l.key),
      acceptors: w.levels.filter((l) => l.acceptor.trim()).map((l) => ({ level: l.key, who: l.acceptor })),
      otherCriteria: w.otherCriteria,
    },
  };
}

/** The working copy as a valid methodology, or null while it is not one (for previews). */
export function parsedMethodology(w: WorkingMethodology): Methodology | null {
  const parsed = methodologySchema.safeParse(toMethodology(w));
  return parsed.success ? parsed.data : null;
}

/**
 * Rebuilds a matrix from an older one: `rows[i]` / `cols[j]` name the old row / column each new one copies (the
 * nearest old one for a new level), so existing cells are kept and new cells take their nearest neighbour's level.
 */
export function remapMatrix(cells: number[][], rows: number[], cols: number[], fallback: number): number[][] {
  return rows.map((r) => cols.map((c) => cells[r]?.[c] ?? cells[r]?.at(-1) ?? fallback));
}

/** Old indexes for a scale of `size` after inserting a level at `at` (it copies its lower neighbour, or the one above at the bottom). */
export function indexesAfterInsert(size: number, at: number): number[] {
  const out = Array.from({ length: size }, (_v, i) => i);
  out.splice(at, 0, Math.max(0, Math.min(at - 1, size - 1)));
  return out;
}

export function indexesAfterRemove(size: number, at: number): number[] {
  return Array.from({ length: size }, (_v, i) => i).filter((i) => i !== at);
}

/** A matrix of exactly rows × cols: existing cells kept, missing ones filled from the nearest existing cell. */
export function resizeMatrix(cells: number[][], rows: number, cols: number, fallback: number): number[][] {
  const oldRows = cells.length;
  const rowIdx = Array.from({ length: rows }, (_v, i) => Math.min(i, Math.max(oldRows - 1, 0)));
  const colIdx = Array.from({ length: cols }, (_v, j) => j);
  return rowIdx.map((r) =>
    colIdx.map((c) => {
      const row = cells[r] ?? [];
      return row[Math.min(c, row.length - 1)] ?? fallback;
    }),
  );
}

const cellsAfter = (w: WorkingMethodology, scale: ScaleName, indexes: number[]): number[][] => {
  const fallback = w.levels[0]?.id ?? 0;
  const rows = w.cells.map((_r, i) => i);
  const cols = (w.cells[0] ?? []).map((_c, j) => j);
  return scale === 'likelihood'
    ? remapMatrix(w.cells, indexes, cols, fallback)
    : remapMatrix(w.cells, rows, indexes, fallback);
};

/** Adds a level above the highest one of a scale (value one more than the top), growing the matrix with it. */
export function addScaleLevel(w: WorkingMethodology, scale: ScaleName, label: string): WorkingMethodology {
  const s = w[scale];
  if (s.levels.length >= SCALE_LIMITS.max) return w;
  const top = s.levels.at(-1);
  const value =
    top && top.value.trim() !== '' && Number.isFinite(Number(top.value))
      ? String(Math.floor(Number(top.value)) + 1)
      : String(s.levels.length + 1);
  const level: WorkingScaleLevel = { value, label, description: '', from: top?.to ?? '', to: '' };
  const size = s.levels.length;
  return {
    ...w,
    [scale]: { ...s, levels: [...s.levels, level] },
    cells: cellsAfter(w, scale, indexesAfterInsert(size, size)),
  };
}

export function removeScaleLevel(w: WorkingMethodology, scale: ScaleName, at: number): WorkingMethodology {
  const s = w[scale];
  if (s.levels.length <= SCALE_LIMITS.min) return w;
  return {
    ...w,
    [scale]: { ...s, levels: s.levels.filter((_l, i) => i !== at) },
    cells: cellsAfter(w, scale, indexesAfterRemove(s.levels.length, at)),
  };
}

export function addRiskLevel(w: WorkingMethodology, label: string): WorkingMethodology {
  if (w.levels.length >= LEVEL_LIMITS.max) return w;
  const used = new Set(w.levels.map((l) => l.key));
  let n = w.levels.length + 1;
  while (used.has(`level_${n}`)) n++;
  const colour = PALETTE.find((c) => !w.levels.some((l) => l.colour.toLowerCase() === c.toLowerCase())) ?? PALETTE[0]!;
  const level: WorkingRiskLevel = {
    id: w.nextId,
    key: `level_${n}`,
    label,
    colour,
    description: '',
    acceptable: false,
    acceptor: '',
  };
  return { ...w, levels: [...w.levels, level], nextId: w.nextId + 1 };
}

/** Removes a risk level; cells and thresholds that used it take the next less severe level (or the next one up). */
export function removeRiskLevel(w: WorkingMethodology, id: number): WorkingMethodology {
  const at = w.levels.findIndex((l) => l.id === id);
  if (at < 0 || w.levels.length <= LEVEL_LIMITS.min) return w;
  const levels = w.levels.filter((l) => l.id !== id);
  const replacement = (levels[at - 1] ?? levels[0]!).id;
  const swap = (v: number) => (v === id ? replacement : v);
  return {
    ...w,
    levels,
    cells: w.cells.map((row) => row.map(swap)),
    thresholds: w.thresholds.map((t) => ({ ...t, level: swap(t.level) })),
  };
}

export function moveRiskLevel(w: WorkingMethodology, id: number, by: -1 | 1): WorkingMethodology {
  const at = w.levels.findIndex((l) => l.id === id);
  const to = at + by;
  if (at < 0 || to < 0 || to >= w.levels.length) return w;
  const levels = [...w.levels];
  [levels[at], levels[to]] = [levels[to]!, levels[at]!];
  return { ...w, levels };
}

/** The next level in order (wrapping), for click-to-cycle and arrow keys on a matrix cell. */
export function cycleLevel(w: WorkingMethodology, id: number, by: 1 | -1): number {
  const at = w.levels.findIndex((l) => l.id === id);
  const n = w.levels.length;
  return w.levels[(((at < 0 ? 0 : at + by) % n) + n) % n]!.id;
}

/** Black or white text, whichever reads better on a level's colour (WCAG relative luminance). */
export function textOn(hex: string): '#000000' | '#ffffff' {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return '#000000';
  const n = parseInt(m[1]!, 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
  // contrast with white (1.05 / (l + 0.05)) against contrast with black ((l + 0.05) / 0.05)
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? '#ffffff' : '#000000';
}
