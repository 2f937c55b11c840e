/** The leadership registers' address segments (the generic register pages build `/o/$org/<path>` from them). */
export type LeadershipPath =
  | 'isms-processes'
  | 'process-interactions'
  | 'isms-roles'
  | 'role-assignments'
  | 'isms-activities'
  | 'leadership-commitments';
export const pagePath = (path: LeadershipPath) => path;

/** The tab named in the address when it is one of the page's, else the first one (a typo or an old link). */
export function tabOf<T extends string>(tabs: readonly [T, ...T[]], value: string | undefined): T {
  return tabs.find((tab) => tab === value) ?? tabs[0];
}
