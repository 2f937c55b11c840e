import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/connect.js';
import {
  categoriesOf,
  ismsRiskRegister,
  ISMS_RISK_PLANNED_STATUSES,
  type IsmsRiskKind,
} from '../../schema/risks/isms-risk.register.js';
import type { OrgContext } from '../context.js';
import { ValidationError } from '../errors.js';
import type { RegisterModule, Values } from '../register/register-module.js';
import { todayIso } from '../util/ids.js';
import { untypedDb } from '../register/untyped-db.js';

type FieldError = { field: string; message: string };
const isPlanned = (status: unknown) => (ISMS_RISK_PLANNED_STATUSES as readonly unknown[]).includes(status);
const blank = (v: unknown) => typeof v !== 'string' || v.trim() === '';

/** Due for evaluation: the date has passed, nobody has recorded the effectiveness yet, and the record is still open. */
export function evaluationOverdue(eb: ExpressionBuilder<any, any>) {
  return eb.and([
    eb('evaluationDueDate', '<', todayIso()),
    eb('effectiveness', '=', 'not_evaluated'),
    eb('status', '!=', 'closed'),
  ]);
}

/** The opposite, spelled out: NOT over a missing due date would be unknown in SQL and drop the record. */
function notEvaluationOverdue(eb: ExpressionBuilder<any, any>) {
  return eb.or([
    eb('evaluationDueDate', 'is', null),
    eb('evaluationDueDate', '>=', todayIso()),
    eb('effectiveness', '!=', 'not_evaluated'),
    eb('status', '=', 'closed'),
  ]);
}

/** What each source filter keeps: records with a source issue, a source requirement, either, or neither. */
export function sourceCondition(eb: ExpressionBuilder<any, any>, source: string) {
  const issue = eb('sourceIssueId', 'is not', null);
  const requirement = eb('sourceRequirementId', 'is not', null);
  if (source === 'issue') return issue;
  if (source === 'requirement') return requirement;
  if (source === 'any') return eb.or([issue, requirement]);
  return eb.and([eb('sourceIssueId', 'is', null), eb('sourceRequirementId', 'is', null)]);
}

/** A record that a field points at must still be current: new risks never hang off an archived issue. */
async function assertCurrent(
  ctx: OrgContext,
  trx: Db,
  table: string,
  id: unknown,
  field: string,
  what: string,
): Promise<FieldError | null> {
  if (typeof id !== 'string') return null;
  const row = await untypedDb(trx)
    .selectFrom(table)
    .select(['ref', 'archivedAt'])
    .where('id', '=', id)
    .where('orgId', '=', ctx.org.id)
    .executeTakeFirst();
  return row?.archivedAt
    ? { field: `body.${field}`, message: `${row.ref} is archived; choose a current ${what}` }
    : null;
}

/**
 * The rules of 6.1.1 on the values a record will have after the write: the category belongs to the kind; once an
 * action is planned, the way to evaluate its effectiveness is stated (e 2); effectiveness is that of planned
 * actions, dated when recorded (today unless given, never in the future) and undated when reset.
 */
function checkRules(changes: Values, existing: Values | undefined, extra: Values): FieldError[] {
  const errors: FieldError[] = [];
  const next = { ...existing, ...changes };
  const touched = (...names: string[]) => names.some((n) => n in changes);

  if (touched('kind', 'category') && typeof next.kind === 'string' && typeof next.category === 'string') {
    const allowed = categoriesOf(next.kind as IsmsRiskKind);
    if (!allowed.includes(next.category))
      errors.push({
        field: 'body.category',
        message: `${next.category} is not a category of a ${next.kind}; use one of: ${allowed.join(', ')}`,
      });
  }
  if (touched('status', 'evaluationMethod') && isPlanned(next.status) && blank(next.evaluationMethod)) {
    errors.push({
      field: 'body.evaluationMethod',
      message: `Say how the effectiveness of the actions will be evaluated: required once the status is ${next.status} (ISO/IEC 27001 6.1.1 e)`,
    });
  }

  const evaluated = next.effectiveness !== undefined && next.effectiveness !== 'not_evaluated';
  if (touched('status', 'effectiveness') && evaluated && !isPlanned(next.status)) {
    const field = 'effectiveness' in changes ? 'body.effectiveness' : 'body.status';
    errors.push({
      field,
      message:
        'Effectiveness is that of the planned actions: plan an action (status action_planned or later) before recording it',
    });
  }
  if (typeof changes.evaluatedOn === 'string' && changes.evaluatedOn > todayIso()) {
    errors.push({ field: 'body.evaluatedOn', message: 'An evaluation cannot be dated in the future' });
  }
  if (!evaluated) {
    if (typeof changes.evaluatedOn === 'string')
      errors.push({
        field: 'body.evaluatedOn',
        message: 'Record the effectiveness found together with the date of the evaluation',
      });
    else if (existing?.evaluatedOn && 'effectiveness' in changes) extra.evaluatedOn = null;
  } else if ('evaluatedOn' in changes && changes.evaluatedOn === null) {
    errors.push({ field: 'body.evaluatedOn', message: 'An evaluated record keeps the date of its evaluation' });
  } else if (next.effectiveness !== existing?.effectiveness && !('evaluatedOn' in changes)) {
    extra.evaluatedOn = todayIso();
  }
  return errors;
}

/**
 * ISMS-level risks and opportunities (27001 6.1.1): a register with the rules above, list filters for overdue
 * evaluations and sources, and the step from "identified" to "action planned" when the first action is planned.
 */
export const ismsRisksModule: RegisterModule<typeof ismsRiskRegister.fields> = {
  def: ismsRiskRegister,

  async beforeWrite(ctx, trx, changes, existing) {
    const extra: Values = {};
    const errors = checkRules(changes, existing, extra);
    for (const [field, table, what] of [
      ['sourceIssueId', 'issues', 'issue'],
      ['sourceRequirementId', 'requirements', 'requirement'],
      ['processId', 'ismsProcesses', 'ISMS process'],
    ] as const) {
      if (field in changes && changes[field] !== existing?.[field]) {
        const error = await assertCurrent(ctx, trx, table, changes[field], field, what);
        if (error) errors.push(error);
      }
    }
    if (errors.length) throw new ValidationError(errors);
    return extra;
  },

  applyFilters(_ctx, qb, query) {
    if (query.evaluationOverdue === true) qb = qb.where((eb) => evaluationOverdue(eb));
    if (query.evaluationOverdue === false) qb = qb.where((eb) => notEvaluationOverdue(eb));
    if (typeof query.source === 'string') qb = qb.where((eb) => sourceCondition(eb, query.source as string));
    if (typeof query.sourceId === 'string') {
      const id = query.sourceId;
      qb = qb.where((eb) => eb.or([eb('sourceIssueId', '=', id), eb('sourceRequirementId', '=', id)]));
    }
    return qb;
  },

  /**
   * The first action planned for an identified record moves it to "action planned" (audited with the action). The
   * evaluation method is required from then on: when the record has none, the action's own "how evaluated" becomes
   * it; when neither says, the action is refused on its `evaluation` field (27003 6.1.1 e 2).
   */
  async onActionPlanned(ctx, trx, id, action, tools) {
    const row = await trx
      .selectFrom('ismsRisks')
      .select(['ref', 'status', 'evaluationMethod', 'archivedAt'])
      .where('id', '=', id)
      .where('orgId', '=', ctx.org.id)
      .executeTakeFirst();
    if (!row || row.archivedAt || row.status !== 'identified') return;
    const own = row.evaluationMethod?.trim();
    const fromAction = typeof action.evaluation === 'string' ? action.evaluation.trim() : '';
    if (!own && !fromAction) {
      throw new ValidationError([
        {
          field: 'body.evaluation',
          message: `Say how the effectiveness of this action will be evaluated: ${row.ref} has no evaluation method yet, and this becomes it`,
        },
      ]);
    }
    await tools.updateRecord(
      ismsRisksModule,
      id,
      own ? { status: 'action_planned' } : { status: 'action_planned', evaluationMethod: fromAction },
    );
  },
};
