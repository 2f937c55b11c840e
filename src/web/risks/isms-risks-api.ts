import { useQuery } from '@tanstack/react-query';
import { actionRegister } from '../../schema/actions/action.register.js';
import { ismsRiskRegister, ISMS_RISK_ENTITY } from '../../schema/risks/isms-risk.register.js';
import { ismsRiskSummarySchema } from '../../schema/risks/isms-risks.schema.js';
import { api, orgPath } from '../lib/api-client.js';
import { recordPageSchemaOf, registerBase } from '../register/register-api.js';
import { paginated } from '../../schema/common/primitives.js';

/** The register at a glance (GET /isms-risks/summary); refreshed with the register's other queries. */
export function useIsmsRiskSummary(org: string) {
  return useQuery({
    queryKey: ['org', org, ismsRiskRegister.collection, 'summary'],
    queryFn: () => api.get(orgPath(org, `/${ismsRiskRegister.collection}/summary`), ismsRiskSummarySchema),
  });
}

/** Titles already in the register (current records), to mark the suggestions already taken up. */
export function useIsmsRiskTitles(org: string) {
  return useQuery({
    queryKey: ['org', org, ismsRiskRegister.collection, 'titles'],
    queryFn: () =>
      api.get(registerBase(org, ismsRiskRegister), paginated(ismsRiskRegister.recordSchema), {
        query: { pageSize: 200 },
      }),
    select: (p) => new Set(p.items.map((r) => String(r.title).trim().toLowerCase())),
  });
}

/** The actions of the shared tracker planned from one record, soonest due first. */
export const actionsFromQuery = (sourceId: string, sourceType: string = ISMS_RISK_ENTITY) => ({
  sourceType,
  sourceId,
  pageSize: 100,
  sort: 'dueDate',
  order: 'asc',
});
export const actionsFromKey = (org: string, sourceId: string, sourceType?: string) => [
  'org',
  org,
  actionRegister.collection,
  'list',
  actionsFromQuery(sourceId, sourceType),
];

export function useActionsFrom(org: string, sourceId: string, sourceType: string = ISMS_RISK_ENTITY) {
  const query = actionsFromQuery(sourceId, sourceType);
  return useQuery({
    queryKey: actionsFromKey(org, sourceId, sourceType),
    queryFn: () => api.get(registerBase(org, actionRegister), recordPageSchemaOf(actionRegister), { query }),
  });
}
