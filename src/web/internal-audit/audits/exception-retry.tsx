import { useState } from 'react';
import { independenceExceptionSchema } from '../../../schema/internal-audit/internal-audit.register.js';
import { useT } from '../../i18n/i18n.js';
import { useMemberNames } from '../../lib/members.js';
import { Button } from '../../ui/button.js';
import { conflictErrors, conflictsOf, IndependenceException } from './independence-ui.js';

/**
 * An action refused by the independence check (a checklist link to a record an auditor owns, a key control in the
 * generated checklist): the refusal in plain words, and the same action again with a recorded justification.
 */
export function ExceptionRetry({
  org,
  error,
  busy,
  retryLabel,
  onRetry,
}: {
  org: string;
  error: unknown;
  busy: boolean;
  retryLabel: string;
  onRetry: (exception: { justification: string }) => void;
}) {
  const i18n = useT();
  const names = useMemberNames(org);
  const [justification, setJustification] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  if (!conflictsOf(error).length) return null;
  const retry = () => {
    const parsed = independenceExceptionSchema.safeParse({ justification });
    if (!parsed.success) setProblem(i18n.t('audits.independence.justificationHelp'));
    else {
      setProblem(undefined);
      onRetry(parsed.data);
    }
  };
  return (
    <div className="audit-exception-retry">
      <p className="alert alert--error" role="alert">
        {Object.values(conflictErrors(i18n, error, names)).join(' ')}
      </p>
      <IndependenceException shown justification={justification} error={problem} onJustification={setJustification} />
      <Button variant="primary" busy={busy} onClick={retry}>
        {retryLabel}
      </Button>
    </div>
  );
}
