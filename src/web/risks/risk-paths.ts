import type { ContextPath } from '../register/register-pages.js';

/**
 * The generic register pages (web/register/register-pages.tsx) build addresses as `/o/$org/<path>` from any
 * collection, but their `ContextPath` type names only the context registers: the risk registers' paths pass
 * through this one cast, as the leadership ones do (leadership/register-paths.ts).
 */
export const riskPath = 'risks' as unknown as ContextPath;
export const assessmentPath = 'risk-assessments' as unknown as ContextPath;
export const triggerPath = 'reassessment-triggers' as unknown as ContextPath;
