import type { RouteEntry } from '../../src/server/types.js';

export const routeKey = (r: Pick<RouteEntry, 'method' | 'url'>) => `${r.method} ${r.url}`;
export const isApiDocs = (r: RouteEntry) => r.url.startsWith('/api/docs');
export const isOrgRoute = (r: RouteEntry) => r.url.includes('/:org');
export const pathParams = (url: string) => [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
export const recordParams = (url: string) => pathParams(url).filter((p) => p !== 'org');
export const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function fillUrl(url: string, values: Record<string, string>): string {
  return url.replace(/:(\w+)/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`fillUrl: no value for :${name} in ${url}`);
    return encodeURIComponent(v);
  });
}

/** `tokens/:id`, `members/:userId`, `actions/:id`: the collection segment before the parameter, and the parameter. */
export function paramFamily(url: string, param: string): string {
  const segs = url.split('/');
  const i = segs.indexOf(`:${param}`);
  return `${segs[i - 1]}/:${param}`;
}
