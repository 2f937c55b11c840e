import { createRoute, redirect, type AnyRoute, lazyRouteComponent } from '@tanstack/react-router';
import * as pages from './asset-pages.js';

// Pages load with their route (one chunk each), so the first page does not wait for the whole app.
const AssetsPage = lazyRouteComponent(() => import('./assets-page.js'), 'AssetsPage');
const ThreatCatalogPage = lazyRouteComponent(() => import('./threat-catalog-page.js'), 'ThreatCatalogPage');

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
    createRoute({ getParentRoute, path: 'assets/new', component: pages.AssetNewPage }),
    createRoute({
      getParentRoute,
      path: 'assets/$id',
      validateSearch: createdSearch,
      component: pages.AssetDetailPage,
    }),
    createRoute({ getParentRoute, path: 'assets/$id/edit', component: pages.AssetEditPage }),
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
      component: pages.DependencyNewPage,
    }),
    createRoute({
      getParentRoute,
      path: 'asset-dependencies/$id',
      validateSearch: createdSearch,
      component: pages.DependencyDetailPage,
    }),
    createRoute({ getParentRoute, path: 'asset-dependencies/$id/edit', component: pages.DependencyEditPage }),

    createRoute({ getParentRoute, path: 'threats', validateSearch: listSearch, component: ThreatCatalogPage }),
    createRoute({ getParentRoute, path: 'threats/new', component: pages.ThreatNewPage }),
    createRoute({
      getParentRoute,
      path: 'threats/$id',
      validateSearch: createdSearch,
      component: pages.ThreatDetailPage,
    }),
    createRoute({ getParentRoute, path: 'threats/$id/edit', component: pages.ThreatEditPage }),
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
    createRoute({ getParentRoute, path: 'vulnerabilities/new', component: pages.VulnerabilityNewPage }),
    createRoute({
      getParentRoute,
      path: 'vulnerabilities/$id',
      validateSearch: createdSearch,
      component: pages.VulnerabilityDetailPage,
    }),
    createRoute({ getParentRoute, path: 'vulnerabilities/$id/edit', component: pages.VulnerabilityEditPage }),
  ] as const;
}
