import { Link } from '@tanstack/react-router';
import { useT } from '../i18n/i18n.js';
import { ErrorMessage } from '../components/status.js';
import { RecordCombobox } from '../register/record-combobox.js';
import { recordPath } from '../register/record-targets.js';
import { relatedText } from '../register/record-select.js';
import { useRiskAssets } from './risks-api.js';
import { QueryState } from '../ui/query-state.js';

/** The assets a risk bears on (asset-threat-vulnerability identification), added and removed in place. */
export function RiskAssetsCard({ org, riskId, editable }: { org: string; riskId: string; editable: boolean }) {
  const { t } = useT();
  const { query, replace, add, remove } = useRiskAssets(org, riskId);
  const items = query.data?.items ?? [];
  const ids = items.map((a) => a.id);
  return (
    <section className="card" aria-labelledby="risk-assets">
      <h2 id="risk-assets" className="card__title">
        {t('risks.form.assets')}
      </h2>
      <QueryState query={query} isEmpty={() => items.length === 0} empty={t('risks.detail.noAssets')}>
        {() => (
          <ul className="link-list">
            {items.map((a) => {
              const to = recordPath(org, 'asset', a.id);
              return (
                <li key={a.id}>
                  {to ? <Link to={to as '/'}>{relatedText(a)}</Link> : <span>{relatedText(a)}</span>}
                  {editable ? (
                    <button
                      type="button"
                      className="icon-button icon-button--danger link-list__remove"
                      aria-label={t('register.pickedRemove', { ref: a.ref })}
                      onClick={() => remove(a.id)}
                    >
                      ×
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </QueryState>
      {replace.isError ? <ErrorMessage error={replace.error} /> : null}
      {editable ? (
        <div className="risk-assets__add">
          <RecordCombobox
            org={org}
            entity="asset"
            collection="assets"
            label={t('risks.detail.addAsset')}
            exclude={ids}
            onPick={(r) => add(r.id)}
          />
        </div>
      ) : null}
    </section>
  );
}
