import type { MessageKey } from '../i18n/i18n.js';

/** Modules of the ISMS that are not built yet; each gets an explanatory page until it is. */
export interface PlannedModule {
  slug: string;
  title: MessageKey;
  clause: string;
  description: MessageKey;
}

export const PLANNED_MODULES = [
  { slug: 'context', title: 'module.context.title', clause: '4.1, 4.3, 4.4', description: 'module.context.description' },
  { slug: 'risk-treatment', title: 'module.riskTreatment.title', clause: '6.1.3, 8.3', description: 'module.riskTreatment.description' },
  { slug: 'objectives', title: 'module.objectives.title', clause: '6.2', description: 'module.objectives.description' },
  { slug: 'competence', title: 'module.competence.title', clause: '7.2, 7.3', description: 'module.competence.description' },
  { slug: 'communication', title: 'module.communication.title', clause: '7.4', description: 'module.communication.description' },
  { slug: 'operation', title: 'module.operation.title', clause: '6.3, 8.1', description: 'module.operation.description' },
  { slug: 'incidents', title: 'module.incidents.title', clause: 'A.5.24–A.5.28', description: 'module.incidents.description' },
  { slug: 'measurement', title: 'module.measurement.title', clause: '9.1', description: 'module.measurement.description' },
  { slug: 'internal-audit', title: 'module.internalAudit.title', clause: '9.2', description: 'module.internalAudit.description' },
  { slug: 'management-review', title: 'module.review.title', clause: '9.3', description: 'module.review.description' },
  { slug: 'improvement', title: 'module.improvement.title', clause: '10.1, 10.2', description: 'module.improvement.description' },
] as const satisfies readonly PlannedModule[];

export type PlannedModuleSlug = (typeof PLANNED_MODULES)[number]['slug'];

export function findPlannedModule(slug: string): PlannedModule | undefined {
  return PLANNED_MODULES.find((m) => m.slug === slug);
}
