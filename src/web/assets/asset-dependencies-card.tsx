import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import type { DependencyEnd } from '../../schema/risks/asset-dependencies.schema.js';
import { useT } from '../i18n/i18n.js';
import { useCan } from '../lib/session.js';
import { ErrorMessage, LiveMessage } from '../components/status.js';
import { RecordCombobox, type PickedRecord } from '../register/record-combobox.js';
import { LevelBadge } from './cia.js';
import { useAssetDependencies, useDependencyMutations } from './assets-api.js';
import { Button } from '../ui/button.js';
import { QueryState } from '../ui/query-state.js';

/**
 * On an asset's page: the assets it supports and those it depends on, each with a remove button, and a typeahead
 * under each list to add one (a server-side search, so it works over the whole inventory).
 */
export function AssetDependenciesCard({ org, id, archived }: { org: string; id: string; archived: boolean }) {
  const { t } = useT();
  const can = useCan(org);
  const view = useAssetDependencies(org, id);
  const { add, remove } = useDependencyMutations(org);
  const [said, setSaid] = useState('');
  const canAdd = can('asset_dependency.create') && !archived;
  const canRemove = can('asset_dependency.delete');
  const busy = add.isPending || remove.isPending;
  const linked = [
    id,
    ...(view.data?.supports ?? []).map((d) => d.asset.id),
    ...(view.data?.dependsOn ?? []).map((d) => d.asset.id),
  ];

  const addOne = async (body: { supportingAssetId: string; supportedAssetId: string }) => {
    setSaid('');
    try {
      const made = await add.mutateAsync(body);
      setSaid(t('assets.dependencies.added', { ref: made.ref }));
    } catch {
      // shown from add.error
    }
  };
  const removeOne = async (dep: DependencyEnd) => {
    setSaid('');
    try {
      await remove.mutateAsync(dep.id);
      setSaid(t('assets.dependencies.removed'));
    } catch {
      // shown from remove.error
    }
  };

  const list = (items: DependencyEnd[], empty: string) =>
    items.length === 0 ? (
      <p className="muted">{empty}</p>
    ) : (
      <ul className="dependencies__list">
        {items.map((d) => (
          <li key={d.id}>
            <span className="dependencies__what">
              <Link to="/o/$org/assets/$id" params={{ org, id: d.asset.id }}>
                <span className="ref">{d.asset.ref}</span> {d.asset.name}
              </Link>{' '}
              <LevelBadge field="value" level={d.asset.value} />
              {d.asset.archived ? <span className="badge badge--muted">{t('register.archivedBadge')}</span> : null}
              {d.description ? <span className="dependencies__how"> — {d.description}</span> : null}{' '}
              <Link to="/o/$org/asset-dependencies/$id" params={{ org, id: d.id }} className="muted small">
                {d.ref}
              </Link>
            </span>
            {canRemove ? (
              <Button
                disabled={busy}
                aria-label={t('assets.dependencies.removeLabel', { ref: `${d.ref} (${d.asset.ref} ${d.asset.name})` })}
                onClick={() => void removeOne(d)}
              >
                {t('assets.dependencies.remove')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    );

  return (
    <section className="card dependencies" aria-labelledby="asset-dependencies">
      <h2 id="asset-dependencies" className="card__title">
        {t('assets.dependencies.title')}
      </h2>
      <p className="muted small">{archived ? t('assets.dependencies.archivedAsset') : t('assets.dependencies.lead')}</p>
      <LiveMessage>{said || null}</LiveMessage>
      {add.isError ? <ErrorMessage error={add.error} /> : null}
      {remove.isError ? <ErrorMessage error={remove.error} /> : null}
      <QueryState query={view}>
        {(data) => (
          <div className="dependencies__columns">
            <div>
              <h3>{t('assets.dependencies.supports')}</h3>
              {list(data.supports, t('assets.dependencies.noneSupports'))}
              {canAdd ? (
                <RecordCombobox
                  org={org}
                  entity="asset"
                  label={t('assets.dependencies.addSupported')}
                  exclude={linked}
                  disabled={busy}
                  onPick={(r: PickedRecord) => void addOne({ supportingAssetId: id, supportedAssetId: r.id })}
                />
              ) : null}
            </div>
            <div>
              <h3>{t('assets.dependencies.dependsOn')}</h3>
              {list(data.dependsOn, t('assets.dependencies.noneDependsOn'))}
              {canAdd ? (
                <RecordCombobox
                  org={org}
                  entity="asset"
                  label={t('assets.dependencies.addSupporting')}
                  exclude={linked}
                  disabled={busy}
                  onPick={(r: PickedRecord) => void addOne({ supportingAssetId: r.id, supportedAssetId: id })}
                />
              ) : null}
            </div>
          </div>
        )}
      </QueryState>
    </section>
  );
}
