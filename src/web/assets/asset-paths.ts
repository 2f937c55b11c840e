import type { ContextPath } from '../register/register-pages.js';

/**
 * The generic list/new/detail/edit pages (web/register/register-pages.tsx) build `/o/$org/<path>` from any
 * collection; their `ContextPath` type names only the context registers, so these paths pass through one cast, as
 * the leadership pages do.
 */
export type AssetPath = 'assets' | 'asset-dependencies' | 'threats' | 'vulnerabilities';
export const assetPagePath = (path: AssetPath) => path as unknown as ContextPath;
