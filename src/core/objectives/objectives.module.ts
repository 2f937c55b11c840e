import type { Db } from '../../db/connect.js';
import type { FieldError } from '../../schema/common/problem.js';
import { POLICY_TYPES, type DocumentType } from '../../schema/documents/document.register.js';
import {
  CLOSED_LIFECYCLES,
  OBJECTIVE_MEASURED_BY_KIND,
  objectiveRegister,
  type ObjectiveLifecycle,
  type ObjectiveRecord,
} from '../../schema/objectives/objective.register.js';
import type { OrgContext } from '../context.js';
import { ConflictError, ValidationError } from '../errors.js';
import type { ChangesOf, RegisterModule } from '../register/register-module.js';
import { computeProgressState } from './objective-progress-state.js';

type ObjectiveFields = typeof objectiveRegister.fields;
type Next = Partial<ObjectiveRecord>;

const isClosed = (l: unknown) => CLOSED_LIFECYCLES.includes(l as ObjectiveLifecycle);
/** how deep a cascade of objectives may go (organization → function → process → … with room to spare) */
const MAX_CASCADE = 20;

export const MEASURE_LINK_ROUTE = 'POST /api/v1/orgs/{org}/objectives/{id}/measures';
export const CLOSE_ROUTE = 'POST /api/v1/orgs/{org}/objectives/{id}/close';

/** The checks of 6.2 b and of the objective's place: each names its field. */
function fieldChecks(next: Next): FieldError[] {
  const errors: FieldError[] = [];
  const err = (field: string, message: string) => errors.push({ field: `body.${field}`, message });
  if (next.measurementMode === 'not_practicable') {
    if (!next.notMeasurableReason?.trim()) err('notMeasurableReason', 'Say why this objective cannot be measured');
    if (!next.judgementMethod?.trim()) err('judgementMethod', 'Say how its achievement will be judged instead');
  } else {
    if (next.targetValue === null || next.targetValue === undefined)
      err('targetValue', 'A measurable objective has a target value (or choose "not practicable" with a reason)');
    if (!next.targetDirection) err('targetDirection', 'At least, at most, or reach the level');
  }
  if (next.startDate && next.deadline && next.deadline < next.startDate)
    err('deadline', `Before the start date (${next.startDate})`);
  if (next.level === 'process' && !next.processId) err('processId', 'An objective set for a process names it');
  if (next.level !== 'process' && next.processId) err('processId', 'Only an objective at process level names one');
  if (next.level === 'function' && !next.functionName?.trim())
    err('functionName', 'An objective set for a function names the function or department');
  return errors;
}

/** The policy must be one: an information security policy or a topic-specific policy (6.2 a). */
async function checkPolicy(ctx: OrgContext, trx: Db, id: string): Promise<void> {
  const doc = await trx
    .selectFrom('documents')
    .select(['type'])
    .where('orgId', '=', ctx.org.id)
    .where('id', '=', id)
    .executeTakeFirst();
  if (doc && !POLICY_TYPES.includes(doc.type as DocumentType))
    throw new ValidationError([
      { field: 'body.policyDocumentId', message: 'Not a policy: choose the information security or a topic policy' },
    ]);
}

/** A cascade goes up to more generic objectives; it never comes back to the objective itself. */
async function checkCascade(ctx: OrgContext, trx: Db, id: string | undefined, parentId: string): Promise<void> {
  let current: string | null = parentId;
  for (let depth = 0; current; depth++) {
    if (current === id || depth > MAX_CASCADE)
      throw new ValidationError([
        { field: 'body.parentObjectiveId', message: 'This would make the cascade of objectives a loop' },
      ]);
    const row: { parentObjectiveId: string | null } | undefined = await trx
      .selectFrom('objectives')
      .select('parentObjectiveId')
      .where('orgId', '=', ctx.org.id)
      .where('id', '=', current)
      .executeTakeFirst();
    current = row?.parentObjectiveId ?? null;
  }
}

async function measureCount(ctx: OrgContext, trx: Db, id: string | undefined): Promise<number> {
  if (!id) return 0;
  const row = await trx
    .selectFrom('links')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('orgId', '=', ctx.org.id)
    .where('fromType', '=', 'objective')
    .where('fromId', '=', id)
    .where('kind', '=', OBJECTIVE_MEASURED_BY_KIND)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The lifecycle through create and update: draft and active only; the closed states through the close route. */
async function lifecycleOf(
  ctx: OrgContext,
  trx: Db,
  changes: ChangesOf<ObjectiveFields>,
  existing: ObjectiveRecord | undefined,
): Promise<ObjectiveLifecycle> {
  if (existing && isClosed(existing.lifecycle))
    throw new ConflictError(`${existing.ref} is ${existing.lifecycle}: a closed objective is kept as decided`, [
      { field: 'lifecycle', message: `Closed (${existing.lifecycle}); set a new objective instead` },
    ]);
  if ('lifecycle' in changes && isClosed(changes.lifecycle))
    throw new ValidationError([
      { field: 'body.lifecycle', message: `Achieved, missed and withdrawn are decided with a note: ${CLOSE_ROUTE}` },
    ]);
  if ('lifecycle' in changes && !changes.lifecycle)
    throw new ValidationError([{ field: 'body.lifecycle', message: 'Draft or active' }]);
  const mode = changes.measurementMode ?? existing?.measurementMode;
  // a new objective in measures mode starts as a draft unless told otherwise: its measure is linked once it exists
  const lifecycle = changes.lifecycle ?? existing?.lifecycle ?? (mode === 'measures' ? 'draft' : 'active');
  if (lifecycle === 'active' && mode === 'measures' && (await measureCount(ctx, trx, existing?.id)) === 0)
    throw new ConflictError('An objective measured by measures is active once a measure is linked', [
      { field: 'measures', message: `Link a measure first (${MEASURE_LINK_ROUTE}), or keep it a draft` },
    ]);
  return lifecycle;
}

/**
 * Information security objectives (27001 6.2). The generic create and update set the objective; the checks of
 * 6.2 b (measurable if practicable, or why not and how it will be judged) and of its place (level, process,
 * cascade, policy) run here, and so does the stored progress status (it depends on the target, the deadline and
 * the values). Progress entries, measures, communications and closing have their own routes.
 */
export const objectivesModule: RegisterModule<ObjectiveFields> = {
  def: objectiveRegister,
  ownedLinkKinds: { [OBJECTIVE_MEASURED_BY_KIND]: MEASURE_LINK_ROUTE },

  async beforeWrite(ctx, trx, changes, existing) {
    const next: Next = { ...existing, ...changes };
    const errors = fieldChecks(next);
    if (errors.length) throw new ValidationError(errors);
    const lifecycle = await lifecycleOf(ctx, trx, changes, existing);
    if (changes.policyDocumentId) await checkPolicy(ctx, trx, changes.policyDocumentId);
    if (changes.parentObjectiveId) await checkCascade(ctx, trx, existing?.id, changes.parentObjectiveId);
    const state = await computeProgressState(ctx, trx, existing?.id, {
      measurementMode: next.measurementMode ?? 'not_practicable',
      targetDirection: next.targetDirection ?? null,
      targetValue: next.targetValue ?? null,
      baselineValue: next.baselineValue ?? null,
      startDate: next.startDate ?? null,
      deadline: next.deadline ?? null,
    });
    return { lifecycle, ...state };
  },

  /** A closed objective takes no more actions: its plan is over. */
  async onActionPlanned(ctx, trx, id) {
    const row = await trx
      .selectFrom('objectives')
      .select(['ref', 'lifecycle'])
      .where('orgId', '=', ctx.org.id)
      .where('id', '=', id)
      .executeTakeFirst();
    if (row && isClosed(row.lifecycle)) {
      const message = `${row.ref} is ${row.lifecycle}: plan actions for an objective that is still followed`;
      throw new ConflictError(message, [{ field: 'body.sourceId', message }]);
    }
  },
};
