import type { Db } from '../../db/connect.js';
import type { Treatment, TreatmentPatch } from '../../schema/controls/treatment.schema.js';
import { canonicalJson } from '../audit/canonical-json.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrgContext } from '../context.js';
import { ConflictError, ValidationError } from '../errors.js';
import type { RiskAnalysis } from '../risks/risk-evaluation.js';
import { outOfScale } from '../risks/risk-evaluation.js';
import { methodologyInForce } from '../risks/methodology.service.js';
import { BEFORE_TREATMENT, moveRiskStatus } from '../risks/risk-status.service.js';
import { nowIso } from '../util/ids.js';
import { inOrgTransaction } from '../transaction.js';
import { proposeApplicable } from './control-applicability.service.js';
import { getTreatment, loadTreatedRisk } from './treatment-read.service.js';

type Residual = NonNullable<TreatmentPatch['residual']>;
type TreatmentControl = NonNullable<TreatmentPatch['controls']>[number];

/** The five residual levels as the evaluation reads them (null where not rated). */
function residualLevels(residual: Residual | null): RiskAnalysis {
  return {
    likelihood: residual?.likelihood ?? null,
    consequence: residual?.consequence ?? null,
    consequenceC: residual?.consequenceC ?? null,
    consequenceI: residual?.consequenceI ?? null,
    consequenceA: residual?.consequenceA ?? null,
    priorityOverride: null,
  };
}

/** A residual rating must be on the scales of the methodology in force (checked only when the request gives one). */
async function checkResidual(ctx: OrgContext, trx: Db, analysis: RiskAnalysis): Promise<void> {
  if (!Object.values(analysis).some((v) => v !== null)) return;
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

/** The controls named, each a current control of the organization (field errors name the ones given that are not). */
async function loadControls(ctx: OrgContext, trx: Db, controls: readonly TreatmentControl[], given: boolean) {
  const ids = controls.map((c) => c.controlId);
  const found = ids.length
    ? await trx
        .selectFrom('controls')
        .select(['id', 'ref', 'applicability', 'archivedAt'])
        .where('orgId', '=', ctx.org.id)
        .where('id', 'in', ids)
        .execute()
    : [];
  if (given)
    controls.forEach((c, i) => {
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
  return found;
}

/** What the owner approves, compared to tell a real change from a resend of what is stored. */
function content(t: {
  options: Treatment['options'];
  controls: readonly TreatmentControl[];
  residual: Residual | null;
}) {
  const { priorityOverride: _none, ...levels } = residualLevels(t.residual);
  return canonicalJson({
    options: t.options.map((o) => ({ option: o.option, rationale: o.rationale })),
    controls: t.controls.map((c) => ({ controlId: c.controlId, effect: c.effect, note: c.note || null })),
    residual: { ...levels, rationale: t.residual?.rationale || null },
  });
}

/**
 * Changes a risk's treatment in one transaction with its audit event: the parts given replace the stored ones
 * (options with their rationale; controls, current ones of the organization, with what each changes; the expected
 * residual risk on the methodology's scales, `null` clearing it) and the parts left out stay as stored. PUT gives
 * options and controls, PATCH any of the three. A request that changes nothing writes nothing, so the owner's
 * acceptance of the treatment still holds; any real change makes a new version, which outdates it. Undecided
 * controls the request names become applicable in the SoA with this risk as their reason (27001 6.1.3 d); a first
 * treatment moves an identified or assessed risk to "treatment planned", and a changed one takes an accepted risk
 * back there.
 */
export async function changeTreatment(ctx: OrgContext, riskId: string, input: TreatmentPatch): Promise<Treatment> {
  const proposed = await inOrgTransaction(ctx, async (trx) => {
    // locked: two saves of one risk's treatment queue, so the second sees the first's version (PostgreSQL)
    const risk = await loadTreatedRisk(ctx, trx, riskId, true);
    if (risk.archivedAt) throw new ConflictError(`${risk.ref} is archived; restore it before treating it`);
    const before = await getTreatment(ctx, riskId, trx);
    if (input.expectedVersion !== undefined && input.expectedVersion !== before.version) {
      throw new ConflictError(
        `The treatment of ${risk.ref} was changed by someone else since you opened it; reload to see their changes`,
        [{ field: 'body.expectedVersion', message: `Current version is ${before.version}` }],
      );
    }
    const options = input.options ?? before.options;
    const controls = input.controls ?? before.controls;
    const residual = input.residual !== undefined ? input.residual : before.residual;
    const analysis = residualLevels(residual);
    if (input.residual) await checkResidual(ctx, trx, analysis);
    const found = await loadControls(ctx, trx, controls, input.controls !== undefined);
    const nothingGiven = input.options === undefined && input.controls === undefined && input.residual === undefined;
    if ((before.version > 0 || nothingGiven) && content({ options, controls, residual }) === content(before)) return [];

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
    if (input.options) await replaceOptions(ctx, trx, riskId, input.options);
    if (input.controls) await replaceControls(ctx, trx, riskId, input.controls);

    // The SoA follows the treatment: undecided controls the request names become applicable, in the order it names
    // them (the database returns `in (…)` rows in any order)
    const undecided = (input.controls ?? [])
      .map((c) => found.find((f) => f.id === c.controlId)!)
      .filter((f) => f.applicability === 'undecided');
    await proposeApplicable(ctx, trx, undecided, risk.ref);

    // a first treatment plans it; a changed treatment outdates the owner's acceptance, so an accepted risk goes back
    const statusTo =
      (options.length && BEFORE_TREATMENT.includes(risk.status)) || risk.status === 'accepted'
        ? 'treatment_planned'
        : null;
    if (statusTo) await moveRiskStatus(ctx, trx, risk, statusTo);

    const refOf = (id: string) => found.find((f) => f.id === id)?.ref ?? id;
    const beforeRefs = before.controls.map((c) => c.ref);
    const afterRefs = controls.map((c) => refOf(c.controlId));
    const { priorityOverride: _none, ...residualPayload } = analysis;
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
          options: options.map((o) => o.option),
          controlsAdded: afterRefs.filter((r) => !beforeRefs.includes(r)),
          controlsRemoved: beforeRefs.filter((r) => !afterRefs.includes(r)),
          residual: residualPayload,
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

async function replaceOptions(ctx: OrgContext, trx: Db, riskId: string, options: Treatment['options']) {
  await trx.deleteFrom('riskTreatmentOptions').where('orgId', '=', ctx.org.id).where('riskId', '=', riskId).execute();
  if (!options.length) return;
  await trx
    .insertInto('riskTreatmentOptions')
    .values(
      options.map((o, position) => ({ orgId: ctx.org.id, riskId, option: o.option, rationale: o.rationale, position })),
    )
    .execute();
}

async function replaceControls(ctx: OrgContext, trx: Db, riskId: string, controls: readonly TreatmentControl[]) {
  await trx.deleteFrom('riskControls').where('orgId', '=', ctx.org.id).where('riskId', '=', riskId).execute();
  if (!controls.length) return;
  await trx
    .insertInto('riskControls')
    .values(
      controls.map((c, position) => ({
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
