import type { ChangeEvent } from 'react';
import {
  clauseLabel,
  ISMS_CLAUSE_TITLES,
  ISMS_REQUIREMENTS,
  type IsmsRequirement,
} from '../../schema/internal-audit/isms-requirements.js';
import { useT } from '../i18n/i18n.js';
import { Select } from '../ui/fields.js';

const MAX_TEXT = 90;
const short = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text);

/** The requirements grouped by their clause, in the standard's order. */
const GROUPS: Array<{ clause: string; items: IsmsRequirement[] }> = (() => {
  const out = new Map<string, IsmsRequirement[]>();
  for (const q of ISMS_REQUIREMENTS) out.set(q.clause, [...(out.get(q.clause) ?? []), q]);
  return [...out].map(([clause, items]) => ({ clause, items }));
})();

/**
 * A 27001:2022 requirement (clauses 4–10), chosen by its number and text, grouped by clause; each option reads
 * "9.2.2 a) (2013: 9.2 a) — text", so a reader of the 2013 edition finds theirs too. The value is the key.
 */
export function RequirementPicker({
  label,
  help,
  value,
  error,
  onChange,
  anyLabel,
}: {
  label: string;
  /** the empty choice's words (a filter's "any"); default: none chosen */
  anyLabel?: string | undefined;
  help?: string | undefined;
  value: string;
  error: string | undefined;
  onChange: (event: ChangeEvent<HTMLSelectElement>) => void;
}) {
  const { t } = useT();
  return (
    <Select
      label={label}
      help={help}
      value={value}
      error={error}
      onChange={onChange}
      fieldClassName={anyLabel ? 'nc-requirement-filter' : 'field--wide'}
    >
      <option value="">{anyLabel ?? t('nc.requirement.none')}</option>
      {GROUPS.map((g) => (
        <optgroup key={g.clause} label={`${clauseLabel(g.clause)} ${ISMS_CLAUSE_TITLES[g.clause] ?? ''}`}>
          {g.items.map((q) => (
            <option key={q.key} value={q.key}>
              {`${clauseLabel(q.key)} — ${short(q.text)}`}
            </option>
          ))}
        </optgroup>
      ))}
    </Select>
  );
}
