import type { Db } from '../../db/connect.js';
import { forUpdate } from '../../db/dialect.js';
import type { Treatment } from '../../schema/controls/treatment.schema.js';
import { canonicalJson } from '../audit/canonical-json.js';
import type { OrgContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { labelIn } from '../risks/level-labels.js';
import { evaluateRisk, outOfScale, type RiskAnalysis } from '../risks/risk-evaluation.js';
import { methodologyInForce, type MethodologyInForce } from '../risks/methodology.service.js';
import { sha256Hex, todayIso } from '../util/ids.js';
import { acceptanceState, type AcceptanceSubject } from './acceptance-state.js';

/** The risk a treatment belongs to (locked for the rest of the transaction when `lock`); another org's is not found. */
export async function loadTreatedRisk(ctx: OrgContext, db: Db, riskId: string, lock = false) {
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
  const risk = await loadTreatedRisk(ctx, db, riskId);
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
