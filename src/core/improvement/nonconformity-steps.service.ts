import type { Updateable } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { NonconformitiesTable } from '../../db/types.js';
import type { NcStatus } from '../../schema/improvement/nonconformity.register.js';
import type {
  NcAnalysisBody,
  NcCorrectionBody,
  NcDecisionBody,
  NcEffectivenessReviewBody,
} from '../../schema/improvement/nonconformity-steps.schema.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { getRecord } from '../register/register.service.js';
import { inOrgTransaction } from '../transaction.js';
import { newId, nowIso, todayIso } from '../util/ids.js';
import { stringArray } from '../util/string-array.js';
import { nonconformitiesModule } from './nonconformities.module.js';

type Step = 'correction' | 'decision' | 'analysis' | 'effectiveness_review' | 'closure';
type NcRow = { id: string; ref: string; version: number; status: string; archivedAt: string | null } & Record<
  string,
  unknown
>;
type Set = Omit<Updateable<NonconformitiesTable>, 'id' | 'orgId' | 'ref' | 'version'>;

/** From which states each step may be taken (10.2 a → b → b 1–3 → c → d). */
const FROM: Record<Step, readonly NcStatus[]> = {
  correction: ['reported'],
  decision: ['corrected'],
  analysis: ['decided', 'analysed'],
  effectiveness_review: ['actions_planned'],
  closure: ['verifying', 'decided'],
};

const future = (d: string | undefined) => d !== undefined && d > todayIso();

/**
 * One step of a nonconformity's handling: in the organization's transaction, the record is read, its version and
 * state checked (stale → 409 on `expectedVersion`, wrong state → 409 on `status`), the step's own checks run, and
 * the change is written over the version read (`WHERE version = ?`) with its audit event.
 */
async function takeStep(
  ctx: OrgContext,
  id: string,
  step: Step,
  expectedVersion: number,
  work: (trx: Db, nc: NcRow) => Promise<{ to: NcStatus; set: Set }>,
) {
  const record = await inOrgTransaction(ctx, async (trx) => {
    const nc = await trx
      .selectFrom('nonconformities')
      .selectAll()
      .where('orgId', '=', ctx.org.id)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!nc) throw new NotFoundError('The nonconformity');
    if (nc.archivedAt) throw new ConflictError(`${nc.ref} is archived and cannot be changed`);
    if (nc.version !== expectedVersion)
      throw new ConflictError(`${nc.ref} was changed by someone else (version ${nc.version}); reload and try again`, [
        { field: 'body.expectedVersion', message: `Stale: current version is ${nc.version}` },
      ]);
    if (!FROM[step].includes(nc.status as NcStatus))
      throw new ConflictError(`${nc.ref} is ${nc.status}: the ${step.replace('_', ' ')} is not the next step`, [
        { field: 'status', message: `The ${step.replace('_', ' ')} follows ${FROM[step].join(' or ')}` },
      ]);
    const { to, set } = await work(trx, nc);
    const result = await trx
      .updateTable('nonconformities')
      .set({ ...set, status: to, version: nc.version + 1, updatedAt: nowIso(), updatedBy: ctx.actor.userId })
      .where('orgId', '=', ctx.org.id)
      .where('id', '=', id)
      .where('version', '=', nc.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw new ConflictError(`${nc.ref} was changed by someone else just now; reload and try again`, [
        { field: 'body.expectedVersion', message: 'Stale: the record changed while this step was being written' },
      ]);
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'nonconformity',
      entityId: id,
      event: {
        type: 'nonconformity.step_recorded',
        payload: { ref: nc.ref, step, statusFrom: nc.status, statusTo: to, values: set },
      },
    });
    return getRecord({ ...ctx, db: trx }, nonconformitiesModule, id);
  });
  return record;
}

/** 10.2 a: the correction made and the consequences dealt with. */
export function recordCorrection(ctx: OrgContext, id: string, body: NcCorrectionBody) {
  if (future(body.correctionDoneOn))
    throw new ValidationError([
      { field: 'body.correctionDoneOn', message: 'A correction cannot be done in the future' },
    ]);
  return takeStep(ctx, id, 'correction', body.expectedVersion, async () => ({
    to: 'corrected',
    set: {
      correctionText: body.correctionText,
      correctionDoneOn: body.correctionDoneOn ?? todayIso(),
      consequencesText: body.consequencesText ?? null,
    },
  }));
}

/** 10.2 b: whether a corrective action is needed; when it is not, the nonconformity may be closed as it stands. */
export function recordDecision(ctx: OrgContext, id: string, body: NcDecisionBody) {
  return takeStep(ctx, id, 'decision', body.expectedVersion, async () => ({
    to: 'decided',
    set: {
      correctiveActionNeeded: body.correctiveActionNeeded ? 1 : 0,
      decisionCriterion: body.decisionCriterion,
      decidedBy: ctx.actor.userId,
      decidedOn: todayIso(),
    },
  }));
}

/** 10.2 b 1–3: what went wrong, the five whys, the root cause, patterns, and the similar ones confirmed. */
export function recordAnalysis(ctx: OrgContext, id: string, body: NcAnalysisBody) {
  return takeStep(ctx, id, 'analysis', body.expectedVersion, async (trx, nc) => {
    if (nc.status === 'decided' && nc.correctiveActionNeeded === 0)
      throw new ConflictError(`${nc.ref} was decided to need no corrective action: close it instead`, [
        { field: 'status', message: 'No corrective action needed: the next step is closure' },
      ]);
    const similar = [...new Set(body.similarConfirmed)];
    if (similar.includes(id))
      throw new ValidationError([
        { field: 'body.similarConfirmed', message: 'A nonconformity is not similar to itself' },
      ]);
    if (similar.length) {
      const found = await trx
        .selectFrom('nonconformities')
        .select('id')
        .where('orgId', '=', ctx.org.id)
        .where('id', 'in', similar)
        .execute();
      const known = new Set(found.map((r) => r.id));
      const missing = body.similarConfirmed.findIndex((s) => !known.has(s));
      if (missing >= 0)
        throw new ValidationError([
          { field: `body.similarConfirmed.${missing}`, message: 'No nonconformity with this id in this organization' },
        ]);
    }
    return {
      to: 'analysed',
      set: {
        whatWentWrong: body.whatWentWrong,
        causeCategory: body.causeCategory,
        whys: JSON.stringify(body.whys),
        rootCause: body.rootCause,
        patterns: body.patterns ?? null,
        similarConfirmed: JSON.stringify(similar),
        analysedBy: ctx.actor.userId,
        analysedOn: todayIso(),
      },
    };
  });
}

/**
 * 10.2 d: the effectiveness of the corrective actions, once all of them are done, reviewed by a member who owns
 * none of them (independence of the review). The review is kept whatever it finds; "not effective" reopens the
 * nonconformity (back to `analysed`, to analyse again and plan other actions).
 */
export function recordEffectivenessReview(ctx: OrgContext, id: string, body: NcEffectivenessReviewBody) {
  const reviewedBy = body.reviewedBy ?? ctx.actor.userId;
  if (!reviewedBy) throw new ValidationError([{ field: 'body.reviewedBy', message: 'Name the member who reviewed' }]);
  if (future(body.reviewedOn))
    throw new ValidationError([{ field: 'body.reviewedOn', message: 'A review cannot be dated in the future' }]);
  return takeStep(ctx, id, 'effectiveness_review', body.expectedVersion, async (trx) => {
    const member = await trx
      .selectFrom('memberships')
      .select('userId')
      .where('orgId', '=', ctx.org.id)
      .where('userId', '=', reviewedBy)
      .executeTakeFirst();
    if (!member)
      throw new ValidationError([{ field: 'body.reviewedBy', message: 'Not a member of this organization' }]);
    const actions = await trx
      .selectFrom('actions')
      .select(['ref', 'ownerId', 'status'])
      .where('orgId', '=', ctx.org.id)
      .where('sourceType', '=', 'nonconformity')
      .where('sourceId', '=', id)
      .where('archivedAt', 'is', null)
      .execute();
    const owned = actions.filter((a) => a.ownerId === reviewedBy).map((a) => a.ref);
    if (owned.length)
      throw new ConflictError(
        `The reviewer owns ${owned.join(', ')}: someone who owns none of the actions reviews them`,
        [{ field: 'body.reviewedBy', message: `Owner of corrective action ${owned.join(', ')}` }],
      );
    const open = actions.filter((a) => a.status === 'open' || a.status === 'in_progress').map((a) => a.ref);
    if (open.length)
      throw new ConflictError(`${open.join(', ')} still open: review the effectiveness once the actions are done`, [
        { field: 'actions', message: `Still open: ${open.join(', ')}` },
      ]);
    const evidence = [...new Set(body.evidenceIds)];
    if (evidence.length) {
      const found = await trx
        .selectFrom('evidence')
        .select('id')
        .where('orgId', '=', ctx.org.id)
        .where('id', 'in', evidence)
        .execute();
      const known = new Set(found.map((r) => r.id));
      const missing = body.evidenceIds.findIndex((e) => !known.has(e));
      if (missing >= 0)
        throw new ValidationError([
          { field: `body.evidenceIds.${missing}`, message: 'No evidence with this id in this organization' },
        ]);
    }
    await trx
      .insertInto('nonconformityReviews')
      .values({
        id: newId(),
        orgId: ctx.org.id,
        nonconformityId: id,
        reviewedBy,
        reviewedOn: body.reviewedOn ?? todayIso(),
        effective: body.effective ? 1 : 0,
        note: body.note ?? null,
        evidenceIds: JSON.stringify(evidence),
        createdAt: nowIso(),
      })
      .execute();
    return { to: body.effective ? 'verifying' : 'analysed', set: {} };
  });
}

/** Closure by the ISMS manager: after an effective review, or straight after deciding no corrective action is needed. */
export function closeNonconformity(ctx: OrgContext, id: string, expectedVersion: number) {
  return takeStep(ctx, id, 'closure', expectedVersion, async (_trx, nc) => {
    if (nc.status === 'decided' && nc.correctiveActionNeeded !== 0)
      throw new ConflictError(`${nc.ref} needs corrective action: analyse its causes and act before closing it`, [
        { field: 'status', message: 'Corrective action needed: the next step is the analysis' },
      ]);
    return { to: 'closed', set: { closedBy: ctx.actor.userId, closedOn: todayIso() } };
  });
}

/** The five whys and the confirmed similar nonconformities of an analysis (JSON columns, read as lists). */
export async function analysisLists(ctx: OrgContext, id: string) {
  await getRecord(ctx, nonconformitiesModule, id);
  const row = await ctx.db
    .selectFrom('nonconformities')
    .select(['whys', 'similarConfirmed'])
    .where('orgId', '=', ctx.org.id)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const ids = stringArray(row.similarConfirmed);
  const similar = ids.length
    ? await ctx.db
        .selectFrom('nonconformities')
        .select(['id', 'ref', 'title', 'status'])
        .where('orgId', '=', ctx.org.id)
        .where('id', 'in', ids)
        .orderBy('ref')
        .execute()
    : [];
  return { whys: stringArray(row.whys), similarConfirmed: similar };
}

/** The effectiveness reviews of a nonconformity, oldest first. */
export async function listReviews(ctx: OrgContext, id: string) {
  await getRecord(ctx, nonconformitiesModule, id);
  const rows = await ctx.db
    .selectFrom('nonconformityReviews')
    .select(['id', 'reviewedBy', 'reviewedOn', 'effective', 'note', 'evidenceIds', 'createdAt'])
    .where('orgId', '=', ctx.org.id)
    .where('nonconformityId', '=', id)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  return {
    items: rows.map((r) => ({
      ...r,
      effective: r.effective === 1,
      evidenceIds: stringArray(r.evidenceIds),
    })),
  };
}
