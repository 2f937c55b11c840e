import { z } from 'zod';

/** The other end of a dependency, as the asset page shows it. */
const dependencyEnd = z.object({
  /** the dependency record */
  id: z.string(),
  ref: z.string(),
  description: z.string().nullable(),
  version: z.number().int(),
  asset: z.object({
    id: z.string(),
    ref: z.string(),
    name: z.string(),
    type: z.string(),
    status: z.string(),
    value: z.string().nullable(),
    archived: z.boolean(),
  }),
});

/** `GET /assets/{id}/dependencies`: what the asset supports and what it depends on (current dependencies only). */
export const assetDependenciesViewSchema = z.object({
  supports: z.array(dependencyEnd),
  dependsOn: z.array(dependencyEnd),
});
export type AssetDependenciesView = z.infer<typeof assetDependenciesViewSchema>;
export type DependencyEnd = z.infer<typeof dependencyEnd>;
