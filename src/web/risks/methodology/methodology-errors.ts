import type { DraftErrors } from '../../versioning/draft-form.js';
import type { WorkingMethodology } from './methodology-model.js';

/**
 * Messages for the methodology (client: methodologySchema; server: problem+json `body.content.methodology.…`)
 * keyed by the control that shows them. Most paths are the controls' own; the acceptance criteria are edited per
 * risk level, so `acceptance.acceptors.1.who` lands on the "who may accept" of the level that entry came from.
 * A path with no control (or out of range) is listed at the top of the section, so no message is ever lost.
 */
export interface PlacedErrors {
  /** control key → message */
  at: Record<string, string>;
  /** control key → the original paths, to clear them when the control is edited */
  sources: Record<string, string[]>;
  /** messages with no control, by original path */
  general: { path: string; message: string }[];
}

const SCALE_FIELDS = new Set(['value', 'label', 'description', 'from', 'to']);
const LEVEL_FIELDS = new Set(['key', 'label', 'colour', 'description']);

/** The control key for a path inside the methodology, or null when the editor has no control for it. */
export function placeError(path: string, w: WorkingMethodology): string | null {
  const p = path.split('.');
  const [head, a, b, c] = p;
  const idx = (s: string | undefined, size: number) =>
    s !== undefined && /^\d+$/.test(s) && Number(s) < size ? Number(s) : null;
  switch (head) {
    case 'approach':
    case 'consequencePerCia':
    case 'ciaCombination':
      return p.length === 1 ? head : null;
    case 'likelihood':
    case 'consequence': {
      if (a === 'name' || a === 'unit') return `${head}.${a}`;
      if (a !== 'levels') return a === undefined ? `${head}.levels` : null;
      const i = idx(b, w[head].levels.length);
      if (i !== null && c !== undefined && SCALE_FIELDS.has(c)) return `${head}.levels.${i}.${c}`;
      return `${head}.levels`;
    }
    case 'levels': {
      const i = idx(a, w.levels.length);
      if (i !== null && b !== undefined && LEVEL_FIELDS.has(b)) return `levels.${i}.${b}`;
      return 'levels';
    }
    case 'rule': {
      if (a === 'formula') return 'rule.formula';
      if (a === 'cells') {
        const i = idx(b, w.likelihood.levels.length);
        const j = i === null ? null : idx(c, w.consequence.levels.length);
        return i !== null && j !== null && p.length === 4 ? `rule.cells.${i}.${j}` : 'rule.cells';
      }
      if (a === 'thresholds') {
        const i = idx(b, w.thresholds.length);
        return i !== null && (c === 'min' || c === 'level') ? `rule.thresholds.${i}.${c}` : 'rule.thresholds';
      }
      return 'rule';
    }
    case 'acceptance': {
      if (a === 'otherCriteria') return 'acceptance.otherCriteria';
      // The k-th entry of each list was written from the k-th level that is acceptable / names an acceptor.
      const from =
        a === 'acceptableLevels'
          ? w.levels.filter((l) => l.acceptable)
          : a === 'acceptors'
            ? w.levels.filter((l) => l.acceptor.trim())
            : [];
      const level = b !== undefined && /^\d+$/.test(b) ? from[Number(b)] : undefined;
      if (!level) return 'acceptance';
      return `levels.${w.levels.indexOf(level)}.${a === 'acceptableLevels' ? 'acceptable' : 'acceptor'}`;
    }
    default:
      return null;
  }
}

export function placeErrors(errors: DraftErrors, w: WorkingMethodology): PlacedErrors {
  const out: PlacedErrors = { at: {}, sources: {}, general: [] };
  for (const [path, message] of Object.entries(errors)) {
    const key = placeError(path, w);
    if (key === null) {
      out.general.push({ path, message });
      continue;
    }
    if (out.at[key] === undefined) out.at[key] = message;
    (out.sources[key] ??= []).push(path);
  }
  return out;
}
