/**
 * Clause numbers of ISO/IEC 27001:2022 clauses 4–10 (the requirements an ISMS process can serve). Annex A control
 * numbers are deliberately not accepted here: processes map to management-system clauses, controls to the SoA.
 */
export const ISO27001_CLAUSES = [
  '4',
  '4.1',
  '4.2',
  '4.3',
  '4.4',
  '5',
  '5.1',
  '5.2',
  '5.3',
  '6',
  '6.1',
  '6.1.1',
  '6.1.2',
  '6.1.3',
  '6.2',
  '6.3',
  '7',
  '7.1',
  '7.2',
  '7.3',
  '7.4',
  '7.5',
  '7.5.1',
  '7.5.2',
  '7.5.3',
  '8',
  '8.1',
  '8.2',
  '8.3',
  '9',
  '9.1',
  '9.2',
  '9.2.1',
  '9.2.2',
  '9.3',
  '9.3.1',
  '9.3.2',
  '9.3.3',
  '10',
  '10.1',
  '10.2',
] as const;

const KNOWN = new Set<string>(ISO27001_CLAUSES);

/** "8.2; 6.1.2,6.1.2 " → { clauses: ['6.1.2', '8.2'], unknown: [] } — split on commas, semicolons or spaces, deduplicated, in clause order. */
export function parseClauses(text: string): { clauses: string[]; unknown: string[] } {
  const parts = [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((p) => p.replace(/^(clause|§)/i, '').trim())
        .filter(Boolean),
    ),
  ];
  const unknown = parts.filter((p) => !KNOWN.has(p));
  const clauses = ISO27001_CLAUSES.filter((c) => parts.includes(c));
  return { clauses, unknown };
}

/** The stored form: "6.1.2, 8.2". */
export const formatClauses = (clauses: readonly string[]) => clauses.join(', ');
