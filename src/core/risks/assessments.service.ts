import type { z } from 'zod';
import type { Db } from '../../db/connect.js';
import type {
  assessmentEntriesSchema,
  CompareHead,
  CompareRow,
  Comparison,
  Standing,
} from '../../schema/risks/risks.responses.js';
import { reassessmentTriggerRegister, riskAssessmentRegister } from '../../schema/risks/risk-assessment.register.js';
import type { OrgContext } from '../context.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { RegisterModule } from '../register/register-module.js';
import { levelLabeller } from './level-labels.js';
import { methodologyInForce } from './methodology.service.js';

/** An assessment opens on the approved methodology; once closed, its record and snapshot never change. */
export const riskAssessmentsModule: RegisterModule<typeof riskAssessmentRegister.fields> = {
  def: riskAssessmentRegister,
  async beforeWrite(ctx, trx, changes, existing) {
    if (existing) {
      if (existing.status === 'closed') {
        // whether top management signs the results may still be decided until the results are approved
        const others = Object.entries(changes).filter(
          ([k, v]) => k !== 'topManagementApproval' && v !== undefined && v !== existing[k as keyof typeof existing],
        );
        if (others.length || existing.approvedVersion !== null)
          throw new ConflictError(`${String(existing.ref)} is closed; its results are frozen`);
      }
      return {};
    }
    const inForce = await methodologyInForce(ctx, trx);
    if (!inForce)
      throw new ConflictError('No risk methodology is approved yet: an assessment runs on the approved methodology', [
        { field: 'body.title', message: 'No approved methodology' },
      ]);
    return { status: 'open', methodologyVersion: inForce.versionNo };
  },
};

export const reassessmentTriggersModule: RegisterModule = { def: reassessmentTriggerRegister };

/** The columns a standing is read from, in the register and in a frozen assessment alike. */
const standingColumns = [
  'riskId',
  'ref',
  'title',
  'ownerLabel',
  'status',
  'likelihood',
  'consequenceLevel',
  'score',
  'level',
  'levelRank',
  'acceptable',
  'priority',
  'methodologyVersion',
] as const;

type StandingRow = Omit<Standing, 'acceptable' | 'consequence' | 'levelLabel'> & {
  acceptable: number | null;
  methodologyVersion: number | null;
};
type Labeller = Awaited<ReturnType<typeof levelLabeller>>;

function toStanding(r: StandingRow, label: Labeller): Standing {
  const { methodologyVersion, ...rest } = r;
  return {
    ...rest,
    consequence: r.consequenceLevel,
    levelLabel: label(methodologyVersion, r.level),
    acceptable: r.acceptable === null ? null : r.acceptable === 1,
  };
}

export async function listEntries(
  ctx: OrgContext,
  id: string,
  page: number,
  pageSize: number,
): Promise<z.infer<typeof assessmentEntriesSchema>> {
  const a = await ctx.db
    .selectFrom('riskAssessments')
    .select(['id', 'status'])
    .where('orgId', '=', ctx.org.id)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!a) throw new NotFoundError('The risk assessment');
  const base = ctx.db
    .selectFrom('riskAssessmentEntries')
    .where('orgId', '=', ctx.org.id)
    .where('assessmentId', '=', id);
  const [rows, count] = await Promise.all([
    base
      .select([...standingColumns])
      .orderBy((eb) => eb.case().when('priority', 'is', null).then(1).else(0).end())
      .orderBy('priority')
      .orderBy('ref')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const label = await levelLabeller(
    ctx,
    ctx.db,
    rows.map((r) => r.methodologyVersion),
  );
  return { items: rows.map((r) => toStanding(r, label)), total: Number(count.n), page, pageSize };
}

async function standingsOf(
  ctx: OrgContext,
  db: Db,
  assessmentId: string | 'current',
): Promise<{ head: CompareHead; rows: Map<string, Standing> }> {
  if (assessmentId === 'current') {
    const inForce = await methodologyInForce(ctx, db);
    const rows = await db
      .selectFrom('risks')
      .leftJoin('users', 'users.id', 'risks.ownerId')
      .select([
        'risks.id as riskId',
        'risks.ref',
        'risks.title',
        'users.name as ownerLabel',
        'risks.status',
        'risks.likelihood',
        'risks.consequenceLevel',
        'risks.score',
        'risks.level',
        'risks.levelRank',
        'risks.acceptable',
        'risks.priority',
        'risks.methodologyVersion',
      ])
      .where('risks.orgId', '=', ctx.org.id)
      .where('risks.archivedAt', 'is', null)
      .execute();
    const label = await levelLabeller(
      ctx,
      db,
      rows.map((r) => r.methodologyVersion),
    );
    return {
      head: { id: 'current', ref: null, title: null, closedAt: null, methodologyVersion: inForce?.versionNo ?? null },
      rows: new Map(rows.map((r) => [r.riskId, toStanding(r, label)])),
    };
  }
  const a = await db
    .selectFrom('riskAssessments')
    .select(['id', 'ref', 'title', 'status', 'closedAt', 'methodologyVersion'])
    .where('orgId', '=', ctx.org.id)
    .where('id', '=', assessmentId)
    .executeTakeFirst();
  if (!a) throw new NotFoundError('The risk assessment');
  if (a.status !== 'closed')
    throw new ConflictError(`${a.ref} is still open: only closed assessments have results to compare`);
  const rows = await db
    .selectFrom('riskAssessmentEntries')
    .select([...standingColumns])
    .where('orgId', '=', ctx.org.id)
    .where('assessmentId', '=', assessmentId)
    .execute();
  const label = await levelLabeller(
    ctx,
    db,
    rows.map((r) => r.methodologyVersion),
  );
  const { status: _s, ...head } = a;
  return { head, rows: new Map(rows.map((r) => [r.riskId, toStanding(r, label)])) };
}

/**
 * Two assessments side by side (or one and the register as it stands): new and removed risks, risks whose level
 * rose or fell (by the level's rank, then by score within a level) and those that crossed the acceptance line.
 */
export async function compareAssessments(
  ctx: OrgContext,
  from: string,
  to: string | 'current',
  changesOnly: boolean,
): Promise<Comparison> {
  return compareAssessmentsIn(ctx, ctx.db, from, to, changesOnly);
}

/** `compareAssessments` read through the caller's transaction (the results document compares at draft time). */
export async function compareAssessmentsIn(
  ctx: OrgContext,
  db: Db,
  from: string,
  to: string | 'current',
  changesOnly: boolean,
): Promise<Comparison> {
  // one after the other: a transaction (SQLite's single connection, PostgreSQL's client) runs one query at a time
  const a = await standingsOf(ctx, db, from);
  const b = await standingsOf(ctx, db, to);
  const rows: CompareRow[] = [];
  const ids = new Set([...a.rows.keys(), ...b.rows.keys()]);
  for (const id of ids) {
    const before = a.rows.get(id) ?? null;
    const after = b.rows.get(id) ?? null;
    const any = (after ?? before)!;
    let change: CompareRow['change'];
    if (!before) change = 'added';
    else if (!after) change = 'removed';
    else {
      const rb = before.levelRank ?? -1;
      const ra = after.levelRank ?? -1;
      const delta = ra !== rb ? ra - rb : (after.score ?? -1) - (before.score ?? -1);
      change = delta > 0 ? 'rose' : delta < 0 ? 'fell' : 'same';
    }
    const crossed =
      before?.acceptable === true && after?.acceptable === false
        ? 'to_unacceptable'
        : before?.acceptable === false && after?.acceptable === true
          ? 'to_acceptable'
          : null;
    if (changesOnly && change === 'same' && !crossed) continue;
    rows.push({ riskId: id, ref: any.ref, title: any.title, change, crossed, before, after });
  }
  rows.sort((x, y) => x.ref.localeCompare(y.ref, 'en', { numeric: true }));
  const count = (c: CompareRow['change']) => rows.filter((r) => r.change === c).length;
  const summary = {
    added: count('added'),
    removed: count('removed'),
    rose: count('rose'),
    fell: count('fell'),
    toUnacceptable: rows.filter((r) => r.crossed === 'to_unacceptable').length,
    toAcceptable: rows.filter((r) => r.crossed === 'to_acceptable').length,
    unchanged: [...ids].length - rows.filter((r) => r.change !== 'same').length,
  };
  const methodologyChanged = a.head.methodologyVersion !== b.head.methodologyVersion;
  return { from: a.head, to: b.head, methodologyChanged, summary, rows };
}
