import type { ContextPath } from '../register/register-pages.js';

/**
 * The generic register pages (web/register/register-pages.tsx) build `/o/$org/<path>` from any collection; their
 * `ContextPath` type names only the context registers, so the evidence path passes through one cast, as the
 * asset and leadership pages do.
 */
export const evidencePagePath = 'evidence' as unknown as ContextPath;
