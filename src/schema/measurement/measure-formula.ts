/**
 * Derived measures (27004 "derived measure"): a formula over base-measure keys, e.g. `reviewed / total * 100`.
 * A small recursive-descent parser (numbers, keys, + - * /, unary minus, parentheses) — never `eval`, so a formula
 * typed by a user or pushed by automation cannot run code. Division by zero gives no value and says why.
 */

export type Formula =
  | { op: 'num'; value: number }
  | { op: 'key'; key: string }
  | { op: 'neg'; arg: Formula }
  | { op: '+' | '-' | '*' | '/'; left: Formula; right: Formula };

export interface BaseMeasure {
  key: string;
  name: string;
  unit: string | null;
}

export const BASE_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/i;
const MAX_FORMULA_LENGTH = 500;
const MAX_DEPTH = 50;

export class FormulaError extends Error {}

/** Parses a formula or throws a FormulaError saying where it went wrong. */
export function parseFormula(text: string): Formula {
  if (text.length > MAX_FORMULA_LENGTH) throw new FormulaError(`at most ${MAX_FORMULA_LENGTH} characters`);
  const tokens = text.match(/\s*(\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_]*|[-+*/()]|\S)/g) ?? [];
  let at = 0;
  const peek = () => tokens[at]?.trim();
  const next = () => tokens[at++]?.trim();

  function expression(depth: number): Formula {
    let left = term(depth);
    for (let op = peek(); op === '+' || op === '-'; op = peek()) {
      next();
      left = { op, left, right: term(depth) };
    }
    return left;
  }
  function term(depth: number): Formula {
    let left = factor(depth);
    for (let op = peek(); op === '*' || op === '/'; op = peek()) {
      next();
      left = { op, left, right: factor(depth) };
    }
    return left;
  }
  function factor(depth: number): Formula {
    if (depth > MAX_DEPTH) throw new FormulaError('too deeply nested');
    const token = next();
    if (token === undefined) throw new FormulaError('ends too early: a number, a key or ( is missing');
    if (token === '-') return { op: 'neg', arg: factor(depth + 1) };
    if (token === '(') {
      const inner = expression(depth + 1);
      if (next() !== ')') throw new FormulaError('a ) is missing');
      return inner;
    }
    if (/^\d/.test(token)) return { op: 'num', value: Number(token) };
    if (BASE_KEY_PATTERN.test(token)) return { op: 'key', key: token };
    throw new FormulaError(`unexpected "${token}"`);
  }

  const formula = expression(0);
  const rest = peek();
  if (rest !== undefined) throw new FormulaError(`unexpected "${rest}"`);
  return formula;
}

/** The base-measure keys a formula uses, in order of first use. */
export function formulaKeys(formula: Formula): string[] {
  const keys = new Set<string>();
  const walk = (f: Formula): void => {
    if (f.op === 'key') keys.add(f.key);
    else if (f.op === 'neg') walk(f.arg);
    else if (f.op !== 'num') {
      walk(f.left);
      walk(f.right);
    }
  };
  walk(formula);
  return [...keys];
}

/** The formula's value for these base values, or null with the reason (a missing key, a division by zero). */
export function evaluateFormula(
  formula: Formula,
  values: Readonly<Record<string, number>>,
): { value: number; note?: undefined } | { value: null; note: string } {
  const missing = formulaKeys(formula).filter((k) => typeof values[k] !== 'number');
  if (missing.length > 0) return { value: null, note: `no value for ${missing.join(', ')}` };
  let divisionByZero = false;
  const run = (f: Formula): number => {
    switch (f.op) {
      case 'num':
        return f.value;
      case 'key':
        return values[f.key] ?? Number.NaN;
      case 'neg':
        return -run(f.arg);
      case '+':
        return run(f.left) + run(f.right);
      case '-':
        return run(f.left) - run(f.right);
      case '*':
        return run(f.left) * run(f.right);
      case '/': {
        const divisor = run(f.right);
        if (divisor === 0) divisionByZero = true;
        return run(f.left) / divisor;
      }
    }
  };
  const value = run(formula);
  if (divisionByZero) return { value: null, note: 'division by zero: the formula has no value for these base values' };
  if (!Number.isFinite(value)) return { value: null, note: 'the formula gives no finite value' };
  // Keep what a double column stores and reads back as written (15 significant digits, like number fields).
  return { value: Number(value.toPrecision(15)) };
}

/**
 * Base measures as declared on a measure, one per line: `key: name [unit]` (the unit in brackets is optional),
 * e.g. `reviewed: Documents reviewed on time [count]`. Throws a FormulaError naming the line.
 */
export function parseBaseMeasures(text: string | null | undefined): BaseMeasure[] {
  const out: BaseMeasure[] = [];
  const lines = (text ?? '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const match = /^([^:\s]+)\s*:\s*([^[\]]*?)\s*(?:\[([^[\]]{1,40})\])?$/.exec(line);
    if (!match?.[1] || !BASE_KEY_PATTERN.test(match[1]))
      throw new FormulaError(`line ${i + 1}: write "key: name [unit]", the key in letters, digits and _`);
    if (out.some((b) => b.key === match[1])) throw new FormulaError(`line ${i + 1}: the key ${match[1]} is repeated`);
    out.push({ key: match[1], name: match[2] || match[1], unit: match[3]?.trim() || null });
  });
  if (out.length > 20) throw new FormulaError('at most 20 base measures');
  return out;
}
