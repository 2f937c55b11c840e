import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RegisterDef } from '../../schema/register/define-register.js';
import { useT } from '../i18n/i18n.js';
import { api, orgPath } from '../lib/api-client.js';
import type { RegisterRecord } from '../lib/api-types.js';
import { targetRegister } from './record-targets.js';
import { recordPageSchemaOf } from './register-api.js';

/** `{ type, id, ref, title }` of a record that a `record` field points at (the API's `related` map). */
export interface RelatedRecord {
  type: string;
  id: string;
  ref: string;
  title: string;
}
export type RelatedMap = Record<string, RelatedRecord>;

export const relatedText = (r: Pick<RelatedRecord, 'ref' | 'title'>) => (r.title ? `${r.ref} — ${r.title}` : r.ref);

const PAGE = 50;

/** Up to 50 records of the target register matching `q` (the register's own list route), as options. */
export function useRecordOptions(org: string, target: RegisterDef | undefined, q: string) {
  return useQuery({
    queryKey: ['org', org, target?.collection ?? '-', 'options', q],
    enabled: !!target,
    queryFn: ({ signal }) =>
      api.get(orgPath(org, `/${target!.collection}`), recordPageSchemaOf(target!), {
        query: { q: q || undefined, pageSize: PAGE },
        signal,
      }),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}

export function optionText(target: RegisterDef, r: RegisterRecord): string {
  return relatedText({ ref: r.ref, title: String(r[target.titleField] ?? '') });
}

/** A search box that narrows a record select; the text is sent to the server after a short pause. */
export function RecordSearch({ label, onSearch }: { label: string; onSearch: (q: string) => void }) {
  const { t } = useT();
  const [text, setText] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => onSearch(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text, onSearch]);
  return (
    <input
      type="search"
      className="record-select__search"
      value={text}
      onChange={(e) => setText(e.target.value)}
      placeholder={t('register.recordSearch')}
      aria-label={t('register.recordSearchLabel', { field: label })}
    />
  );
}

interface OptionsProps {
  org: string;
  entity: string | undefined;
  q: string;
  value: string;
  /** what the current value is, when known (from `related`) */
  current: RelatedRecord | undefined;
}

/** The `<option>`s of a record select: the matches, plus the current value even when the search hides it. */
export function RecordOptions({ org, entity, q, value, current }: OptionsProps) {
  const { t } = useT();
  const target = targetRegister(entity);
  const options = useRecordOptions(org, target, q);
  const all = options.data?.items ?? [];
  const more = (options.data?.total ?? 0) > all.length;
  // The chosen record keeps one stable <option> ahead of the matches: were it removed and re-added when the
  // matches load, the browser would fall back to the first option while React still holds the value.
  const chosen = value ? all.find((r) => r.id === value) : undefined;
  const items = all.filter((r) => r.id !== value);
  return (
    <>
      {value ? (
        <option value={value}>
          {chosen && target ? optionText(target, chosen) : current ? relatedText(current) : value}
        </option>
      ) : null}
      {target
        ? items.map((r) => (
            <option key={r.id} value={r.id}>
              {optionText(target, r)}
            </option>
          ))
        : null}
      {more ? (
        <option disabled value="__more">
          {t('register.recordMore', { count: PAGE })}
        </option>
      ) : null}
    </>
  );
}
