import { z } from 'zod';
import { chooseEdition, controlDrivers, controlSettings } from '../../core/controls/controls.service.js';
import { treatmentChecks } from '../../core/controls/checks.service.js';
import { migrateTo2022 } from '../../core/controls/edition-migration.service.js';
import { compareSoa } from '../../core/controls/soa-compare.service.js';
import { controlCatalogsSchema } from '../../schema/controls/controls.responses.js';
import { treatmentChecksSchema } from '../../schema/controls/checks.schema.js';
import { planRows } from '../../core/controls/treatment-plan.service.js';
import { planPageSchema, planQuerySchema } from '../../schema/controls/treatment-plan.schema.js';
import { acceptRisk, getTreatment, setTreatment } from '../../core/controls/treatment.service.js';
import { soaCompareQuerySchema, soaCompareSchema } from '../../schema/controls/soa.register.js';
import { CONTROL_CATALOGS, NEW_IN_2022, mapping2013To2022 } from '../../schema/controls/catalogs/index.js';
import {
  acceptanceInputSchema,
  chooseEditionSchema,
  controlDriversSchema,
  editionMigrationSchema,
  migrateEditionSchema,
  controlSettingsSchema,
  treatmentInputSchema,
  treatmentSchema,
} from '../../schema/controls/treatment.schema.js';
import { orgCtx } from '../plugins/authorize.js';
import type { App } from '../types.js';

const orgParams = z.object({ org: z.string() });
const idParams = z.object({ org: z.string(), id: z.uuid() });

/**
 * Controls beyond the generic register routes: the Annex A catalogs (facts: identifiers, titles, grouping, the
 * 2013 → 2022 correspondence), the organization's edition, what needs a control, and the treatment of a risk.
 */
export async function controlRoutes(app: App) {
  const o = '/api/v1/orgs/:org';
  app.get(
    `${o}/control-catalogs`,
    {
      config: { permission: 'control.read' },
      schema: {
        tags: ['controls'],
        summary: 'The Annex A catalogs Rampart ships (2022 and 2013) and the 2013 → 2022 correspondence',
        params: orgParams,
        response: { 200: controlCatalogsSchema },
      },
    },
    async () => ({
      catalogs: Object.values(CONTROL_CATALOGS),
      mapping2013To2022: Object.fromEntries(
        CONTROL_CATALOGS['iso27001-2013'].controls.map((c) => [c.code, mapping2013To2022(c.code)]),
      ),
      newIn2022: NEW_IN_2022,
    }),
  );
  app.get(
    `${o}/control-settings`,
    {
      config: { permission: 'control.read' },
      schema: {
        tags: ['controls'],
        summary: 'The Annex A edition the organization works with, and how many controls it has',
        params: orgParams,
        response: { 200: controlSettingsSchema },
      },
    },
    async (request) => controlSettings(orgCtx(request)),
  );
  app.post(
    `${o}/control-settings/edition`,
    {
      config: { permission: 'control.choose_edition' },
      schema: {
        tags: ['controls'],
        summary: 'Choose the Annex A edition (once): makes one control per catalog control, all undecided in the SoA',
        params: orgParams,
        body: chooseEditionSchema,
        response: { 200: controlSettingsSchema },
      },
    },
    async (request) => chooseEdition(orgCtx(request), request.body.edition),
  );
  app.post(
    `${o}/control-settings/migrate-to-2022`,
    {
      config: { permission: 'control.choose_edition' },
      schema: {
        tags: ['controls'],
        summary:
          'Move the SoA from the 2013 edition to 2022: with apply=false shows what would be carried over and what needs a decision; with apply=true does it in one transaction',
        params: orgParams,
        body: migrateEditionSchema,
        response: { 200: editionMigrationSchema },
      },
    },
    async (request) => migrateTo2022(orgCtx(request), request.body.apply),
  );
  app.post(
    `${o}/risks/:id/acceptance`,
    {
      config: { permission: 'risk_treatment.accept' },
      schema: {
        tags: ['risks'],
        summary:
          'The risk owner accepts the expected residual risk and approves the treatment version read (within the criteria, or a justified concession)',
        params: idParams,
        body: acceptanceInputSchema,
        response: { 200: treatmentSchema },
      },
    },
    async (request) => acceptRisk(orgCtx(request), request.params.id, request.body),
  );
  // The live plan sits under the plural collection of the plan's approved versions (docs/API.md, Naming); the
  // singular path came first and keeps answering, marked deprecated in the OpenAPI document.
  for (const [path, deprecated] of [
    ['risk-treatment-plans/live', false],
    ['risk-treatment-plan', true],
  ] as const) {
    const old = deprecated ? { deprecated: true, description: 'Deprecated: use /risk-treatment-plans/live.' } : {};
    app.get(
      `${o}/${path}`,
      {
        config: { permission: 'risk_treatment.read' },
        schema: {
          tags: ['risks'],
          summary:
            'The risk treatment plan as it stands: every treated risk with options, controls, actions, residual risk, owner acceptance and whether it needs revisiting',
          params: orgParams,
          querystring: planQuerySchema,
          response: { 200: planPageSchema },
          ...old,
        },
      },
      async (request) => {
        const { page, pageSize, attention } = request.query;
        return {
          ...(await planRows(orgCtx(request), orgCtx(request).db, { page, pageSize, attention })),
          page,
          pageSize,
        };
      },
    );
  }
  app.get(
    `${o}/treatment-checks`,
    {
      config: { permission: 'control.read' },
      schema: {
        tags: ['controls'],
        summary: 'Consistency checks of risk treatment and the SoA, each with the records to fix',
        params: orgParams,
        response: { 200: treatmentChecksSchema },
      },
    },
    async (request) => treatmentChecks(orgCtx(request)),
  );
  app.get(
    `${o}/controls/:id/drivers`,
    {
      config: { permission: 'control.read' },
      schema: {
        tags: ['controls'],
        summary: 'Every risk and requirement that needs this control',
        params: idParams,
        response: { 200: controlDriversSchema },
      },
    },
    async (request) => controlDrivers(orgCtx(request), request.params.id),
  );
  app.get(
    `${o}/risks/:id/treatment`,
    {
      config: { permission: 'risk_treatment.read' },
      schema: {
        tags: ['risks'],
        summary: 'The treatment of a risk: options, controls, expected residual risk and its evaluation',
        params: idParams,
        response: { 200: treatmentSchema },
      },
    },
    async (request) => getTreatment(orgCtx(request), request.params.id),
  );
  app.put(
    `${o}/risks/:id/treatment`,
    {
      config: { permission: 'risk_treatment.update' },
      schema: {
        tags: ['risks'],
        summary:
          'Replace the treatment of a risk (one audited transaction); undecided controls it names become applicable in the SoA',
        params: idParams,
        body: treatmentInputSchema,
        response: { 200: treatmentSchema },
      },
    },
    async (request) => setTreatment(orgCtx(request), request.params.id, request.body),
  );
  app.get(
    `${o}/statements-of-applicability/:id/compare`,
    {
      config: { permission: 'soa.read' },
      schema: {
        tags: ['statements-of-applicability'],
        summary:
          'Two SoA versions line by line: controls added or removed, applicability, justification and implementation status changed',
        params: idParams,
        querystring: soaCompareQuerySchema,
        response: { 200: soaCompareSchema },
      },
    },
    async (request) => compareSoa(orgCtx(request), request.params.id, request.query.from, request.query.to),
  );
}
