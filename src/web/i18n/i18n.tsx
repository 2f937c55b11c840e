import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import en, { type MessageKey } from '../../schema/i18n/messages/en.js';

/**
 * Message catalogs: `src/schema/i18n/messages/<lang>.ts` (shared with server-side exports) each default-export a (partial) map of keys to strings. Adding a language
 * is adding one file; missing keys fall back to English.
 */
type Catalog = Partial<Record<MessageKey, string>>;
const catalogs = import.meta.glob<{ default: Catalog }>('../../schema/i18n/messages/*.ts', { eager: true });

export type Params = Record<string, string | number>;

/** The catalog for the locale (exact, then the base language), and the language it is in. */
function pickCatalog(locale: string): { lang: string; catalog: Catalog } {
  for (const name of [locale.toLowerCase(), locale.toLowerCase().split('-')[0] ?? 'en']) {
    const catalog = catalogs[`../../schema/i18n/messages/${name}.ts`]?.default;
    if (catalog) return { lang: name, catalog };
  }
  return { lang: 'en', catalog: {} };
}

function interpolate(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export interface I18n {
  locale: string;
  /** language of the messages shown (for `<html lang>`) */
  lang: string;
  /** A known message. */
  t: (key: MessageKey, params?: Params) => string;
  /** A key computed at run time (register labels from src/schema, enum options); falls back to `fallback` or the key. */
  td: (key: string, params?: Params, fallback?: string) => string;
  formatDate: (value: string | null | undefined) => string;
  formatDateTime: (value: string | null | undefined) => string;
  formatNumber: (value: number) => string;
}

export function createI18n(locale: string): I18n {
  const { lang, catalog } = pickCatalog(locale);
  const lookup = (key: string): string | undefined =>
    (catalog as Record<string, string | undefined>)[key] ?? (en as Record<string, string | undefined>)[key];
  const dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimeFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const numberFmt = new Intl.NumberFormat(locale);
  return {
    locale,
    lang,
    t: (key, params) => interpolate(lookup(key) ?? key, params),
    td: (key, params, fallback) => interpolate(lookup(key) ?? fallback ?? key, params),
    // Dates (YYYY-MM-DD) are calendar days: format them in UTC so they never shift by a day.
    formatDate: (value) => {
      if (!value) return '';
      const d = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
      return Number.isNaN(d.getTime()) ? value : dateFmt.format(d);
    },
    formatDateTime: (value) => {
      if (!value) return '';
      const d = new Date(value);
      return Number.isNaN(d.getTime()) ? value : dateTimeFmt.format(d);
    },
    formatNumber: (value) => numberFmt.format(value),
  };
}

const I18nContext = createContext<I18n>(createI18n('en'));

export function I18nProvider({ children, locale }: { children: ReactNode; locale?: string }) {
  const lang = locale ?? (typeof navigator !== 'undefined' ? navigator.language : 'en');
  const value = useMemo(() => createI18n(lang), [lang]);
  useEffect(() => {
    document.documentElement.lang = value.lang;
  }, [value.lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useT(): I18n {
  return useContext(I18nContext);
}

/**
 * Messages an organization words itself (e.g. its names for the classification levels) for everything beneath,
 * generic components included; keys not overridden keep the catalog's words.
 */
export function MessageOverrides({
  messages,
  children,
}: {
  messages: Partial<Record<string, string>>;
  children: ReactNode;
}) {
  const parent = useContext(I18nContext);
  const value = useMemo<I18n>(
    () => ({
      ...parent,
      t: (key, params) => (messages[key] !== undefined ? interpolate(messages[key], params) : parent.t(key, params)),
      td: (key, params, fallback) =>
        messages[key] !== undefined ? interpolate(messages[key], params) : parent.td(key, params, fallback),
    }),
    [parent, messages],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export type { MessageKey };
