import { Link } from '@tanstack/react-router';
import { ISMS_RISK_SUGGESTIONS, type IsmsRiskSuggestion } from '../../schema/risks/isms-risk-suggestions.js';
import { ISMS_RISK_KINDS } from '../../schema/risks/isms-risk.register.js';
import { useT } from '../i18n/i18n.js';
import { useIsmsRiskTitles } from './isms-risks-api.js';

interface Props {
  org: string;
  canCreate: boolean;
  /** shown open (an empty register) or folded under a summary line */
  open: boolean;
}

/**
 * The starting suggestions (27003 6.1.1): each opens the new-record form prefilled with it, so the organization
 * adapts it and names its own source before anything is saved. Those already recorded (same title) say so.
 */
export function IsmsRiskSuggestions({ org, canCreate, open }: Props) {
  const { t } = useT();
  const body = <SuggestionLists org={org} canCreate={canCreate} />;
  if (open) {
    return (
      <section className="card isms-suggestions" aria-labelledby="isms-suggestions-title">
        <h2 id="isms-suggestions-title" className="card__title">
          {t('isms-risks.suggestions.title')}
        </h2>
        {body}
      </section>
    );
  }
  return (
    <details className="card isms-suggestions">
      <summary>
        <h2 className="isms-suggestions__summary">
          {t('isms-risks.suggestions.show', { count: ISMS_RISK_SUGGESTIONS.length })}
        </h2>
      </summary>
      {body}
    </details>
  );
}

function SuggestionLists({ org, canCreate }: { org: string; canCreate: boolean }) {
  const { t } = useT();
  const titles = useIsmsRiskTitles(org).data;
  return (
    <>
      <p className="muted">{t('isms-risks.suggestions.intro')}</p>
      <div className="isms-suggestions__columns">
        {ISMS_RISK_KINDS.map((kind) => (
          <div key={kind}>
            <h3>{kind === 'risk' ? t('isms-risks.suggestions.risks') : t('isms-risks.suggestions.opportunities')}</h3>
            <ul className="isms-suggestions__list">
              {ISMS_RISK_SUGGESTIONS.filter((s) => s.kind === kind).map((s) => (
                <Suggestion
                  key={s.key}
                  org={org}
                  suggestion={s}
                  canCreate={canCreate}
                  taken={!!titles?.has(s.title.toLowerCase())}
                />
              ))}
            </ul>
          </div>
        ))}
      </div>
    </>
  );
}

function Suggestion({
  org,
  suggestion: s,
  canCreate,
  taken,
}: {
  org: string;
  suggestion: IsmsRiskSuggestion;
  canCreate: boolean;
  taken: boolean;
}) {
  const { t, td } = useT();
  return (
    <li className={`isms-suggestion isms-suggestion--${s.kind}`}>
      <div>
        <p className="isms-suggestion__title">{s.title}</p>
        <p className="isms-suggestion__meta small muted">{td(`isms-risks.category.${s.category}`)}</p>
        <p className="small">{s.description}</p>
      </div>
      {taken ? (
        <span className="badge badge--muted">✓ {t('isms-risks.suggestions.added')}</span>
      ) : canCreate ? (
        <Link
          to="/o/$org/isms-risks/new"
          params={{ org }}
          search={{ suggestion: s.key }}
          className="button button--secondary button--small"
          aria-label={t('isms-risks.suggestions.useLabel', { title: s.title })}
        >
          {t('isms-risks.suggestions.use')}
        </Link>
      ) : null}
    </li>
  );
}
