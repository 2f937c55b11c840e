import { useQuery, useQueryClient } from '@tanstack/react-query';
import { controlRegister } from '../../schema/controls/control.register.js';
import { controlPageSchema } from '../../schema/pages/page-summaries.schema.js';
import { attachedEvidenceKey } from '../evidence/evidence-api.js';
import { api, orgPath } from '../lib/api-client.js';
import { seedQuery } from '../lib/page-summary.js';
import { historyKey } from '../register/record-history.js';
import { linksKey, recordKey } from '../register/register-api.js';
import { inForceKey } from '../risks/risks-api.js';
import { driversKey } from './controls-api.js';

/**
 * The control page's first view in one request (GET …/controls/{id}/page), each part put under the key its card
 * reads (see lib/page-summary.ts). Under the control's own key: a change to the control reads the page again.
 */
export function useControlPage(org: string, id: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [...recordKey(org, controlRegister, id), 'page'],
    queryFn: async ({ signal }) => {
      const page = await api.get(orgPath(org, `/controls/${encodeURIComponent(id)}/page`), controlPageSchema, {
        signal,
      });
      // a part that is null the caller may not read: nothing is put there
      const seed = (key: unknown[], data: unknown) => seedQuery(queryClient, key, data);
      seed(recordKey(org, controlRegister, id), page.control);
      seed(driversKey(org, id), page.drivers);
      seed(inForceKey(org), page.methodology ?? undefined);
      seed(linksKey(org, controlRegister.entity, id), page.links ?? undefined);
      seed(attachedEvidenceKey(org, controlRegister.entity, id), page.evidence ?? undefined);
      seed(historyKey(org, controlRegister, id), page.history);
      return page;
    },
  });
}
