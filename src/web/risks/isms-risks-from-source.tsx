import { Link } from '@tanstack/react-router';
import { ismsRiskRegister } from '../../schema/risks/isms-risk.register.js';
import { useT } from '../i18n/i18n.js';
import { useCan } from '../lib/session.js';
import { useRegisterList } from '../register/register-api.js';
import { OptionPill } from './isms-risk-badges.js';
import './isms-risks.css';
import { QueryState } from '../ui/query-state.js';

/**
 * On an issue's or a requirement's page: the ISMS risks and opportunities that come from it (6.1.1 determines them
 * from 4.1 and 4.2), so the trace can be walked from the context to the actions, and a way to record another.
 */
export function IsmsRisksFromSource({ org, source, id }: { org: string; source: 'issue' | 'requirement'; id: string }) {
  const { t } = useT();
  const can = useCan(org);
  const list = useRegisterList(org, ismsRiskRegister, { sourceId: id, pageSize: '100', sort: 'ref', order: 'asc' });
  const items = list.data?.items ?? [];
  return (
    <section className="card isms-risks" aria-labelledby="isms-risks-from-source">
      <div className="card__header">
        <h2 id="isms-risks-from-source" className="card__title">
          {t('isms-risks.fromSource.title')}
        </h2>
        {can('isms_risk.create') ? (
          <Link
            to="/o/$org/isms-risks/new"
            params={{ org }}
            search={source === 'issue' ? { sourceIssueId: id } : { sourceRequirementId: id }}
            className="button button--secondary"
          >
            {t('isms-risks.fromSource.add')}
          </Link>
        ) : null}
      </div>
      <QueryState query={list} isEmpty={() => items.length === 0} empty={t('isms-risks.fromSource.none')}>
        {() => (
          <ul className="link-list">
            {items.map((r) => (
              <li key={r.id}>
                <OptionPill field="kind" value={r.kind} />{' '}
                <Link to="/o/$org/isms-risks/$id" params={{ org, id: r.id }}>
                  <span className="ref">{r.ref}</span> {String(r.title)}
                </Link>{' '}
                <OptionPill field="status" value={r.status} />{' '}
                <OptionPill field="effectiveness" value={r.effectiveness} />
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}
