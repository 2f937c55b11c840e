import type { z } from 'zod';
import type { I18n } from '../i18n/i18n.js';

/** Zod issues as translated messages keyed by the top-level field name (first issue per field wins). */
export function zodFieldErrors(i18n: I18n, error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '_form');
    if (out[field] === undefined) out[field] = issueMessage(i18n, issue);
  }
  return out;
}

export function issueMessage({ t }: I18n, issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        const min = Number(issue.minimum);
        return min <= 1 ? t('validation.required') : t('validation.minLength', { min });
      }
      return t('validation.tooSmall', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.maxLength', { max: Number(issue.maximum) });
      return t('validation.tooBig', { max: Number(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email');
      if (issue.format === 'date') return t('validation.date');
      if (issue.format === 'regex') return t('validation.slug');
      return t('validation.format');
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? t('validation.required') : t('validation.format');
    case 'invalid_value':
      return t('validation.choose');
    case 'unrecognized_keys':
      return t('validation.format');
    default:
      return issue.message;
  }
}
