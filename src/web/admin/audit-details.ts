import { z } from 'zod';
import type { I18n } from '../i18n/i18n.js';
import { fieldText } from '../register/field-value.js';
import { targetRegister } from '../register/record-targets.js';

const MAX_VALUES = 6;

/** "fromRef" → "From ref": a payload key no register names, in words rather than code. */
function humanize(key: string): string {
  const words = key
    .replace(/Id$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A value that is a key ("approver", "in_review") in the words of the screens when the catalog has them: a role, or
 * an option of the record's kind (`document.stage.in_review`); other text as it is.
 */
function keyWord(
  i18n: I18n,
  entity: string | null,
  collection: string | undefined,
  key: string,
  value: string,
): string {
  if (!/^[a-z]+(_[a-z]+)*$/.test(value)) return value;
  if (/role$/i.test(key)) return i18n.td(`role.${value}`, undefined, value);
  for (const prefix of [entity, collection]) {
    if (!prefix) continue;
    const word = i18n.td(`${prefix}.${key}.${value}`, undefined, '');
    if (word) return word;
  }
  return value;
}

const short = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/**
 * An event's payload as a person reads it: register fields by their label and values as the register shows them
 * (options, members by name, dates), a change as "Status: Open → Done"; other keys in words. The full JSON stays in
 * the cell's title for copying.
 */
export function auditDetails(
  i18n: I18n,
  entityType: string | null,
  payload: Record<string, unknown>,
  memberNames: Map<string, string>,
): string {
  const register = targetRegister(entityType ?? undefined);
  const label = (name: string) => {
    const def = register?.fields[name];
    return def ? i18n.td(def.label, undefined, humanize(name)) : humanize(name);
  };
  const value = (name: string, v: unknown) => {
    if (v === null || v === undefined || v === '') return i18n.t('common.empty');
    const def = register?.fields[name];
    const text = def
      ? fieldText(i18n, register!.collection, name, def, v, memberNames)
      : typeof v === 'object'
        ? JSON.stringify(v)
        : String(v);
    return short(text || String(v));
  };
  const parts: string[] = [];
  for (const [k, v] of Object.entries(payload ?? {})) {
    if (k === 'ref' || v === null || v === undefined || v === '') continue;
    if (k === 'changes' && v && typeof v === 'object') {
      for (const [name, change] of Object.entries(changesSchema.safeParse(v).data ?? {}))
        parts.push(`${label(name)}: ${value(name, change?.from)} → ${value(name, change?.to)}`);
    } else if (k === 'values' && v && typeof v === 'object') {
      const entries = Object.entries(valuesSchema.safeParse(v).data ?? {});
      for (const [name, val] of entries.slice(0, MAX_VALUES)) parts.push(`${label(name)}: ${value(name, val)}`);
      if (entries.length > MAX_VALUES) parts.push(i18n.t('audit.moreValues', { count: entries.length - MAX_VALUES }));
    } else if (Array.isArray(v)) {
      if (v.length)
        parts.push(
          `${humanize(k)}: ${short(v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', '))}`,
        );
    } else if (typeof v === 'object') {
      const keys = Object.keys(v);
      if (keys.length) parts.push(`${humanize(k)}: ${keys.map(humanize).join(', ')}`);
    } else {
      parts.push(`${humanize(k)}: ${short(keyWord(i18n, entityType, register?.collection, k, String(v)))}`);
    }
  }
  return parts.join(' · ');
}

/** The payload parts read by shape (an event's payload is a free object): changes `{ field: { from, to } }`, values. */
const changesSchema = z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }).nullable());
const valuesSchema = z.record(z.string(), z.unknown());
