import type { ContextPath } from '../register/register-pages.js';

/**
 * The generic list/new/detail/edit pages in web/register/register-pages.tsx build addresses as `/o/$org/<path>`
 * from any collection; their `ContextPath` type only names the context registers, so leadership paths are passed
 * through this one cast (to be widened there into a register path type).
 */
export type LeadershipPath =
  | 'isms-processes'
  | 'process-interactions'
  | 'isms-roles'
  | 'role-assignments'
  | 'isms-activities'
  | 'leadership-commitments';
export const pagePath = (path: LeadershipPath) => path as unknown as ContextPath;
