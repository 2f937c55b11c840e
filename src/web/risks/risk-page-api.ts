import { useQuery, useQueryClient } from '@tanstack/react-query';
import { riskPageSchema } from '../../schema/pages/page-summaries.schema.js';
import { riskRegister } from '../../schema/risks/risk.register.js';
import { settingsKey, treatmentKey } from '../controls/controls-api.js';
import { attachedEvidenceKey } from '../evidence/evidence-api.js';
import { api, orgPath } from '../lib/api-client.js';
import { seedQuery } from '../lib/page-summary.js';
import { historyKey } from '../register/record-history.js';
import { linksKey, recordKey } from '../register/register-api.js';
import { actionsFromKey } from './isms-risks-api.js';
import { currentMethodologyKey } from './methodology/methodology-api.js';
import { inForceKey } from './risks-api.js';

/**
 * The risk page's first view in one request (GET …/risks/{id}/page): each part is put under the key its card
 * reads, so the cards render without asking again. Under the risk's own key, so whatever changes the risk
 * (every register mutation invalidates ['org', org, 'risks']) reads the page again.
 */
export function useRiskPage(org: string, id: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [...recordKey(org, riskRegister, id), 'page'],
    queryFn: async ({ signal }) => {
      const page = await api.get(orgPath(org, `/risks/${encodeURIComponent(id)}/page`), riskPageSchema, { signal });
      // a part that is null the caller may not read: nothing is put there
      const seed = (key: unknown[], data: unknown) => seedQuery(queryClient, key, data);
      seed(recordKey(org, riskRegister, id), page.risk);
      seed(inForceKey(org), page.methodology);
      seed(currentMethodologyKey(org), page.methodology.current);
      seed(treatmentKey(org, id), page.treatment ?? undefined);
      seed(settingsKey(org), page.controlSettings ?? undefined);
      seed(actionsFromKey(org, id, riskRegister.entity), page.actions ?? undefined);
      seed(linksKey(org, riskRegister.entity, id), page.links ?? undefined);
      seed(attachedEvidenceKey(org, riskRegister.entity, id), page.evidence ?? undefined);
      seed(historyKey(org, riskRegister, id), page.history);
      return page;
    },
  });
}
