import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useT } from '../i18n/i18n.js';
import { api, orgPath } from '../lib/api-client.js';
import type { RegisterRecord } from '../lib/api-types.js';
import { relatedText } from './record-select.js';
import { targetRegister } from './record-targets.js';
import { anyRecordPageSchema, recordPageSchemaOf } from './register-api.js';

export interface PickedRecord {
  id: string;
  ref: string;
  title: string;
}

interface Props {
  org: string;
  /** entity of the records offered (`asset`, `risk`) */
  entity: string;
  /** their collection, for an entity the UI has no register definition of yet */
  collection?: string;
  label: string;
  help?: string | undefined;
  error?: string | undefined;
  /** records already chosen: left out of the suggestions */
  exclude?: string[];
  onPick: (record: PickedRecord) => void;
  disabled?: boolean;
}

const PAGE = 20;

/**
 * A server-side typeahead (ARIA combobox): what is typed is searched in the register's list (`q`), 20 matches at a
 * time, so it stays fast over tens of thousands of records. Arrow keys move, Enter picks, Escape closes.
 */
export function RecordCombobox({ org, entity, collection, label, help, error, exclude = [], onPick, disabled }: Props) {
  const { t } = useT();
  const id = useId();
  const target = targetRegister(entity);
  const path = `/${target?.collection ?? collection ?? entity}`;
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const blurTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(blurTimer.current), []);
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const results = useQuery({
    queryKey: ['org', org, path.slice(1), 'options', 'combobox', q],
    enabled: open,
    queryFn: ({ signal }) =>
      api.get(orgPath(org, path), target ? recordPageSchemaOf(target) : anyRecordPageSchema, {
        query: { q: q || undefined, pageSize: PAGE + exclude.length },
        signal,
      }),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
  // Suggestions for an earlier text (the search waits for a pause in typing) are shown, never picked by Enter.
  const stale = text.trim() !== q || results.isPlaceholderData;
  const titleOf = (r: RegisterRecord) => String((target ? r[target.titleField] : (r.name ?? r.title)) ?? '');
  const options = (results.data?.items ?? []).filter((r) => !exclude.includes(r.id)).slice(0, PAGE);
  const more = (results.data?.total ?? 0) - exclude.length > options.length;
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-opt-${i}`;

  const pick = (r: RegisterRecord) => {
    onPick({ id: r.id, ref: r.ref, title: titleOf(r) });
    setText('');
    setActive(0);
    inputRef.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) setOpen(true);
      else setActive((a) => Math.min(a + 1, options.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      // Enter chooses a suggestion; it never submits the form around the box.
      e.preventDefault();
      if (open && !stale && options[active]) pick(options[active]);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
    }
  };
  const status = results.isError
    ? t('register.comboboxError')
    : stale || (results.isFetching && !results.data)
      ? t('common.loading')
      : options.length === 0
        ? t('register.comboboxNone')
        : more
          ? t('register.comboboxMore', { count: options.length })
          : t('register.comboboxCount', { count: options.length });

  return (
    <div className={`field combobox${error ? ' field--invalid' : ''}`}>
      <label htmlFor={`${id}-input`}>{label}</label>
      <div className="combobox__control">
        <input
          ref={inputRef}
          id={`${id}-input`}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && options[active] ? optionId(active) : undefined}
          aria-describedby={[error ? `${id}-error` : '', help ? `${id}-help` : '', `${id}-status`]
            .filter(Boolean)
            .join(' ')}
          aria-invalid={error ? true : undefined}
          placeholder={t('register.comboboxPlaceholder')}
          value={text}
          disabled={disabled}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onFocus={() => {
            clearTimeout(blurTimer.current);
            setOpen(true);
          }}
          onClick={() => setOpen(true)}
          // a click on a suggestion lands after the blur: close a moment later, unless focus came back
          onBlur={() => {
            blurTimer.current = setTimeout(() => setOpen(false), 150);
          }}
          onKeyDown={onKeyDown}
        />
        <div className="combobox__popup" hidden={!open}>
          <ul id={listId} role="listbox" aria-label={label} className="combobox__list">
            {options.map((r, i) => (
              <li
                key={r.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className="combobox__option"
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => pick(r)}
              >
                <span className="ref">{r.ref}</span> {titleOf(r)}
              </li>
            ))}
          </ul>
          <p id={`${id}-status`} className="combobox__status" aria-live="polite">
            {open ? status : ''}
          </p>
        </div>
      </div>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {help ? (
        <p className="field__help" id={`${id}-help`}>
          {help}
        </p>
      ) : null}
    </div>
  );
}

/** Chosen records as removable chips. */
export function PickedList({
  items,
  onRemove,
  label,
  disabled,
}: {
  items: PickedRecord[];
  onRemove?: (id: string) => void;
  label: string;
  disabled?: boolean;
}) {
  const { t } = useT();
  if (items.length === 0) return null;
  return (
    <ul className="picked" aria-label={label}>
      {items.map((r) => (
        <li key={r.id} className="picked__item">
          <span>{relatedText(r)}</span>
          {onRemove ? (
            <button
              type="button"
              className="picked__remove"
              disabled={disabled}
              aria-label={t('register.pickedRemove', { ref: r.ref })}
              onClick={() => onRemove(r.id)}
            >
              ×
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
