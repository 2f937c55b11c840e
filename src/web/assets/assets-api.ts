import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { assetDependenciesViewSchema } from '../../schema/risks/asset-dependencies.schema.js';
import { catalogStartingSetResultSchema } from '../../schema/risks/threat-catalog.js';
import { api, orgPath } from '../lib/api-client.js';
import { assetDependencyRegister } from '../../schema/risks/asset-dependency.register.js';
import { recordSchemaOf } from '../register/register-api.js';

/** Queries and mutations of the asset and catalog routes beyond the registers (docs/API.md "Assets"). */
export function useAssetDependencies(org: string, assetId: string) {
  return useQuery({
    queryKey: ['org', org, 'asset-dependencies', 'of', assetId],
    queryFn: ({ signal }) =>
      api.get(orgPath(org, `/assets/${encodeURIComponent(assetId)}/dependencies`), assetDependenciesViewSchema, {
        signal,
      }),
  });
}

export function useDependencyMutations(org: string) {
  const queryClient = useQueryClient();
  const invalidate = () => queryClient.invalidateQueries({ queryKey: ['org', org, 'asset-dependencies'] });
  return {
    add: useMutation({
      mutationFn: (body: { supportingAssetId: string; supportedAssetId: string; description?: string }) =>
        api.post(orgPath(org, '/asset-dependencies'), body, recordSchemaOf(assetDependencyRegister)),
      onSuccess: invalidate,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api.delete(orgPath(org, `/asset-dependencies/${encodeURIComponent(id)}`)),
      onSuccess: invalidate,
    }),
  };
}

export function useLoadStartingCatalog(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(orgPath(org, '/threat-catalog/starting-set'), {}, catalogStartingSetResultSchema),
    onSuccess: async () => {
      for (const key of ['threats', 'vulnerabilities'])
        await queryClient.invalidateQueries({ queryKey: ['org', org, key] });
    },
  });
}
