import { z } from 'zod';
import { buildCertificationPack } from '../../core/certification/pack-build.service.js';
import { MAX_RECORDS_PER_ITEM, resolvePack } from '../../core/certification/pack-index.service.js';
import { VERSIONED_MODULES } from '../../core/modules.js';
import { todayIso } from '../../core/util/ids.js';
import { packRenderers } from '../../reports/pack-renderers.js';
import {
  packBodySchema,
  packIndexSchema,
  packQuerySchema,
} from '../../schema/certification/certification-pack.schema.js';
import { fileResponse } from '../../schema/register/register-responses.js';
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

  app.post(
    path,
    {
      config: { permission: 'certification_pack.export' },
      schema: {
        tags,
        summary:
          'The certification pack as a signed ZIP: per item the version in force (PDF, hashed content, approvals), the generated 9.1 and 10.2 files, index.pdf and index.json, a SHA-256 manifest with the audit head; verify with `rampart verify-package`',
        description: `\`date\` (default today, UTC) as for the index, else 400 on \`body.date\`. One version per record, at most ${MAX_RECORDS_PER_ITEM} records per requirement; PDFs are laid out one at a time in the worker pool (busy: 429; a document too large to lay out is left out, its content.json and approvals kept, and its index item says so). Audited as \`certification.pack_built\` with the ZIP's SHA-256.`,
        params: z.object({ org: z.string() }),
        body: packBodySchema,
        response: { 200: fileResponse('application/zip', 'The certification pack (ZIP)') },
      },
    },
    async (request, reply) => {
      const ctx = orgCtx(request);
      const pkg = await buildCertificationPack(
        ctx,
        VERSIONED_MODULES,
        request.body.date ?? todayIso(),
        packRenderers(app.deps.signingKey),
      );
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${pkg.filename}"`)
        .send(pkg.zip);
    },
  );
}
