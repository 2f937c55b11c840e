import { getRouteApi } from '@tanstack/react-router';
import { assetRegister } from '../../schema/risks/asset.register.js';
import { assetDependencyRegister } from '../../schema/risks/asset-dependency.register.js';
import { threatRegister } from '../../schema/risks/threat.register.js';
import { vulnerabilityRegister } from '../../schema/risks/vulnerability.register.js';
import { RegisterDetailPage, RegisterEditPage, RegisterNewPage } from '../register/register-pages.js';
import { useRegisterRecord } from '../register/register-api.js';
import { AssetDependenciesCard } from './asset-dependencies-card.js';
import { assetPagePath } from './asset-paths.js';
import './assets.css';

/** New, detail and edit pages of the asset, dependency, threat and vulnerability registers (the generic pages). */
export const AssetNewPage = () => <RegisterNewPage register={assetRegister} path={assetPagePath('assets')} />;
export const AssetEditPage = () => <RegisterEditPage register={assetRegister} path={assetPagePath('assets')} />;
export const AssetDetailPage = () => (
  <RegisterDetailPage
    register={assetRegister}
    path={assetPagePath('assets')}
    below={(org, id) => <AssetDependencies org={org} id={id} />}
  />
);

function AssetDependencies({ org, id }: { org: string; id: string }) {
  // the record is already in the query cache: the detail page loaded it
  const archived = !!useRegisterRecord(org, assetRegister, id).data?.archivedAt;
  return <AssetDependenciesCard org={org} id={id} archived={archived} />;
}

const dependencyNew = getRouteApi('/o/$org/asset-dependencies/new');
export function DependencyNewPage() {
  const { supportingAssetId, supportedAssetId } = dependencyNew.useSearch();
  const defaults = {
    ...(supportingAssetId ? { supportingAssetId } : {}),
    ...(supportedAssetId ? { supportedAssetId } : {}),
  };
  return (
    <RegisterNewPage
      register={assetDependencyRegister}
      path={assetPagePath('asset-dependencies')}
      defaults={defaults}
    />
  );
}
export const DependencyEditPage = () => (
  <RegisterEditPage register={assetDependencyRegister} path={assetPagePath('asset-dependencies')} />
);
export const DependencyDetailPage = () => (
  <RegisterDetailPage register={assetDependencyRegister} path={assetPagePath('asset-dependencies')} />
);

export const ThreatNewPage = () => <RegisterNewPage register={threatRegister} path={assetPagePath('threats')} />;
export const ThreatEditPage = () => <RegisterEditPage register={threatRegister} path={assetPagePath('threats')} />;
export const ThreatDetailPage = () => <RegisterDetailPage register={threatRegister} path={assetPagePath('threats')} />;

export const VulnerabilityNewPage = () => (
  <RegisterNewPage register={vulnerabilityRegister} path={assetPagePath('vulnerabilities')} />
);
export const VulnerabilityEditPage = () => (
  <RegisterEditPage register={vulnerabilityRegister} path={assetPagePath('vulnerabilities')} />
);
export const VulnerabilityDetailPage = () => (
  <RegisterDetailPage register={vulnerabilityRegister} path={assetPagePath('vulnerabilities')} />
);
