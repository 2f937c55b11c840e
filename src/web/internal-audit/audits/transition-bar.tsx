import { useState } from 'react';
import type { AuditStatus } from '../../../schema/internal-audit/internal-audit.register.js';
import { useT } from '../../i18n/i18n.js';
import { ErrorMessage, LiveMessage } from '../../components/status.js';
import { Button } from '../../ui/button.js';
import { useTransition } from './audits-api.js';

/** The moves the audit may make from where it stands (planned → in progress → reporting → completed). */
export function TransitionBar({
  org,
  id,
  status,
  version,
  moves,
}: {
  org: string;
  id: string;
  status: AuditStatus;
  version: number;
  moves: readonly AuditStatus[];
}) {
  const { t, td } = useT();
  const transition = useTransition(org, id);
  const [done, setDone] = useState<string | null>(null);
  if (!moves.length) return null;
  return (
    <div className="audit-transitions" role="group" aria-label={t('audits.transition.label')}>
      <LiveMessage>{done}</LiveMessage>
      <p className="muted">{td(`audits.transition.from.${status}`)}</p>
      {moves.map((to) => (
        <Button
          key={to}
          variant={to === 'cancelled' ? 'danger' : 'primary'}
          busy={transition.isPending && transition.variables.to === to}
          disabled={transition.isPending}
          onClick={() =>
            transition.mutate(
              { to, expectedVersion: version },
              { onSuccess: () => setDone(t('audits.transition.done', { status: td(`internal-audits.status.${to}`) })) },
            )
          }
        >
          {td(`audits.transition.to.${to}`)}
        </Button>
      ))}
      {transition.isError ? <ErrorMessage error={transition.error} /> : null}
    </div>
  );
}
