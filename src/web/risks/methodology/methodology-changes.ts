import type { Methodology } from '../../../schema/risks/methodology.schema.js';
import type { I18n } from '../../i18n/i18n.js';
import type { DataChange, DescribedChange } from '../../versioning/data-sections.js';

/**
 * The changed values of two methodology versions in words: "Likelihood › level 3 › label: Possible → Probable",
 * a matrix cell as "Likely × Major: Medium → High". A level added to or removed from a list is one line, not one
 * per field; a change of rule kind (matrix ↔ formula) is one line; the acceptance lists are compared as wholes.
 */
type Loose = Partial<Methodology> | undefined;

const SEP = ' › ';

export function describeMethodologyChanges(
  i18n: I18n,
  changes: DataChange[],
  values: { before: unknown; after: unknown },
): DescribedChange[] {
  const { t, td } = i18n;
  const b = values.before as Loose;
  const a = values.after as Loose;
  const out: (DescribedChange & { rank: number })[] = [];
  const done = new Set<string>();
  let rank = 0;
  const push = (where: string, before: string | null, after: string | null) => out.push({ where, before, after, rank });
  const once = (group: string, fn: () => void) => {
    if (done.has(group)) return;
    done.add(group);
    fn();
  };
  const fmt = (v: unknown): string | null => {
    if (v === null || v === undefined || v === '') return null;
    if (typeof v === 'boolean') return v ? t('riskMethodology.doc.yes') : t('riskMethodology.doc.no');
    if (typeof v === 'number') return i18n.formatNumber(v);
    return typeof v === 'string' ? v : JSON.stringify(v);
  };
  const levelLabel = (m: Loose, key: unknown) =>
    typeof key === 'string' ? (m?.levels?.find((l) => l.key === key)?.label ?? key) : null;
  const scaleWord = (s: string) => t(s === 'likelihood' ? 'riskMethodology.likelihood' : 'riskMethodology.consequence');
  const fieldWord = (f: string) => td(`riskMethodology.part.${f}`, undefined, f);
  const ruleText = (m: Loose): string | null => {
    if (!m?.rule) return null;
    return m.rule.kind === 'matrix'
      ? t('riskMethodology.rule.matrix')
      : `${t('riskMethodology.rule.formula')}: ${t(`riskMethodology.formula.${m.rule.formula}`)}`;
  };
  const ruleKindChanged = b?.rule?.kind !== a?.rule?.kind;

  for (const c of changes) {
    const p = c.path.split('.');
    const [head, x, y, z] = p;
    rank = ORDER.indexOf(head === 'acceptance' ? `acceptance.${x}` : (head ?? ''));
    if (rank < 0) rank = ORDER.length;
    if (head === 'approach')
      push(t('riskMethodology.doc.approach'), approachText(i18n, c.before), approachText(i18n, c.after));
    else if (head === 'consequencePerCia') push(t('riskMethodology.consequencePerCia'), fmt(c.before), fmt(c.after));
    else if (head === 'ciaCombination')
      push(t('riskMethodology.ciaCombination'), comboText(i18n, c.before), comboText(i18n, c.after));
    else if ((head === 'likelihood' || head === 'consequence') && x === 'levels' && y !== undefined) {
      const i = Number(y);
      const lb = b?.[head]?.levels?.[i];
      const la = a?.[head]?.levels?.[i];
      const where = `${scaleWord(head)}${SEP}${t('riskMethodology.path.level', { no: i + 1 })}`;
      const text = (l: typeof lb) => (l ? `${fmt(l.value) ?? ''} · ${l.label}` : null);
      if (!lb || !la) once(`${head}.${i}`, () => push(where, text(lb), text(la)));
      else push(`${where}${SEP}${fieldWord(z ?? '')}`, fmt(c.before), fmt(c.after));
    } else if (head === 'likelihood' || head === 'consequence')
      push(`${scaleWord(head)}${SEP}${fieldWord(x ?? '')}`, fmt(c.before), fmt(c.after));
    else if (head === 'levels' && x !== undefined) {
      const i = Number(x);
      const lb = b?.levels?.[i];
      const la = a?.levels?.[i];
      const text = (l: typeof lb) => (l ? `${l.label} (${l.key})` : null);
      if (!lb || !la)
        once(`levels.${i}`, () =>
          push(
            `${t('riskMethodology.riskLevels')}${SEP}${t('riskMethodology.path.level', { no: i + 1 })}`,
            text(lb),
            text(la),
          ),
        );
      else if (y === 'label')
        push(
          `${t('riskMethodology.riskLevels')}${SEP}${t('riskMethodology.path.level', { no: i + 1 })}${SEP}${fieldWord('label')}`,
          fmt(c.before),
          fmt(c.after),
        );
      else
        push(
          `${t('riskMethodology.riskLevels')}${SEP}${la.label}${SEP}${fieldWord(y ?? '')}`,
          fmt(c.before),
          fmt(c.after),
        );
    } else if (head === 'rule' && ruleKindChanged)
      once('rule', () => push(t('riskMethodology.rule'), ruleText(b), ruleText(a)));
    else if (head === 'rule' && x === 'cells' && y !== undefined && z !== undefined) {
      const [i, j] = [Number(y), Number(z)];
      const row = a?.likelihood?.levels?.[i]?.label ?? b?.likelihood?.levels?.[i]?.label ?? String(i + 1);
      const col = a?.consequence?.levels?.[j]?.label ?? b?.consequence?.levels?.[j]?.label ?? String(j + 1);
      push(`${row} × ${col}`, levelLabel(b, c.before), levelLabel(a, c.after));
    } else if (head === 'rule' && x === 'formula')
      push(t('riskMethodology.rule.formula'), fmtFormula(i18n, c.before), fmtFormula(i18n, c.after));
    else if (head === 'rule' && x === 'thresholds' && y !== undefined) {
      const i = Number(y);
      const tb = b?.rule?.kind === 'formula' ? b.rule.thresholds[i] : undefined;
      const ta = a?.rule?.kind === 'formula' ? a.rule.thresholds[i] : undefined;
      const where = t('riskMethodology.path.threshold', { no: i + 1 });
      const text = (th: typeof tb, m: Loose) =>
        th
          ? t('riskMethodology.path.thresholdText', {
              min: i18n.formatNumber(th.min),
              level: levelLabel(m, th.level) ?? '',
            })
          : null;
      if (!tb || !ta) once(`thresholds.${i}`, () => push(where, text(tb, b), text(ta, a)));
      else if (z === 'level')
        push(`${where}${SEP}${t('riskMethodology.doc.level')}`, levelLabel(b, c.before), levelLabel(a, c.after));
      else push(`${where}${SEP}${t('riskMethodology.doc.threshold')}`, fmt(c.before), fmt(c.after));
    } else if (head === 'acceptance' && x === 'acceptableLevels') {
      once('acceptable', () => {
        const list = (m: Loose) =>
          (m?.acceptance?.acceptableLevels ?? []).map((k) => levelLabel(m, k)).join(', ') || t('riskMethodology.none');
        push(t('riskMethodology.doc.acceptable'), list(b), list(a));
      });
    } else if (head === 'acceptance' && x === 'acceptors') {
      once('acceptors', () => {
        const who = (m: Loose) => {
          const map = new Map<string, string>();
          for (const e of m?.acceptance?.acceptors ?? [])
            map.set(e.level, map.has(e.level) ? `${map.get(e.level)}; ${e.who}` : e.who);
          return map;
        };
        const [wb, wa] = [who(b), who(a)];
        const keys = [...new Set([...(a?.levels ?? []).map((l) => l.key), ...wb.keys(), ...wa.keys()])];
        for (const k of keys) {
          if (wb.get(k) === wa.get(k)) continue;
          push(
            `${t('riskMethodology.doc.acceptors')}${SEP}${levelLabel(a, k) ?? levelLabel(b, k)}`,
            wb.get(k) ?? null,
            wa.get(k) ?? null,
          );
        }
      });
    } else if (head === 'acceptance' && x === 'otherCriteria')
      push(t('riskMethodology.doc.otherCriteria'), fmt(c.before), fmt(c.after));
    else push(c.path, fmt(c.before), fmt(c.after));
  }
  // In the document's order whatever the order of the paths (a list that grew reports its new entries last).
  return out.sort((p, q) => p.rank - q.rank).map(({ rank: _rank, ...line }) => line);
}

const ORDER = [
  'approach',
  'consequencePerCia',
  'ciaCombination',
  'likelihood',
  'consequence',
  'levels',
  'rule',
  'acceptance.acceptableLevels',
  'acceptance.acceptors',
  'acceptance.otherCriteria',
];

function approachText({ td }: I18n, v: unknown): string | null {
  return typeof v === 'string' ? td(`riskMethodology.approach.${v}`, undefined, v) : null;
}

function comboText({ td }: I18n, v: unknown): string | null {
  return typeof v === 'string' ? td(`riskMethodology.combinationShort.${v}`, undefined, v) : null;
}

function fmtFormula({ td }: I18n, v: unknown): string | null {
  return typeof v === 'string' ? td(`riskMethodology.formula.${v}`, undefined, v) : null;
}
