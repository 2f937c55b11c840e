import { Link } from '@tanstack/react-router';
import { processInteractionRegister } from '../../schema/leadership/process-interaction.register.js';
import { useT } from '../i18n/i18n.js';
import { useRegisterList } from '../register/register-api.js';
import { QueryState } from '../ui/query-state.js';

/** On a process page: what it feeds and what feeds it, each with what flows. */
export function ProcessInteractionsCard({ org, id }: { org: string; id: string }) {
  const { t } = useT();
  const list = useRegisterList(org, processInteractionRegister, { processId: id, pageSize: '200' });
  const items = list.data?.items ?? [];
  const related = list.data?.related ?? {};
  const outgoing = items.filter((i) => i.fromProcessId === id);
  const incoming = items.filter((i) => i.toProcessId === id);
  // both ends are required fields of an interaction: a process id is always there
  const row = (flowId: string, flows: string | null, pid: string | null) => {
    const other = pid ? related[pid] : undefined;
    return (
      <li key={flowId}>
        <Link to="/o/$org/isms-processes/$id" params={{ org, id: pid ?? '' }}>
          {other ? `${other.ref} ${other.title}` : pid}
        </Link>
        {' — '}
        <Link to="/o/$org/process-interactions/$id" params={{ org, id: flowId }}>
          {flows}
        </Link>
      </li>
    );
  };
  return (
    <section className="card" aria-labelledby="process-interactions">
      <h2 id="process-interactions" className="card__title">
        {t('isms-processes.interactions')}
      </h2>
      <QueryState query={list} isEmpty={() => items.length === 0} empty={t('isms-processes.noInteractions')}>
        {() => (
          <>
            <h3 className="small">{t('isms-processes.feeds')}</h3>
            <ul>{outgoing.map((i) => row(i.id, i.flows, i.toProcessId))}</ul>
            <h3 className="small">{t('isms-processes.fedBy')}</h3>
            <ul>{incoming.map((i) => row(i.id, i.flows, i.fromProcessId))}</ul>
          </>
        )}
      </QueryState>
    </section>
  );
}
