import type { Db } from '../../db/connect.js';
import { forUpdate } from '../../db/dialect.js';
import type { AcceptanceInput, Treatment, TreatmentInput } from '../../schema/controls/treatment.schema.js';
import { canonicalJson } from '../audit/canonical-json.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import type { Methodology } from '../../schema/risks/methodology.schema.js';
import { carryLevel, evaluateRisk, outOfScale, type RiskAnalysis } from '../risks/risk-evaluation.js';
import { labelIn } from '../risks/level-labels.js';
import { methodologyInForce, methodologyOfVersion, type MethodologyInForce } from '../risks/methodology.service.js';
import { newId, nowIso, sha256Hex, todayIso } from '../util/ids.js';
import { inOrgTransaction } from '../transaction.js';
import { acceptanceState, type AcceptanceSubject } from './acceptance-state.js';

/** Risk statuses a first treatment moves on to `treatment_planned`. */
const BEFORE_TREATMENT = ['identified', 'assessed'];
/** Risk statuses the owner's acceptance moves on to `accepted` (a closed risk stays closed). */
const ACCEPTABLE_FROM = ['identified', 'assessed', 'treatment_planned'];

async function loadRisk(ctx: OrgContext, db: Db, riskId: string, lock = false) {
  const query = db
    .selectFrom('risks')
    .select(['id', 'ref', 'status', 'version', 'archivedAt', 'ownerId', 'ownerChangedAt'])
    .where('orgId', '=', ctx.org.id)
    .where('id', '=', riskId);
  const risk = await (lock ? forUpdate(db, query) : query).executeTakeFirst();
  if (!risk) throw new NotFoundError('The risk');
  return risk;
}

type ResidualRow = {
  residualLikelihood: number | null;
  residualConsequence: number | null;
  residualConsequenceC: number | null;
  residualConsequenceI: number | null;
  residualConsequenceA: number | null;
};

function residualAnalysis(r: ResidualRow): RiskAnalysis {
  return {
    likelihood: r.residualLikelihood,
    consequence: r.residualConsequence,
    consequenceC: r.residualConsequenceC,
    consequenceI: r.residualConsequenceI,
    consequenceA: r.residualConsequenceA,
    priorityOverride: null,
  };
}

/** The expected residual risk evaluated with the methodology in force (null until it can be). */
export function evaluateResidual(inForce: MethodologyInForce | null, row: ResidualRow | undefined) {
  if (!inForce || !row) return null;
  // levels rated on an earlier methodology's longer scale are not carried over (yet): no evaluation until re-rated
  if (outOfScale(inForce.methodology, residualAnalysis(row))) return null;
  const e = evaluateRisk(inForce.methodology, inForce.versionNo, residualAnalysis(row));
  if (e.level === null) return null;
  return {
    consequenceLevel: e.consequenceLevel,
    score: e.score,
    level: e.level,
    levelLabel: labelIn(inForce.methodology, e.level),
    levelRank: e.levelRank,
    acceptable: e.acceptable === null ? null : e.acceptable === 1,
    methodologyVersion: e.methodologyVersion,
  };
}

/** A risk's treatment: options, controls determined for it, expected residual risk and its evaluation. */
export async function getTreatment(ctx: OrgContext, riskId: string, db: Db = ctx.db): Promise<Treatment> {
  const risk = await loadRisk(ctx, db, riskId);
  const row = await db
    .selectFrom('riskTreatments')
    .selectAll()
    .where('orgId', '=', ctx.org.id)
    .where('riskId', '=', riskId)
    .executeTakeFirst();
  const options = await db
    .selectFrom('riskTreatmentOptions')
    .select(['option', 'rationale'])
    .where('orgId', '=', ctx.org.id)
    .where('riskId', '=', riskId)
    .orderBy('position')
    .execute();
  const controls = await db
    .selectFrom('riskControls')
    .innerJoin('controls', 'controls.id', 'riskControls.controlId')
    .select([
      'riskControls.controlId',
      'controls.ref',
      'controls.title',
      'controls.source',
      'controls.applicability',
      'controls.implementationStatus',
      'riskControls.effect',
      'riskControls.note',
    ])
    .where('riskControls.orgId', '=', ctx.org.id)
    .where('controls.orgId', '=', ctx.org.id)
    .where('riskControls.riskId', '=', riskId)
    .orderBy('riskControls.position')
    .execute();
  return {
    riskId,
    riskRef: risk.ref,
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt ?? null,
    updatedBy: row?.updatedBy ?? null,
    options: options as Treatment['options'],
    controls: controls as Treatment['controls'],
    residual: {
      likelihood: row?.residualLikelihood ?? null,
      consequence: row?.residualConsequence ?? null,
      consequenceC: row?.residualConsequenceC ?? null,
      consequenceI: row?.residualConsequenceI ?? null,
      consequenceA: row?.residualConsequenceA ?? null,
      rationale: row?.residualRationale ?? null,
    },
    residualEvaluation: evaluateResidual(await methodologyInForce(ctx, db), row),
    acceptance: await latestAcceptance(ctx, db, riskId, {
      treatmentVersion: row?.version ?? 0,
      ownerId: risk.ownerId,
      ownerChangedAt: risk.ownerChangedAt,
    }),
  };
}

/** The owner's latest acceptance of a risk, and whether it still holds for the treatment and owner as they are now. */
export async function latestAcceptance(
  ctx: OrgContext,
  db: Db,
  riskId: string,
  subject: AcceptanceSubject,
): Promise<Treatment['acceptance']> {
  const a = await db
    .selectFrom('riskAcceptances')
    .selectAll()
    .where('orgId', '=', ctx.org.id)
    .where('riskId', '=', riskId)
    .orderBy('acceptedAt', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!a) return null;
  const state = acceptanceState(a, subject, todayIso());
  return {
    kind: a.kind as 'within_criteria' | 'concession',
    justification: a.justification,
    expiresOn: a.expiresOn,
    acceptedBy: a.acceptedBy,
    acceptedByName: a.acceptedByName,
    acceptedAt: a.acceptedAt,
    treatmentVersion: a.treatmentVersion,
    residualLevel: a.residualLevel,
    state,
  };
}

/** What the owner signs: the treatment's content, without who saved it when. */
export function treatmentHash(t: Treatment): string {
  return sha256Hex(
    canonicalJson({
      riskId: t.riskId,
      version: t.version,
      options: t.options,
      controls: t.controls.map((c) => ({ controlId: c.controlId, effect: c.effect, note: c.note })),
      residual: t.residual,
    }),
  );
}

/**
 * The risk owner accepts the expected residual risk and approves the treatment (27001 6.1.3 f), bound to the
 * treatment version they read. Only the owner may; the residual risk must be rated. Within the acceptance
 * criteria the acceptance is plain; beyond them it is a concession and needs a justification. An expiry date
 * brings it up for review. Appended with its audit event; a newer treatment makes it outdated.
 */
export async function acceptRisk(ctx: OrgContext, riskId: string, input: AcceptanceInput): Promise<Treatment> {
  await inOrgTransaction(ctx, async (trx) => {
    const risk = await forUpdate(
      trx,
      trx
        .selectFrom('risks')
        .select(['id', 'ref', 'ownerId', 'archivedAt', 'status', 'version'])
        .where('orgId', '=', ctx.org.id)
        .where('id', '=', riskId),
    ).executeTakeFirst();
    if (!risk) throw new NotFoundError('The risk');
    if (risk.archivedAt) throw new ConflictError(`${risk.ref} is archived`);
    if (!risk.ownerId || risk.ownerId !== ctx.actor.userId) {
      throw new ForbiddenError(
        risk.ownerId
          ? `Only the owner of ${risk.ref} accepts its residual risk`
          : `${risk.ref} has no risk owner yet; name one first`,
      );
    }
    const t = await getTreatment(ctx, riskId, trx);
    if (t.version === 0) throw new ConflictError(`${risk.ref} has no treatment to approve yet`);
    if (input.treatmentVersion !== t.version) {
      throw new ConflictError(
        `The treatment of ${risk.ref} changed since you read it (now version ${t.version}); read it again before accepting`,
        [{ field: 'body.treatmentVersion', message: `Current version is ${t.version}` }],
      );
    }
    const e = t.residualEvaluation;
    if (!e)
      throw new ValidationError([
        { field: 'body.kind', message: 'Rate the expected residual risk before accepting it' },
      ]);
    if (e.acceptable && input.kind === 'concession')
      throw new ValidationError([
        { field: 'body.kind', message: 'The residual risk is within the acceptance criteria; no concession is needed' },
      ]);
    if (!e.acceptable && input.kind !== 'concession')
      throw new ValidationError([
        {
          field: 'body.kind',
          message: 'The residual risk is beyond the acceptance criteria; accepting it is a concession',
        },
      ]);
    if (input.kind === 'concession' && !input.justification)
      throw new ValidationError([
        { field: 'body.justification', message: 'Say why the risk is accepted beyond the criteria' },
      ]);
    if (input.expiresOn && input.expiresOn <= todayIso())
      throw new ValidationError([{ field: 'body.expiresOn', message: 'The review date must be in the future' }]);
    const user = await trx
      .selectFrom('users')
      .select('name')
      .where('id', '=', ctx.actor.userId!)
      .executeTakeFirstOrThrow();
    const hash = treatmentHash(t);
    const now = nowIso();
    await trx
      .insertInto('riskAcceptances')
      .values({
        id: newId(),
        orgId: ctx.org.id,
        riskId,
        treatmentVersion: t.version,
        treatmentHash: hash,
        residualLevel: e.level,
        residualAcceptable: e.acceptable ? 1 : 0,
        kind: input.kind,
        justification: input.justification || null,
        expiresOn: input.expiresOn ?? null,
        acceptedBy: ctx.actor.userId!,
        acceptedByName: user.name,
        acceptedAt: now,
      })
      .execute();
    // the risk is now accepted (its status says so, for lists and filters); a closed risk stays closed
    const statusTo = ACCEPTABLE_FROM.includes(risk.status) ? 'accepted' : null;
    if (statusTo)
      await trx
        .updateTable('risks')
        .set({ status: statusTo, version: risk.version + 1, updatedAt: now, updatedBy: ctx.actor.userId })
        .where('orgId', '=', ctx.org.id)
        .where('id', '=', riskId)
        .execute();
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'risk',
      entityId: riskId,
      event: {
        type: 'risk.accepted',
        payload: {
          ref: risk.ref,
          treatmentVersion: t.version,
          treatmentHash: hash,
          kind: input.kind,
          residualLevel: e.level,
          expiresOn: input.expiresOn ?? null,
          statusFrom: statusTo ? risk.status : null,
          statusTo,
        },
      },
    });
  });
  return getTreatment(ctx, riskId);
}

/**
 * Replaces a risk's treatment as a whole, in one transaction with its audit event: options with their rationale,
 * controls (current controls of the organization) with what each changes, and the expected residual risk on the
 * methodology's scales. A control still undecided in the SoA that a treatment now determines becomes applicable,
 * with this risk as its reason (27001 6.1.3 d: the SoA follows from the treatment). A first treatment moves an
 * identified or assessed risk to "treatment planned".
 */
export async function setTreatment(ctx: OrgContext, riskId: string, input: TreatmentInput): Promise<Treatment> {
  const proposed = await inOrgTransaction(ctx, async (trx) => {
    // locked: two saves of one risk's treatment queue, so the second sees the first's version (PostgreSQL)
    const risk = await loadRisk(ctx, trx, riskId, true);
    if (risk.archivedAt) throw new ConflictError(`${risk.ref} is archived; restore it before treating it`);
    const before = await getTreatment(ctx, riskId, trx);
    if (input.expectedVersion !== undefined && input.expectedVersion !== before.version) {
      throw new ConflictError(
        `The treatment of ${risk.ref} was changed by someone else since you opened it; reload to see their changes`,
        [{ field: 'body.expectedVersion', message: `Current version is ${before.version}` }],
      );
    }

    const residual = input.residual ?? null;
    const analysis: RiskAnalysis = {
      likelihood: residual?.likelihood ?? null,
      consequence: residual?.consequence ?? null,
      consequenceC: residual?.consequenceC ?? null,
      consequenceI: residual?.consequenceI ?? null,
      consequenceA: residual?.consequenceA ?? null,
      priorityOverride: null,
    };
    if (Object.values(analysis).some((v) => v !== null)) {
      const inForce = await methodologyInForce(ctx, trx);
      if (!inForce)
        throw new ValidationError([
          {
            field: 'body.residual',
            message: 'Residual risk is rated on the approved methodology’s scales; approve a methodology first',
          },
        ]);
      const out = outOfScale(inForce.methodology, analysis);
      if (out)
        throw new ValidationError([
          { field: `body.residual.${out.field}`, message: `The methodology’s scale has ${out.max} levels` },
        ]);
    }

    const ids = input.controls.map((c) => c.controlId);
    const found = ids.length
      ? await trx
          .selectFrom('controls')
          .select(['id', 'ref', 'applicability', 'archivedAt'])
          .where('orgId', '=', ctx.org.id)
          .where('id', 'in', ids)
          .execute()
      : [];
    input.controls.forEach((c, i) => {
      const control = found.find((f) => f.id === c.controlId);
      if (!control)
        throw new ValidationError([
          { field: `body.controls.${i}.controlId`, message: 'No such control in this organization' },
        ]);
      if (control.archivedAt)
        throw new ValidationError([
          { field: `body.controls.${i}.controlId`, message: `${control.ref} is archived; choose a current control` },
        ]);
    });

    const now = nowIso();
    const version = before.version + 1;
    const values = {
      residualLikelihood: analysis.likelihood,
      residualConsequence: analysis.consequence,
      residualConsequenceC: analysis.consequenceC,
      residualConsequenceI: analysis.consequenceI,
      residualConsequenceA: analysis.consequenceA,
      residualRationale: residual?.rationale || null,
      version,
      updatedAt: now,
      updatedBy: ctx.actor.userId,
    };
    if (before.version === 0)
      await trx
        .insertInto('riskTreatments')
        .values({ riskId, orgId: ctx.org.id, ...values })
        .execute();
    else
      await trx
        .updateTable('riskTreatments')
        .set(values)
        .where('orgId', '=', ctx.org.id)
        .where('riskId', '=', riskId)
        .execute();

    await trx.deleteFrom('riskTreatmentOptions').where('orgId', '=', ctx.org.id).where('riskId', '=', riskId).execute();
    if (input.options.length) {
      await trx
        .insertInto('riskTreatmentOptions')
        .values(
          input.options.map((o, position) => ({
            orgId: ctx.org.id,
            riskId,
            option: o.option,
            rationale: o.rationale,
            position,
          })),
        )
        .execute();
    }
    await trx.deleteFrom('riskControls').where('orgId', '=', ctx.org.id).where('riskId', '=', riskId).execute();
    if (input.controls.length) {
      await trx
        .insertInto('riskControls')
        .values(
          input.controls.map((c, position) => ({
            orgId: ctx.org.id,
            riskId,
            controlId: c.controlId,
            effect: c.effect,
            note: c.note || null,
            position,
          })),
        )
        .execute();
    }

    // The SoA follows the treatment: undecided controls now determined for a risk become applicable.
    // in the order the treatment names them (the database returns `in (…)` rows in any order)
    const undecided = ids.map((id) => found.find((f) => f.id === id)!).filter((f) => f.applicability === 'undecided');
    for (const control of undecided) {
      await trx
        .updateTable('controls')
        .set((eb) => ({
          applicability: 'applicable',
          version: eb('version', '+', 1),
          updatedAt: now,
          updatedBy: ctx.actor.userId,
        }))
        .where('orgId', '=', ctx.org.id)
        .where('id', '=', control.id)
        .execute();
      await recordAudit(trx, {
        orgId: ctx.org.id,
        actor: ctx.actor,
        ip: ctx.ip,
        entityType: 'control',
        entityId: control.id,
        event: { type: 'control.proposed_applicable', payload: { ref: control.ref, riskRef: risk.ref } },
      });
    }

    let statusTo: string | null = null;
    // a first treatment plans it; a changed treatment outdates the owner's acceptance, so an accepted risk goes back
    if ((input.options.length && BEFORE_TREATMENT.includes(risk.status)) || risk.status === 'accepted') {
      statusTo = 'treatment_planned';
      await trx
        .updateTable('risks')
        .set({ status: statusTo, version: risk.version + 1, updatedAt: now, updatedBy: ctx.actor.userId })
        .where('orgId', '=', ctx.org.id)
        .where('id', '=', riskId)
        .execute();
    }

    const refOf = (id: string) => found.find((f) => f.id === id)?.ref ?? id;
    const beforeRefs = before.controls.map((c) => c.ref);
    const afterRefs = ids.map(refOf);
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'risk',
      entityId: riskId,
      event: {
        type: 'risk.treatment_set',
        payload: {
          ref: risk.ref,
          version,
          options: input.options.map((o) => o.option),
          controlsAdded: afterRefs.filter((r) => !beforeRefs.includes(r)),
          controlsRemoved: beforeRefs.filter((r) => !afterRefs.includes(r)),
          residual: {
            likelihood: analysis.likelihood,
            consequence: analysis.consequence,
            consequenceC: analysis.consequenceC,
            consequenceI: analysis.consequenceI,
            consequenceA: analysis.consequenceA,
          },
          statusFrom: statusTo ? risk.status : null,
          statusTo,
        },
      },
    });
    return undecided;
  });
  return {
    ...(await getTreatment(ctx, riskId)),
    proposedApplicableControlIds: proposed.map((p) => p.id),
    proposedApplicable: proposed.map((p) => p.ref),
  };
}

/**
 * When a newly approved methodology changes the size of a scale, the expected residual ratings move with it by
 * relative position (as the risks' own analysis does), in the approval's transaction: otherwise a residual rated
 * 5 on a 5-level scale could not be read on a 3-level one. One audit event says how many treatments moved.
 */
export async function carryResidualLevels(
  ctx: OrgContext,
  trx: Db,
  recordId: string,
  toVersion: number,
  next: Methodology,
): Promise<number> {
  // the version in force until now: the latest approved (now superseded) one before this
  const previous = await trx
    .selectFrom('recordVersions')
    .select('versionNo')
    .where('orgId', '=', ctx.org.id)
    .where('entityType', '=', 'risk_methodology')
    .where('recordId', '=', recordId)
    .where('versionNo', '<', toVersion)
    .where('state', 'in', ['approved', 'superseded'])
    .orderBy('versionNo', 'desc')
    .executeTakeFirst();
  if (!previous) return 0;
  const fromVersion = previous.versionNo;
  const before = await methodologyOfVersion(ctx, trx, recordId, fromVersion);
  if (!before) return 0;
  const l = [before.methodology.likelihood.levels.length, next.likelihood.levels.length] as const;
  const c = [before.methodology.consequence.levels.length, next.consequence.levels.length] as const;
  if (l[0] === l[1] && c[0] === c[1]) return 0;
  const rows = await trx
    .selectFrom('riskTreatments')
    .selectAll()
    .where('orgId', '=', ctx.org.id)
    .where((eb) =>
      eb.or([
        eb('residualLikelihood', 'is not', null),
        eb('residualConsequence', 'is not', null),
        eb('residualConsequenceC', 'is not', null),
        eb('residualConsequenceI', 'is not', null),
        eb('residualConsequenceA', 'is not', null),
      ]),
    )
    .execute();
  for (const r of rows) {
    await trx
      .updateTable('riskTreatments')
      .set({
        residualLikelihood: carryLevel(r.residualLikelihood, l[0], l[1]),
        residualConsequence: carryLevel(r.residualConsequence, c[0], c[1]),
        residualConsequenceC: carryLevel(r.residualConsequenceC, c[0], c[1]),
        residualConsequenceI: carryLevel(r.residualConsequenceI, c[0], c[1]),
        residualConsequenceA: carryLevel(r.residualConsequenceA, c[0], c[1]),
      })
      .where('orgId', '=', ctx.org.id)
      .where('riskId', '=', r.riskId)
      .execute();
  }
  if (rows.length) {
    await recordAudit(trx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      ip: ctx.ip,
      entityType: 'risk_methodology',
      entityId: recordId,
      event: { type: 'risk.residuals_carried', payload: { fromVersion, toVersion, treatments: rows.length } },
    });
  }
  return rows.length;
}
