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

/** The tab named in the address when it is one of the page's, else the first one (a typo or an old link). */
export function tabOf<T extends string>(tabs: readonly [T, ...T[]], value: string | undefined): T {
  return tabs.find((tab) => tab === value) ?? tabs[0];
}
