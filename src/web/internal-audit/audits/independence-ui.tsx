import { useState } from 'react';
import type { z } from 'zod';
import type { independenceExceptionRowSchema } from '../../../schema/internal-audit/internal-audit.register.js';
import { useT, type I18n } from '../../i18n/i18n.js';
import { isApiError } from '../../lib/api-client.js';
import { TextArea } from '../../ui/fields.js';
import { independenceConflicts, objectNoun, type IndependenceConflict } from './independence.js';

/**
 * A form that an independence check may refuse (the team, the processes in scope): once refused, it offers a
 * justification, and the next save carries it as `independenceException`. `exception(text)` is the part of the
 * body to add; `watch(call)` runs the request and notes a refusal.
 */
export function useIndependenceRefusal() {
  const [refused, setRefused] = useState(false);
  return {
    refused,
    exception: (justification: string) =>
      refused && justification.trim() ? { independenceException: { justification } } : {},
    watch: async <T,>(call: () => Promise<T>): Promise<T> => {
      try {
        return await call();
      } catch (e) {
        if (conflictsOf(e).length) setRefused(true);
        throw e;
      }
    },
  };
}

/** The conflicts of a 409 independence refusal, or none when the error is something else. */
export function conflictsOf(error: unknown): IndependenceConflict[] {
  return isApiError(error) && error.status === 409 ? independenceConflicts(error.errors) : [];
}

/** "Ada owns process PRC-2: an auditor may not audit their own work." */
export function conflictText(i18n: I18n, c: IndependenceConflict, names: Map<string, string>): string {
  const who = (c.auditorId && names.get(c.auditorId)) || i18n.t('audits.independence.someone');
  const object = `${i18n.td(`audits.independence.noun.${objectNoun(c.field)}`)} ${c.objectRef}`;
  return c.reason === 'owner'
    ? i18n.t('audits.independence.owns', { who, object })
    : i18n.t('audits.independence.assigned', { who, object, how: c.reason.replace(/^assigned to /, '') });
}

/** The refusal in plain words, keyed by the form field it names (`members`, `processIds`, `targetId`). */
export function conflictErrors(i18n: I18n, error: unknown, names: Map<string, string>): Record<string, string> {
  const conflicts = conflictsOf(error);
  if (!conflicts.length) return isApiError(error) ? error.fieldErrors() : {};
  const out: Record<string, string> = {};
  for (const c of conflicts) out[c.field] = [out[c.field], conflictText(i18n, c, names)].filter(Boolean).join(' ');
  return out;
}

/** After a refusal: the way to go ahead anyway, with a justification recorded on the audit and in its report. */
export function IndependenceException({
  shown,
  justification,
  error,
  onJustification,
}: {
  shown: boolean;
  justification: string;
  error: string | undefined;
  onJustification: (text: string) => void;
}) {
  const i18n = useT();
  if (!shown) return null;
  return (
    <div className="audit-independence">
      <p>{i18n.t('audits.independence.exceptionIntro')}</p>
      <TextArea
        label={i18n.t('audits.independence.justification')}
        help={i18n.t('audits.independence.justificationHelp')}
        value={justification}
        error={error}
        rows={3}
        onChange={(e) => onJustification(e.target.value)}
      />
    </div>
  );
}

type ExceptionRow = z.infer<typeof independenceExceptionRowSchema>;

/** The justified exceptions recorded on the audit (they also show in its report). */
export function ExceptionsList({ exceptions }: { exceptions: ExceptionRow[] }) {
  const { t } = useT();
  if (!exceptions.length) return null;
  return (
    <div className="audit-exceptions">
      <h3>{t('audits.independence.exceptions')}</h3>
      <ul>
        {exceptions.map((x) => (
          <li key={x.id}>
            {t('audits.independence.exceptionRow', {
              who: x.auditorName,
              object: x.objectRef,
              reason: x.reason,
              justification: x.justification,
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
