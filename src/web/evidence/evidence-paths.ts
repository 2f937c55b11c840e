import type { ContextPath } from '../context/register-pages.js';

/**
 * The generic register pages (web/context/register-pages.tsx) build `/o/$org/<path>` from any collection; their
 * `ContextPath` type names only the context registers, so the evidence path passes through one cast, as the
 * asset and leadership pages do.
 */
export const evidencePagePath = 'evidence' as unknown as ContextPath;
