import { sql } from 'kysely';
import { TREATMENT_CHECKS, type TreatmentCheck, type TreatmentChecks } from '../../schema/controls/checks.schema.js';
import { CLOSED_ACTION_STATUSES } from '../../schema/actions/action.register.js';
import type { OrgContext } from '../context.js';
import { withoutReason } from './controls.module.js';
import { methodologyInForce } from '../risks/methodology.service.js';
import { acceptanceState } from './acceptance-state.js';
import { evaluateResidual } from './treatment.service.js';
import { todayIso } from '../util/ids.js';

/** How many failing records each check lists; the count is always complete. */
const SHOWN = 50;

type Item = TreatmentChecks['checks'][number]['items'][number];

/**
 * The consistency checks of risk treatment and the SoA, each a bounded number of queries whatever the size of the
 * registers: controls included without a reason, exclusions without an explanation, excluded controls that a risk
 * treatment relies on, risks beyond acceptance with no treatment, expected residual risk still beyond acceptance,
 * overdue actions.
 */
export async function treatmentChecks(ctx: OrgContext): Promise<TreatmentChecks> {
  const db = ctx.db;
  const org = ctx.org.id;
  const out = new Map<TreatmentCheck, { count: number; items: Item[] }>();
  const put = (key: TreatmentCheck, items: Item[]) =>
    out.set(key, { count: items.length, items: items.slice(0, SHOWN) });
  const control = (r: { id: string; ref: string; title: string }, detail: string | null = null): Item => ({
    type: 'control',
    id: r.id,
    ref: r.ref,
    title: r.title,
    detail,
  });

  // the list filter the Controls page offers under "No reason left"
  const base = db.selectFrom('controls').where('controls.orgId', '=', org).where('controls.archivedAt', 'is', null);
  const unjustified = await withoutReason(ctx, base.select(['controls.id', 'controls.ref', 'controls.title']))
    .orderBy('controls.sortKey')
    .execute();
  put(
    'control_without_reason',
    unjustified.map((r) => control(r)),
  );

  const unexplained = await base
    .select(['controls.id', 'controls.ref', 'controls.title'])
    .where('controls.applicability', '=', 'excluded')
    .where((eb) =>
      eb.or([eb('controls.exclusionExplanation', 'is', null), eb(sql`trim(controls.exclusion_explanation)`, '=', '')]),
    )
    .orderBy('controls.sortKey')
    .execute();
  put(
    'exclusion_without_explanation',
    unexplained.map((r) => control(r)),
  );

  const excludedTreating = await db
    .selectFrom('riskControls')
    .innerJoin('controls', 'controls.id', 'riskControls.controlId')
    .innerJoin('risks', 'risks.id', 'riskControls.riskId')
    .select(['controls.id', 'controls.ref', 'controls.title', 'risks.ref as riskRef', 'controls.sortKey'])
    .where('riskControls.orgId', '=', org)
    .where('controls.orgId', '=', org)
    .where('risks.archivedAt', 'is', null)
    .where('controls.applicability', '=', 'excluded')
    .orderBy('controls.sortKey')
    .orderBy('risks.ref')
    .execute();
  const byControl = new Map<string, { id: string; ref: string; title: string; risks: string[] }>();
  for (const r of excludedTreating) {
    const entry = byControl.get(r.id) ?? { id: r.id, ref: r.ref, title: r.title, risks: [] };
    entry.risks.push(r.riskRef);
    byControl.set(r.id, entry);
  }
  put(
    'excluded_but_treating',
    [...byControl.values()].map((c) => control(c, `Treats ${c.risks.join(', ')}`)),
  );

  const untreated = await db
    .selectFrom('risks')
    .select(['id', 'ref', 'title', 'level'])
    .where('orgId', '=', org)
    .where('archivedAt', 'is', null)
    .where('status', '!=', 'closed')
    .where('acceptable', '=', 0)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('riskTreatmentOptions')
            .select(sql.lit(1).as('x'))
            .whereRef('riskTreatmentOptions.riskId', '=', 'risks.id')
            .where('riskTreatmentOptions.orgId', '=', org),
        ),
      ),
    )
    .orderBy('priority')
    .orderBy('ref')
    .execute();
  put(
    'risk_without_treatment',
    untreated.map((r) => ({ type: 'risk', id: r.id, ref: r.ref, title: r.title, detail: r.level })),
  );

  const inForce = await methodologyInForce(ctx);
  const treated = await db
    .selectFrom('riskTreatments')
    .innerJoin('risks', 'risks.id', 'riskTreatments.riskId')
    .select([
      'risks.id',
      'risks.ref',
      'risks.title',
      'risks.ownerId',
      'risks.ownerChangedAt',
      'riskTreatments.version',
      'riskTreatments.residualLikelihood',
      'riskTreatments.residualConsequence',
      'riskTreatments.residualConsequenceC',
      'riskTreatments.residualConsequenceI',
      'riskTreatments.residualConsequenceA',
    ])
    .where('riskTreatments.orgId', '=', org)
    .where('risks.orgId', '=', org)
    .where('risks.archivedAt', 'is', null)
    .where('risks.status', '!=', 'closed')
    .orderBy('risks.ref')
    .execute();
  // the latest acceptance of each risk: newest first, first seen wins
  const acceptances = await db
    .selectFrom('riskAcceptances')
    .select(['riskId', 'treatmentVersion', 'expiresOn', 'kind', 'acceptedBy', 'acceptedAt'])
    .where('orgId', '=', org)
    .orderBy('acceptedAt', 'desc')
    .execute();
  const latest = new Map<string, (typeof acceptances)[number]>();
  for (const a of acceptances) if (!latest.has(a.riskId)) latest.set(a.riskId, a);
  const today = todayIso();
  const stateOf = (r: (typeof treated)[number]) => {
    const a = latest.get(r.id);
    return a
      ? acceptanceState(a, { treatmentVersion: r.version, ownerId: r.ownerId, ownerChangedAt: r.ownerChangedAt }, today)
      : null;
  };
  const holds = (r: (typeof treated)[number]) => stateOf(r) === 'valid';
  put(
    'risk_without_owner_approval',
    treated
      .filter((r) => !holds(r))
      .map((r) => {
        const a = latest.get(r.id);
        const state = stateOf(r);
        const detail = !a
          ? 'Not accepted by the risk owner'
          : a.treatmentVersion !== r.version
            ? 'Treatment changed since the owner accepted it'
            : state === 'outdated'
              ? 'The risk owner changed since the acceptance'
              : `Acceptance expired on ${a.expiresOn}`;
        return { type: 'risk' as const, id: r.id, ref: r.ref, title: r.title, detail };
      }),
  );
  const above = treated
    .map((r) => ({ r, e: evaluateResidual(inForce, r) }))
    .filter((x) => x.e?.acceptable === false && !(holds(x.r) && latest.get(x.r.id)?.kind === 'concession'));
  put(
    'residual_above_acceptance',
    above.map(({ r, e }) => ({ type: 'risk', id: r.id, ref: r.ref, title: r.title, detail: e!.level })),
  );

  // actions can number tens of thousands: count them, list the first ones
  const overdueQuery = db
    .selectFrom('actions')
    .where('orgId', '=', org)
    .where('archivedAt', 'is', null)
    .where('dueDate', '<', todayIso())
    .where('status', 'not in', [...CLOSED_ACTION_STATUSES]);
  const overdueCount = await overdueQuery.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const overdue = await overdueQuery
    .select(['id', 'ref', 'title', 'dueDate'])
    .orderBy('dueDate')
    .orderBy('ref')
    .limit(SHOWN)
    .execute();
  out.set('actions_overdue', {
    count: Number(overdueCount.n),
    items: overdue.map((a) => ({ type: 'action' as const, id: a.id, ref: a.ref, title: a.title, detail: a.dueDate })),
  });

  return { checks: TREATMENT_CHECKS.map((key) => ({ key, ...out.get(key)! })) };
}
