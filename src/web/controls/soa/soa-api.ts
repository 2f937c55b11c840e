import { useQuery } from '@tanstack/react-query';
import { soaCompareSchema, soaRegister } from '../../../schema/controls/soa.register.js';
import { api, orgPath } from '../../lib/api-client.js';

/**
 * The SoA's own routes beyond the generic register and version ones. Keys start with the register's collection, so
 * saving or approving a version (which refreshes ['org', org, 'statements-of-applicability']) refreshes these too.
 */
const COLLECTION = soaRegister.collection;

export function useSoaCompare(org: string, id: string, from: number | undefined, to: number | undefined) {
  return useQuery({
    queryKey: ['org', org, COLLECTION, 'record', id, 'soa-compare', from, to],
    queryFn: () =>
      api.get(orgPath(org, `/${COLLECTION}/${encodeURIComponent(id)}/compare`), soaCompareSchema, {
        query: { from, to },
      }),
    enabled: from !== undefined && to !== undefined && from !== to,
  });
}

export function soaExportHref(org: string, id: string, no: number, format: 'xlsx' | 'csv'): string {
  return orgPath(org, `/${COLLECTION}/${encodeURIComponent(id)}/versions/${no}/export.${format}`);
}
