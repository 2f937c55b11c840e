import { z } from 'zod';
import { catalogIdSchema } from './catalogs/index.js';

/** `GET /control-catalogs`: the Annex A catalogs Rampart ships (facts only) and the 2013 → 2022 correspondence. */
export const controlCatalogsSchema = z.object({
  catalogs: z.array(
    z.object({
      id: catalogIdSchema,
      name: z.string(),
      edition: z.string(),
      /** 2022: the themes; 2013: the clauses, then the control objectives (`parent` = their clause) */
      groups: z.array(z.object({ id: z.string(), title: z.string(), parent: z.string().optional() })).readonly(),
      /** in published order; `sortKey` sorts the same way */
      controls: z
        .array(z.object({ code: z.string(), title: z.string(), group: z.string(), sortKey: z.string() }))
        .readonly(),
    }),
  ),
  /** each 2013 control code → the 2022 codes it corresponds to */
  mapping2013To2022: z.record(z.string(), z.array(z.string()).readonly()),
  newIn2022: z.array(z.string()).readonly(),
});
export type ControlCatalogs = z.infer<typeof controlCatalogsSchema>;
