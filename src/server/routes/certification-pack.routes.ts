import { z } from 'zod';
import { resolvePack } from '../../core/certification/pack-index.service.js';
import { VERSIONED_MODULES } from '../../core/modules.js';
import { todayIso } from '../../core/util/ids.js';
import { packIndexSchema, packQuerySchema } from '../../schema/certification/certification-pack.schema.js';
import { orgCtx } from '../plugins/authorize.js';
import type { App } from '../types.js';

const path = '/api/v1/orgs/:org/certification-pack';
const tags = ['certification'];

/** The certification pack (every mandatory documented information item of 27001:2022): its index, and the ZIP. */
export async function certificationPackRoutes(app: App) {
  app.get(
    path,
    {
      config: { permission: 'certification_pack.read' },
      schema: {
        tags,
        summary: 'The certification pack index as of a date: each mandatory item, its clause, version, approval, hash',
        description:
          'Per item: `included` (a version approved on or before the date is in force), `not_approved`, `missing`, `not_built` or `generated`. `date` (default today, UTC) from 1900 on and not after today, else 400 on `query.date`.',
        params: z.object({ org: z.string() }),
        querystring: packQuerySchema,
        response: { 200: packIndexSchema },
      },
    },
    async (request) => {
      const { index } = await resolvePack(orgCtx(request), VERSIONED_MODULES, request.query.date ?? todayIso());
      return index;
    },
  );
}
