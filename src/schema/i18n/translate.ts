import en from './messages/en.js';

/**
 * Server-side lookup in the same message catalog the UI uses, so that exported documents (DOCX, PDF, XLSX
 * headers) carry the same words as the screens. English is the reference; other languages arrive as files.
 */
export function translate(key: string, params?: Record<string, string | number>): string {
  const text = (en as Record<string, string>)[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
}
