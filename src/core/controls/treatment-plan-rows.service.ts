import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { CLOSED_ACTION_STATUSES } from '../../schema/actions/action.register.js';
import { type PlanRow } from '../../schema/controls/treatment-plan.schema.js';
import type { OrgContext } from '../context.js';
import { methodologyInForce } from '../risks/methodology.service.js';
import { groupBy } from '../util/group-by.js';
import { todayIso } from '../util/ids.js';
import { acceptanceState } from './acceptance-state.js';
import { evaluateResidual } from './treatment.service.js';

/**
 * The treated risks of the organization in plan order (priority, then reference), a page at a time, each with its
 * options, controls, actions (the tracker's, planned from the risk), expected residual risk, the owner's acceptance
 * and whether the treatment needs revisiting. A fixed number of queries per page.
 */
export async function planRows(
  ctx: OrgContext,
  db: Db,
  opts: { page?: number; pageSize?: number; attention?: boolean; all?: boolean },
): Promise<{ items: PlanRow[]; total: number }> {
  const org = ctx.org.id;
  const today = todayIso();
  let q = db
    .selectFrom('riskTreatments as t')
    .innerJoin('risks as r', 'r.id', 't.riskId')
    .where('t.orgId', '=', org)
    .where('r.orgId', '=', org)
    .where('r.archivedAt', 'is', null)
    .where('r.status', '!=', 'closed');
  if (opts.attention) {
    q = q.where((eb) =>
      eb.or([
        eb.not(
          eb.exists(
            // a valid acceptance (acceptance-state.ts): this treatment version, given by the owner, no owner change since
            eb
              .selectFrom('riskAcceptances as a')
              .select(sql.lit(1).as('x'))
              .whereRef('a.riskId', '=', 'r.id')
              .whereRef('a.treatmentVersion', '=', 't.version')
              .where('a.orgId', '=', org)
              .whereRef('a.acceptedBy', '=', 'r.ownerId')
              .where((w) =>
                w.or([w('r.ownerChangedAt', 'is', null), w('r.ownerChangedAt', '<', w.ref('a.acceptedAt'))]),
              )
              .where((w) => w.or([w('a.expiresOn', 'is', null), w('a.expiresOn', '>=', today)]))
              .where((w) =>
                w.not(
                  w.exists(
                    w
                      .selectFrom('riskAcceptances as n')
                      .select(sql.lit(1).as('y'))
                      .whereRef('n.riskId', '=', 'a.riskId')
                      .where('n.orgId', '=', org)
                      .whereRef('n.acceptedAt', '>', 'a.acceptedAt'),
                  ),
                ),
              ),
          ),
        ),
        eb('r.evaluatedAt', '>', eb.ref('t.updatedAt')),
        eb.exists(
          eb
            .selectFrom('actions as x')
            .select(sql.lit(1).as('x'))
            .where('x.orgId', '=', org)
            .where('x.sourceType', '=', 'risk')
            .whereRef('x.sourceId', '=', 'r.id')
            .where('x.archivedAt', 'is', null)
            .where('x.dueDate', '<', today)
            .where('x.status', 'not in', [...CLOSED_ACTION_STATUSES]),
        ),
      ]),
    );
  }
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  let page = q
    .leftJoin('users as u', 'u.id', 'r.ownerId')
    .select([
      'r.id',
      'r.ref',
      'r.title',
      'u.name as owner',
      'r.ownerId',
      'r.ownerChangedAt',
      'r.level',
      'r.acceptable',
      'r.status',
      'r.evaluatedAt',
      't.updatedAt',
      't.version',
      't.residualLikelihood',
      't.residualConsequence',
      't.residualConsequenceC',
      't.residualConsequenceI',
      't.residualConsequenceA',
    ])
    .orderBy(sql`r.priority IS NULL`)
    .orderBy('r.priority')
    .orderBy(sql`length(r.ref)`)
    .orderBy('r.ref');
  if (!opts.all) {
    const size = opts.pageSize ?? 50;
    page = page.limit(size).offset(((opts.page ?? 1) - 1) * size);
  }
  const risks = await page.execute();
  const ids = risks.map((r) => r.id);
  if (!ids.length) return { items: [], total };
  // For a whole-plan snapshot the id list can be long: read the organization's rows and keep the page's.
  const inPage = new Set(ids);
  // method syntax: any query builder's `where` fits (parameters are compared both ways), with no `any`
  const scope = <T extends { where(...a: unknown[]): T }>(qb: T, column: string): T =>
    ids.length <= 500 ? qb.where(column, 'in', ids) : qb;

  const options = (
    await scope(
      db.selectFrom('riskTreatmentOptions').select(['riskId', 'option', 'rationale']).where('orgId', '=', org),
      'riskId',
    )
      .orderBy('position')
      .execute()
  ).filter((o) => inPage.has(o.riskId));
  const controls = (
    await scope(
      db
        .selectFrom('riskControls as rc')
        .innerJoin('controls as c', 'c.id', 'rc.controlId')
        .select(['rc.riskId', 'c.id', 'c.ref', 'c.title', 'rc.effect', 'c.applicability', 'c.implementationStatus'])
        .where('rc.orgId', '=', org),
      'rc.riskId',
    )
      .orderBy('rc.position')
      .execute()
  ).filter((c) => inPage.has(c.riskId));
  const actions = (
    await scope(
      db
        .selectFrom('actions as x')
        .leftJoin('users as u', 'u.id', 'x.ownerId')
        .select(['x.sourceId', 'x.id', 'x.ref', 'x.title', 'u.name as owner', 'x.dueDate', 'x.status'])
        .where('x.orgId', '=', org)
        .where('x.sourceType', '=', 'risk')
        .where('x.archivedAt', 'is', null),
      'x.sourceId',
    )
      .orderBy('x.dueDate')
      .execute()
  ).filter((a) => a.sourceId && inPage.has(a.sourceId));
  const acceptances = (
    await scope(db.selectFrom('riskAcceptances').selectAll().where('orgId', '=', org), 'riskId')
      .orderBy('acceptedAt', 'desc')
      .execute()
  ).filter((a) => inPage.has(a.riskId));
  const latest = new Map<string, (typeof acceptances)[number]>();
  for (const a of acceptances) if (!latest.has(a.riskId)) latest.set(a.riskId, a);
  const inForce = await methodologyInForce(ctx, db);
  const labels = new Map(inForce?.methodology.levels.map((l) => [l.key, l.label]) ?? []);
  const label = (key: string | null | undefined) => (key ? (labels.get(key) ?? key) : null);

  // grouped once (a whole-plan snapshot has thousands of risks: filtering per risk was quadratic)
  const optionsOf = groupBy(options, (o) => o.riskId);
  const controlsOf = groupBy(controls, (c) => c.riskId);
  const actionsOf = groupBy(actions, (x) => x.sourceId);
  const items = risks.map((r): PlanRow => {
    const residual = evaluateResidual(inForce, r);
    const a = latest.get(r.id);
    const mine = actionsOf.get(r.id) ?? [];
    const cs = controlsOf.get(r.id) ?? [];
    return {
      riskId: r.id,
      ref: r.ref,
      title: r.title,
      owner: r.owner,
      ownerId: r.ownerId,
      level: r.level,
      levelLabel: label(r.level),
      acceptable: r.acceptable === null ? null : Boolean(r.acceptable),
      status: r.status,
      options: (optionsOf.get(r.id) ?? []).map(({ option, rationale }) => ({ option, rationale })),
      controls: cs.map(({ riskId: _r, ...c }) => c),
      actions: mine.map((x) => ({
        id: x.id,
        ref: x.ref,
        title: x.title,
        owner: x.owner,
        dueDate: x.dueDate,
        status: x.status,
        overdue: !!x.dueDate && x.dueDate < today && !(CLOSED_ACTION_STATUSES as readonly string[]).includes(x.status),
      })),
      residualLevel: residual?.level ?? null,
      residualLevelLabel: label(residual?.level),
      residualAcceptable: residual?.acceptable ?? null,
      acceptance: a
        ? {
            kind: a.kind,
            by: a.acceptedByName,
            at: a.acceptedAt,
            expiresOn: a.expiresOn,
            justification: a.justification,
            state: acceptanceState(
              a,
              { treatmentVersion: r.version, ownerId: r.ownerId, ownerChangedAt: r.ownerChangedAt },
              today,
            ),
          }
        : null,
      needsRevisit: !!r.evaluatedAt && r.evaluatedAt > r.updatedAt,
      progress: {
        actionsDone: mine.filter((x) => x.status === 'done').length,
        actions: mine.length,
        controlsImplemented: cs.filter((c) => c.implementationStatus === 'implemented').length,
        controls: cs.length,
      },
    };
  });
  return { items, total };
}
