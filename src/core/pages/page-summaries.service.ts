import { can, type Permission } from '../../schema/auth/permissions.js';
import { actionRegister } from '../../schema/actions/action.register.js';
import { documentRegister } from '../../schema/documents/document.register.js';
import { evidenceRegister } from '../../schema/evidence/evidence.register.js';
import { riskRegister } from '../../schema/risks/risk.register.js';
import {
  CONTROL_COUNT_QUERIES,
  type ControlPage,
  type HomePage,
  type RiskPage,
} from '../../schema/pages/page-summaries.schema.js';
import { controlRegister } from '../../schema/controls/control.register.js';
import { actionsModule } from '../actions/actions.module.js';
import type { OrgContext } from '../context.js';
import { controlDrivers, controlSettings } from '../controls/controls.service.js';
import { controlsModule } from '../controls/controls.module.js';
import { getTreatment } from '../controls/treatment-read.service.js';
import { documentsToRead } from '../documents/document-reading.service.js';
import { documentsModule } from '../documents/documents.module.js';
import { evidenceModule } from '../evidence/evidence.module.js';
import { listLinks } from '../links/links.service.js';
import { getRecord, getRecordWithRelated, listRecords, relatedOf } from '../register/register.service.js';
import { oneWithDerived } from '../register/register-derived.js';
import { recordHistory } from '../register/register-history.js';
import { filteredQuery } from '../register/register-query.js';
import { methodologyInForce } from '../risks/methodology.service.js';
import { risksModule } from '../risks/risks.module.js';

/**
 * One request per page (issue 15): each summary calls the services the page's separate routes call, with the
 * queries those routes' list filters give (parsed by the same schemas), so a summary answers exactly what the
 * routes answer. Every service here reads a bounded number of statements whatever the number of linked records.
 * A part needing a permission the caller lacks is null, as its route would refuse it.
 */

const ifCan = <T>(ctx: OrgContext, permission: Permission, read: () => Promise<T>): Promise<T | null> =>
  can(ctx.role, permission) ? read() : Promise.resolve(null);

/** The evidence attached to a record, as the evidence card asks the list for it. */
const attachedEvidence = (ctx: OrgContext, type: string, id: string) =>
  ifCan(ctx, 'evidence.read', () =>
    listRecords(
      ctx,
      evidenceModule,
      evidenceRegister.listQuerySchema.parse({
        attachedType: type,
        attachedId: id,
        pageSize: '200',
        sort: 'createdAt',
        order: 'desc',
      }),
    ),
  );

/** Whether the risk shows in the list's `reassessmentDue=true` filter: one statement. */
async function reassessmentDue(ctx: OrgContext, id: string): Promise<boolean> {
  const due = await filteredQuery(ctx, risksModule, riskRegister.listQuerySchema.parse({ reassessmentDue: 'true' }))
    .where('id', '=', id)
    .select('id')
    .executeTakeFirst();
  return due !== undefined;
}

export async function riskPage(ctx: OrgContext, id: string): Promise<RiskPage> {
  // the record first: a risk of another organization (or none) is a 404 before anything else is read
  // (read as getRecordWithRelated reads it, typed with the values the register derives)
  const record = await oneWithDerived(ctx, ctx.db, risksModule, await getRecord(ctx, risksModule, id));
  const risk = { ...record, related: await relatedOf(ctx, risksModule, [record]) };
  const [methodology, due, treatment, settings, actions, links, evidence, history] = await Promise.all([
    methodologyInForce(ctx),
    reassessmentDue(ctx, id),
    ifCan(ctx, 'risk_treatment.read', () => getTreatment(ctx, id)),
    ifCan(ctx, 'control.read', () => controlSettings(ctx)),
    ifCan(ctx, 'action.read', () =>
      listRecords(
        ctx,
        actionsModule,
        actionRegister.listQuerySchema.parse({
          sourceType: riskRegister.entity,
          sourceId: id,
          pageSize: '100',
          sort: 'dueDate',
          order: 'asc',
        }),
      ),
    ),
    ifCan(ctx, 'links.read', () => listLinks(ctx, riskRegister.entity, id)),
    attachedEvidence(ctx, riskRegister.entity, id),
    recordHistory(ctx, risksModule, id),
  ]);
  return {
    risk,
    methodology: { current: methodology },
    reassessmentDue: due,
    treatment,
    controlSettings: settings,
    actions,
    links,
    evidence,
    history,
  };
}

export async function controlPage(ctx: OrgContext, id: string): Promise<ControlPage> {
  const control = await getRecordWithRelated(ctx, controlsModule, id);
  const [drivers, methodology, links, evidence, history] = await Promise.all([
    controlDrivers(ctx, id),
    ifCan(ctx, 'risk_methodology.read', async () => ({ current: await methodologyInForce(ctx) })),
    ifCan(ctx, 'links.read', () => listLinks(ctx, 'control', id)),
    attachedEvidence(ctx, 'control', id),
    recordHistory(ctx, controlsModule, id),
  ]);
  return { control, drivers, methodology, links, evidence, history };
}

/** Every count of the Controls page (CONTROL_COUNT_QUERIES): one count statement each, as the list counts. */
export async function controlCounts(ctx: OrgContext): Promise<{ counts: Record<string, number> }> {
  const entries = await Promise.all(
    Object.entries(CONTROL_COUNT_QUERIES).map(async ([name, params]) => {
      const row = await filteredQuery(ctx, controlsModule, controlRegister.listQuerySchema.parse(params))
        .select((eb) => eb.fn.countAll().as('total'))
        .executeTakeFirst();
      return [name, Number(row?.total ?? 0)] as const;
    }),
  );
  return { counts: Object.fromEntries(entries) };
}

/** How many actions match a filter of the actions list (its count statement alone). */
async function countActions(ctx: OrgContext, filters: Record<string, string>): Promise<number> {
  const row = await filteredQuery(ctx, actionsModule, actionRegister.listQuerySchema.parse(filters))
    .select((eb) => eb.fn.countAll().as('total'))
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

/** The home page of an organization, but for the caller's invitations (not organization data: the route adds them). */
export async function homePage(ctx: OrgContext): Promise<Omit<HomePage, 'invitations'>> {
  const [actionCounts, toRead, reviewsDue] = await Promise.all([
    ifCan(ctx, 'action.read', async () => {
      const [mine, mineOverdue, overdue] = await Promise.all([
        countActions(ctx, { ownerId: 'me', status: 'open,in_progress' }),
        countActions(ctx, { ownerId: 'me', overdue: 'true' }),
        countActions(ctx, { overdue: 'true' }),
      ]);
      return { mine, mineOverdue, overdue };
    }),
    ifCan(ctx, 'document.read', () => documentsToRead(ctx)),
    ifCan(ctx, 'document.review', () =>
      listRecords(
        ctx,
        documentsModule,
        documentRegister.listQuerySchema.parse({
          ownerId: 'me',
          review: 'due',
          sort: 'nextReviewDate',
          order: 'asc',
          pageSize: '10',
        }),
      ),
    ),
  ]);
  return { actionCounts, toRead, reviewsDue };
}
