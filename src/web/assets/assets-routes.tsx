import { createRoute, redirect, type AnyRoute, lazyRouteComponent } from '@tanstack/react-router';
import type * as AssetPages from './asset-pages.js';

// Pages load with their route (one chunk each), so the first page does not wait for the whole app.
const AssetsPage = lazyRouteComponent(() => import('./assets-page.js'), 'AssetsPage');
const ThreatCatalogPage = lazyRouteComponent(() => import('./threat-catalog-page.js'), 'ThreatCatalogPage');
/** The register pages of these collections: one chunk, loaded with the first of them. */
const page = (name: keyof typeof AssetPages) => lazyRouteComponent(() => import('./asset-pages.js'), name);

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
/** List pages keep their whole list state (tab, filters, paging) in the query string as plain strings. */
const listSearch = (s: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(s)
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .map(([k, v]) => [k, String(v)]),
  ) as Record<string, string | undefined>;
const createdSearch = (s: Record<string, unknown>): { created?: string } => ({ created: str(s.created) });

/**
 * The pages of 6.1.2 c under `/o/$org`: assets (with their dependencies as a tab), and threats & vulnerabilities
 * (one page, two tabs). Registers shown as a tab of another page redirect their list address there.
 */
export function assetRoutes<P extends AnyRoute>(orgRoute: P) {
  const getParentRoute = () => orgRoute;
  return [
    createRoute({ getParentRoute, path: 'assets', validateSearch: listSearch, component: AssetsPage }),
    createRoute({ getParentRoute, path: 'assets/new', component: page('AssetNewPage') }),
    createRoute({
      getParentRoute,
      path: 'assets/$id',
      validateSearch: createdSearch,
      component: page('AssetDetailPage'),
    }),
    createRoute({ getParentRoute, path: 'assets/$id/edit', component: page('AssetEditPage') }),
    createRoute({
      getParentRoute,
      path: 'asset-dependencies',
      beforeLoad: ({ params }) => {
        throw redirect({
          to: '/o/$org/assets' as never,
          params: params as never,
          search: { tab: 'dependencies' } as never,
        });
      },
    }),
    createRoute({
      getParentRoute,
      path: 'asset-dependencies/new',
      validateSearch: (s: Record<string, unknown>): { supportingAssetId?: string; supportedAssetId?: string } => ({
        supportingAssetId: str(s.supportingAssetId),
        supportedAssetId: str(s.supportedAssetId),
      }),
      component: page('DependencyNewPage'),
    }),
    createRoute({
      getParentRoute,
      path: 'asset-dependencies/$id',
      validateSearch: createdSearch,
      component: page('DependencyDetailPage'),
    }),
    createRoute({ getParentRoute, path: 'asset-dependencies/$id/edit', component: page('DependencyEditPage') }),

    createRoute({ getParentRoute, path: 'threats', validateSearch: listSearch, component: ThreatCatalogPage }),
    createRoute({ getParentRoute, path: 'threats/new', component: page('ThreatNewPage') }),
    createRoute({
      getParentRoute,
      path: 'threats/$id',
      validateSearch: createdSearch,
      component: page('ThreatDetailPage'),
    }),
    createRoute({ getParentRoute, path: 'threats/$id/edit', component: page('ThreatEditPage') }),
    createRoute({
      getParentRoute,
      path: 'vulnerabilities',
      beforeLoad: ({ params }) => {
        throw redirect({
          to: '/o/$org/threats' as never,
          params: params as never,
          search: { tab: 'vulnerabilities' } as never,
        });
      },
    }),
    createRoute({ getParentRoute, path: 'vulnerabilities/new', component: page('VulnerabilityNewPage') }),
    createRoute({
      getParentRoute,
      path: 'vulnerabilities/$id',
      validateSearch: createdSearch,
      component: page('VulnerabilityDetailPage'),
    }),
    createRoute({ getParentRoute, path: 'vulnerabilities/$id/edit', component: page('VulnerabilityEditPage') }),
  ] as const;
}
