import type { Db } from '../../db/connect.js';
import type { AssessmentResults, ResultRisk } from '../../schema/risks/assessment-results.versioned.js';
import type { OrgContext } from '../context.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { compareAssessmentsIn } from './assessments.service.js';
import { levelLabeller } from './level-labels.js';
import { methodologyRecord } from './methodology.service.js';

interface FrozenAnalysis {
  event?: string | null;
  cause?: string | null;
  consequenceDescription?: string | null;
  existingControls?: string | null;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
const byRef = (a: { ref: string }, b: { ref: string }) => a.ref.localeCompare(b.ref, 'en', { numeric: true });

/**
 * The scope statement in force when the assessment closed: the assessment's own scope record (or else the
 * organization's first scope), its highest version approved on or before the closing. Read from versions, never
 * from the scope as it stands, so drafting the results again later gives the same scope.
 */
async function scopeAt(ctx: OrgContext, db: Db, scopeId: string | null, closedAt: string) {
  let q = db.selectFrom('scopes').select(['id', 'ref', 'title']).where('orgId', '=', ctx.org.id);
  q = scopeId ? q.where('id', '=', scopeId) : q.where('archivedAt', 'is', null);
  const scopes = (await q.execute()).sort(byRef);
  if (!scopes.length) return null;
  const versions = await db
    .selectFrom('recordVersions')
    .select(['recordId', 'versionNo', 'content'])
    .where('orgId', '=', ctx.org.id)
    .where('entityType', '=', 'scope')
    .where(
      'recordId',
      'in',
      scopes.map((s) => s.id),
    )
    .where('state', 'in', ['approved', 'superseded'])
    .where('approvedAt', '<=', closedAt)
    .orderBy('versionNo', 'desc')
    .execute();
  for (const s of scopes) {
    const v = versions.find((x) => x.recordId === s.id);
    if (!v) continue;
    const content = JSON.parse(v.content) as { statement?: unknown };
    return { ref: s.ref, title: s.title, versionNo: v.versionNo, statement: text(content.statement) ?? '' };
  }
  return null;
}

/**
 * The results of a closed assessment (27001 8.2), all from what closing froze: the assessment, the scope and
 * methodology version it ran on, every risk of its snapshot with its analysis and evaluation in priority order, and
 * the changes since the previous closed assessment (the assessment comparison). An open assessment has none: 409.
 */
export async function buildAssessmentResults(ctx: OrgContext, db: Db, id: string): Promise<AssessmentResults> {
  const a = await db
    .selectFrom('riskAssessments')
    .leftJoin('users', 'users.id', 'riskAssessments.closedBy')
    .select([
      'riskAssessments.id',
      'riskAssessments.ref',
      'riskAssessments.title',
      'riskAssessments.status',
      'riskAssessments.startedOn',
      'riskAssessments.closedAt',
      'riskAssessments.scopeDescription',
      'riskAssessments.scopeId',
      'riskAssessments.methodologyVersion',
      'users.name as closedByName',
    ])
    .where('riskAssessments.orgId', '=', ctx.org.id)
    .where('riskAssessments.id', '=', id)
    .executeTakeFirst();
  if (!a) throw new NotFoundError('The risk assessment');
  if (a.status !== 'closed' || !a.closedAt)
    throw new ConflictError(`${a.ref} is still open: its results are drafted when it is closed`, [
      { field: 'id', message: 'The assessment is open' },
    ]);

  const entries = await db
    .selectFrom('riskAssessmentEntries')
    .select([
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
      'snapshot',
    ])
    .where('orgId', '=', ctx.org.id)
    .where('assessmentId', '=', id)
    .execute();
  const label = await levelLabeller(
    ctx,
    db,
    entries.map((e) => e.methodologyVersion),
  );
  // the priority order: priority 1 first, unevaluated risks last, then by reference
  entries.sort((x, y) =>
    x.priority === y.priority
      ? byRef(x, y)
      : x.priority === null
        ? 1
        : y.priority === null
          ? -1
          : x.priority - y.priority,
  );
  let rank = 0;
  const risks: ResultRisk[] = entries.map((e) => {
    const frozen = JSON.parse(e.snapshot) as FrozenAnalysis;
    return {
      rank: e.priority === null ? null : ++rank,
      ref: e.ref,
      title: e.title,
      owner: e.ownerLabel,
      status: e.status,
      event: text(frozen.event),
      cause: text(frozen.cause),
      consequenceDescription: text(frozen.consequenceDescription),
      existingControls: text(frozen.existingControls),
      likelihood: e.likelihood,
      consequence: e.consequenceLevel,
      score: e.score,
      level: e.level,
      levelLabel: label(e.methodologyVersion, e.level),
      acceptable: e.acceptable === null ? null : e.acceptable === 1,
      priority: e.priority,
    };
  });
  // risks by level, the most severe level first
  const levels = new Map<string, { level: string; levelLabel: string | null; count: number; rank: number }>();
  entries.forEach((e, i) => {
    if (e.level === null) return;
    const l = levels.get(e.level) ?? { level: e.level, levelLabel: risks[i]!.levelLabel, count: 0, rank: -1 };
    l.count += 1;
    l.rank = Math.max(l.rank, e.levelRank ?? -1);
    levels.set(e.level, l);
  });

  const previous = await db
    .selectFrom('riskAssessments')
    .select(['id', 'ref', 'title', 'closedAt'])
    .where('orgId', '=', ctx.org.id)
    .where('status', '=', 'closed')
    .where('id', '!=', id)
    .where('closedAt', '<', a.closedAt)
    .orderBy('closedAt', 'desc')
    .limit(1)
    .executeTakeFirst();
  let changes: AssessmentResults['changes'] = null;
  if (previous) {
    const c = await compareAssessmentsIn(ctx, db, previous.id, id, true);
    const standing = (s: (typeof c.rows)[number]['before']) =>
      s ? { levelLabel: s.levelLabel, score: s.score } : null;
    changes = {
      previous: { ref: previous.ref, title: previous.title, closedAt: previous.closedAt },
      methodologyChanged: c.methodologyChanged,
      summary: c.summary,
      rows: c.rows.map((r) => ({
        ref: r.ref,
        title: r.title,
        change: r.change,
        crossed: r.crossed,
        before: standing(r.before),
        after: standing(r.after),
      })),
    };
  }
  const methodology = await methodologyRecord(ctx, db);
  return {
    assessment: {
      ref: a.ref,
      title: a.title,
      startedOn: a.startedOn,
      closedAt: a.closedAt,
      closedBy: a.closedByName,
      scopeDescription: a.scopeDescription,
    },
    scope: await scopeAt(ctx, db, a.scopeId, a.closedAt),
    methodology:
      methodology && a.methodologyVersion !== null ? { ref: methodology.ref, versionNo: a.methodologyVersion } : null,
    counts: {
      total: risks.length,
      acceptable: risks.filter((r) => r.acceptable === true).length,
      notAcceptable: risks.filter((r) => r.acceptable === false).length,
      notEvaluated: risks.filter((r) => r.acceptable === null).length,
      byLevel: [...levels.values()]
        .sort((x, y) => y.rank - x.rank || x.level.localeCompare(y.level))
        .map(({ rank: _r, ...l }) => l),
    },
    risks,
    changes,
  };
}
