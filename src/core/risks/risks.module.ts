import type { Database } from '../../db/types.js';
import type { ExpressionBuilder } from 'kysely';
import { sql } from 'kysely';
import { riskRegister } from '../../schema/risks/risk.register.js';
import type { OrgContext } from '../context.js';
import { ConflictError, ValidationError } from '../errors.js';
import type { ChangesOf, Values } from '../register/register-module.js';
import type { DerivingModule } from '../register/register-derived.js';
import type { RecordOf } from '../../schema/register/define-register.js';
import { levelLabeller } from './level-labels.js';

type RiskFields = typeof riskRegister.fields;
import type { Db } from '../../db/connect.js';
import { acceptanceState } from '../controls/acceptance-state.js';
import { nowIso, todayIso } from '../util/ids.js';
import { evaluateRisk, isAnalysed, NOT_EVALUATED, outOfScale, type RiskAnalysis } from './risk-evaluation.js';
import { methodologyInForce } from './methodology.service.js';

const ANALYSIS_FIELDS = [
  'likelihood',
  'consequence',
  'consequenceC',
  'consequenceI',
  'consequenceA',
  'priorityOverride',
] as const;

function analysisOf(values: Values): RiskAnalysis {
  const n = (k: string) => (typeof values[k] === 'number' ? values[k] : null);
  return {
    likelihood: n('likelihood'),
    consequence: n('consequence'),
    consequenceC: n('consequenceC'),
    consequenceI: n('consequenceI'),
    consequenceA: n('consequenceA'),
    priorityOverride: n('priorityOverride'),
  };
}

/**
 * The owner's acceptance (6.1.3 f) is bound to the owner who gave it: a change of owner is stamped on the risk
 * (`ownerChangedAt`, read by acceptance-state.ts) and takes an accepted risk back to "treatment planned". Only the
 * owner's acceptance (POST …/acceptance) makes a risk "accepted": setting it by hand needs one that holds.
 */
async function acceptanceEffects(
  ctx: OrgContext,
  trx: Db,
  changes: ChangesOf<RiskFields>,
  existing: RecordOf<RiskFields> | undefined,
): Promise<ChangesOf<RiskFields>> {
  const ownerChanged = !!existing && 'ownerId' in changes && (changes.ownerId ?? null) !== (existing.ownerId ?? null);
  if (ownerChanged) {
    // not a register field (nobody writes it but this hook): stamped in the same transaction as the change
    await trx
      .updateTable('risks')
      .set({ ownerChangedAt: nowIso() })
      .where('orgId', '=', ctx.org.id)
      .where('id', '=', existing.id as string)
      .execute();
  }
  if (changes.status === 'accepted' && existing?.status !== 'accepted') {
    const t = existing
      ? await trx
          .selectFrom('riskTreatments')
          .select('version')
          .where('orgId', '=', ctx.org.id)
          .where('riskId', '=', existing.id as string)
          .executeTakeFirst()
      : undefined;
    const a = t
      ? await trx
          .selectFrom('riskAcceptances')
          .select(['treatmentVersion', 'acceptedBy', 'acceptedAt', 'expiresOn'])
          .where('orgId', '=', ctx.org.id)
          .where('riskId', '=', existing!.id as string)
          .orderBy('acceptedAt', 'desc')
          .limit(1)
          .executeTakeFirst()
      : undefined;
    const owner = ('ownerId' in changes ? changes.ownerId : existing?.ownerId) ?? null;
    // not a register field, so not on the record the hook receives: read from the row
    const stamped = existing
      ? await trx
          .selectFrom('risks')
          .select('ownerChangedAt')
          .where('orgId', '=', ctx.org.id)
          .where('id', '=', existing.id)
          .executeTakeFirst()
      : undefined;
    const holds =
      !!t &&
      !!a &&
      !ownerChanged &&
      acceptanceState(
        a,
        {
          treatmentVersion: t.version,
          ownerId: owner,
          ownerChangedAt: stamped?.ownerChangedAt ?? null,
        },
        todayIso(),
      ) === 'valid';
    if (!holds)
      throw new ValidationError([
        {
          field: 'body.status',
          message:
            "A risk is accepted by its owner's acceptance of the residual risk and treatment (Accept on the risk's treatment), not set by hand",
        },
      ]);
  }
  if (ownerChanged && existing.status === 'accepted' && !('status' in changes)) return { status: 'treatment_planned' };
  return {};
}

/**
 * The risk register: every write re-evaluates the risk with the approved methodology, so the stored level, score,
 * acceptability and priority always follow the analysis. A risk is evaluated only with an owner (27003 6.1.2 c:
 * risk owners are identified) and an approved methodology.
 */
export const risksModule: DerivingModule<RiskFields, NonNullable<typeof riskRegister.derived>> = {
  def: riskRegister,
  /** a level's name is the one of the methodology version the risk was evaluated with (versions read together) */
  async derive(ctx, db, records) {
    const label = await levelLabeller(
      ctx,
      db,
      records.map((r) => r.methodologyVersion),
    );
    return records.map((r) => ({ levelLabel: label(r.methodologyVersion, r.level) }));
  },
  // created by its own route (risks.routes.ts), which takes the risk's assets with it (risk-create.service.ts)
  omitRoutes: ['create'],
  async beforeWrite(ctx, trx, changes, existing) {
    const acceptance = await acceptanceEffects(ctx, trx, changes, existing);
    const merged = { ...existing, ...changes, ...acceptance };
    const analysis = analysisOf(merged);
    const touched = !existing || ANALYSIS_FIELDS.some((f) => f in changes) || 'ownerId' in changes;
    if (!touched) return acceptance;
    if (!isAnalysed(analysis)) {
      const partial =
        analysis.likelihood !== null
          ? 'consequence'
          : ANALYSIS_FIELDS.slice(1, 5).some((f) => analysis[f] !== null)
            ? 'likelihood'
            : null;
      if (partial)
        throw new ValidationError([
          { field: `body.${partial}`, message: `Give the ${partial} too: a risk is analysed on both scales` },
        ]);
      return { ...NOT_EVALUATED, acceptable: null, evaluatedAt: null, ...acceptance };
    }
    if (!merged.ownerId)
      throw new ValidationError([
        { field: 'body.ownerId', message: 'A risk needs its owner before it can be analysed and evaluated' },
      ]);
    const inForce = await methodologyInForce(ctx, trx);
    if (!inForce)
      throw new ConflictError('No risk methodology is approved yet: approve the methodology before evaluating risks', [
        { field: 'body.likelihood', message: 'No approved methodology' },
      ]);
    const bad = outOfScale(inForce.methodology, analysis);
    if (bad)
      throw new ValidationError([
        { field: `body.${bad.field}`, message: `Must be a level of the scale: 1 to ${bad.max}` },
      ]);
    const evaluation = evaluateRisk(inForce.methodology, inForce.versionNo, analysis);
    const status = merged.status === 'identified' || !merged.status ? 'assessed' : merged.status;
    // the evaluation is in storage form (acceptable as 1/0); the hook returns record values
    const acceptable = evaluation.acceptable === null ? null : evaluation.acceptable === 1;
    return {
      ...evaluation,
      acceptable,
      evaluatedAt: nowIso(),
      ...acceptance,
      ...(status !== merged.status ? { status } : {}),
    };
  },
  applyFilters(ctx: OrgContext, qb, query) {
    let q = qb;
    if (Array.isArray(query.level) && query.level.length) q = q.where('level', 'in', query.level as string[]);
    if (typeof query.likelihood === 'number') q = q.where('likelihood', '=', query.likelihood);
    if (typeof query.consequenceLevel === 'number') q = q.where('consequenceLevel', '=', query.consequenceLevel);
    if (query.evaluated === true) q = q.where('level', 'is not', null);
    if (query.evaluated === false) q = q.where('level', 'is', null);
    if (query.open === true) q = q.where('status', '!=', 'closed');
    if (query.open === false) q = q.where('status', '=', 'closed');
    if (typeof query.assetId === 'string') {
      const assetId = query.assetId;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('riskAssets as ra')
            .select('ra.riskId')
            .whereRef('ra.riskId', '=', 'risks.id')
            .where('ra.orgId', '=', ctx.org.id)
            .where('ra.assetId', '=', assetId),
        ),
      );
    }
    if (query.reassessmentDue !== undefined) {
      // Due: an open trigger names the risk, and the risk was not evaluated since the trigger occurred.
      const due = (eb: ExpressionBuilder<Database, 'risks'>) =>
        eb.exists(
          eb
            .selectFrom('reassessmentTriggerRisks as trr')
            .innerJoin('reassessmentTriggers as tr', 'tr.id', 'trr.triggerId')
            .select('trr.riskId')
            .whereRef('trr.riskId', '=', 'risks.id')
            .where('trr.orgId', '=', ctx.org.id)
            .where('tr.status', '=', 'open')
            .where('tr.archivedAt', 'is', null)
            .where((w) =>
              w.or([
                w('risks.evaluatedAt', 'is', null),
                w(sql`substr(risks.evaluated_at, 1, 10)`, '<', w.ref('tr.occurredOn')),
              ]),
            ),
        );
      q = query.reassessmentDue === true ? q.where(due) : q.where((eb) => eb.not(due(eb)));
    }
    return q;
  },
};
