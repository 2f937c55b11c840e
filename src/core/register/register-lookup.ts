import type { AnyRegisterModule } from './register-module.js';

/**
 * The registers of the product, as the generic machinery (links, record types, audit trail, import) finds them. It
 * receives this through `OrgContext.registers` instead of importing the list, so the machinery never imports the
 * features built on it; the list itself lives in the composition root (core/modules.ts).
 */
export interface RegisterLookup {
  readonly all: readonly AnyRegisterModule[];
  /** by entity: `action`, `interested_party` (also the record type of links and action sources) */
  byEntity(entity: string): AnyRegisterModule | undefined;
  /** by URL segment: `actions`, `interested-parties` */
  byCollection(collection: string): AnyRegisterModule | undefined;
}

export function registerLookup(modules: readonly AnyRegisterModule[]): RegisterLookup {
  const byEntity = new Map(modules.map((m) => [m.def.entity, m]));
  const byCollection = new Map(modules.map((m) => [m.def.collection, m]));
  return {
    all: modules,
    byEntity: (entity) => byEntity.get(entity),
    byCollection: (collection) => byCollection.get(collection),
  };
}
