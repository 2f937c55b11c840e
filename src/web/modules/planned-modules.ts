import type { MessageKey } from '../i18n/i18n.js';

/** Modules of the ISMS that are not built yet; each gets an explanatory page until it is. */
export interface PlannedModule {
  slug: string;
  title: MessageKey;
  clause: string;
  description: MessageKey;
}

export const PLANNED_MODULES = [
  {
    slug: 'competence',
    title: 'module.competence.title',
    clause: '7.2, 7.3',
    description: 'module.competence.description',
  },
  {
    slug: 'communication',
    title: 'module.communication.title',
    clause: '7.4',
    description: 'module.communication.description',
  },
  {
    slug: 'operation',
    title: 'module.operation.title',
    clause: '6.3, 8.1',
    description: 'module.operation.description',
  },
  {
    slug: 'incidents',
    title: 'module.incidents.title',
    clause: 'A.5.24–A.5.28',
    description: 'module.incidents.description',
  },
] as const satisfies readonly PlannedModule[];

export type PlannedModuleSlug = (typeof PLANNED_MODULES)[number]['slug'];

/**
 * Modules that were planned and are built now, with the page that holds them: an old link or bookmark to the
 * placeholder (`/o/<org>/m/context`) goes to the real page rather than saying "planned".
 */
export const BUILT_MODULES: Readonly<Record<string, string>> = {
  context: 'scopes',
  parties: 'interested-parties',
  policy: 'policies',
  'risk-treatment': 'risk-treatment-plan',
  documents: 'documents',
  'internal-audit': 'audit-programme',
  objectives: 'objectives',
  measurement: 'measures',
  'management-review': 'management-reviews',
};

export function builtModulePath(slug: string): string | undefined {
  return Object.hasOwn(BUILT_MODULES, slug) ? BUILT_MODULES[slug] : undefined;
}

export function findPlannedModule(slug: string): PlannedModule | undefined {
  return PLANNED_MODULES.find((m) => m.slug === slug);
}
