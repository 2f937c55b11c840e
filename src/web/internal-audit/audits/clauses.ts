import { ISMS_CLAUSES } from '../../../schema/internal-audit/isms-requirements.js';

/**
 * The clause numbers of an audit's `clauses` text ("6.1.2, 8.2" or a whole clause "7"), as the clauses 4–10 they
 * cover: a whole clause stands for each of its sub-clauses.
 */
export function clausesOf(text: string): string[] {
  const given = text
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return ISMS_CLAUSES.filter((c) => given.some((g) => c === g || c.startsWith(`${g}.`)));
}

export const joinClauses = (clauses: readonly string[]) => clauses.join(', ');
