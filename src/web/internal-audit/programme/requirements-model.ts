import { clauseLabel, type IsmsRequirement } from '../../../schema/internal-audit/isms-requirements.js';

/**
 * The requirements reference: what a search keeps (every word found in the numbers, either edition's, or the text;
 * "new" and "documented" find the marked ones) and the grouping by clause, in the list's order.
 */
export function filterRequirements(list: readonly IsmsRequirement[], text: string): IsmsRequirement[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...list];
  return list.filter((q) => {
    const hay = [
      clauseLabel(q.key),
      q.key,
      q.clause2013 ?? '',
      q.text,
      q.since2022 ? 'new 2022' : '',
      q.documented ? 'documented' : '',
    ]
      .join(' ')
      .toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

export function groupRequirements(list: readonly IsmsRequirement[]): { clause: string; items: IsmsRequirement[] }[] {
  const out: { clause: string; items: IsmsRequirement[] }[] = [];
  for (const q of list) {
    const last = out[out.length - 1];
    if (last && last.clause === q.clause) last.items.push(q);
    else out.push({ clause: q.clause, items: [q] });
  }
  return out;
}
