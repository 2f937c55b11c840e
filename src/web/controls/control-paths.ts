import type { ContextPath } from '../register/register-pages.js';

/**
 * The generic register pages (web/register/register-pages.tsx) build addresses as `/o/$org/<path>` from any
 * collection; their `ContextPath` type names only the context registers, so the controls' path passes through this
 * one cast, as the risk and leadership ones do.
 */
export const controlPath = 'controls' as unknown as ContextPath;
