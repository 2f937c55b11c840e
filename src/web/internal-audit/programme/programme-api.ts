import { useQuery } from '@tanstack/react-query';
import { controlRegister } from '../../../schema/controls/control.register.js';
import { coverageMatrixSchema } from '../../../schema/internal-audit/audit-programme.register.js';
import { internalAuditRegister } from '../../../schema/internal-audit/internal-audit.register.js';
import { api, orgPath } from '../../lib/api-client.js';
import { recordPageSchemaOf } from '../../register/register-api.js';
import type { PickableControl } from './plan-model.js';

/** Queries of the audit programme pages beyond the generic versioned-document ones (docs/API.md "Internal audit"). */

const PAGE = 200;
/** A bound on the pages read: 2,000 controls, far above any catalog plus custom controls. */
const MAX_PAGES = 10;

/**
 * Every applicable control of the organization (id, reference, title, theme), in catalog order: what the pickers
 * offer and how the matrix finds a control's theme. The list route pages by 200; an organization has a few hundred.
 */
export function useApplicableControls(org: string) {
  return useQuery({
    queryKey: ['org', org, 'controls', 'list', 'audit-programme-applicable'],
    queryFn: async ({ signal }) => {
      const schema = recordPageSchemaOf(controlRegister);
      const out: PickableControl[] = [];
      for (let page = 1; page <= MAX_PAGES; page++) {
        const answer = await api.get(orgPath(org, '/controls'), schema, {
          query: { applicability: 'applicable', sort: 'sortKey', order: 'asc', page, pageSize: PAGE },
          signal,
        });
        for (const c of answer.items) out.push({ id: c.id, ref: c.ref, title: c.title ?? '', theme: c.theme ?? null });
        if (page * PAGE >= answer.total) break;
      }
      return out;
    },
    staleTime: 30_000,
  });
}

export function useCoverage(org: string) {
  return useQuery({
    queryKey: ['org', org, 'audit-programmes', 'coverage'],
    queryFn: ({ signal }) => api.get(orgPath(org, '/audit-programmes/coverage'), coverageMatrixSchema, { signal }),
  });
}

export interface RealizingAudit {
  id: string;
  ref: string;
  title: string;
  status: string;
}

/**
 * The internal audits that carry out a planned audit of the programme, by planned-audit key (the audits of other
 * programmes are left out). An organization runs a few audits a year: the first 200 by reference are enough.
 */
export function useRealizingAudits(org: string, programmeId: string | undefined) {
  return useQuery({
    queryKey: ['org', org, 'internal-audits', 'list', 'by-planned-key', programmeId],
    enabled: programmeId !== undefined,
    queryFn: async ({ signal }) => {
      const answer = await api.get(orgPath(org, '/internal-audits'), recordPageSchemaOf(internalAuditRegister), {
        query: { pageSize: PAGE, sort: 'ref', order: 'asc' },
        signal,
      });
      const byKey = new Map<string, RealizingAudit[]>();
      for (const a of answer.items) {
        if (a.programmeId !== programmeId || !a.plannedAuditKey) continue;
        const list = byKey.get(a.plannedAuditKey) ?? [];
        list.push({ id: a.id, ref: a.ref, title: a.title ?? '', status: a.status ?? 'planned' });
        byKey.set(a.plannedAuditKey, list);
      }
      return byKey;
    },
  });
}
