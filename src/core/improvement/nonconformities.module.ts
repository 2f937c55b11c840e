import {
  GRADED_SOURCES,
  nonconformityRegister,
  type NonconformityRecord,
} from '../../schema/improvement/nonconformity.register.js';
import { ISMS_REQUIREMENT_KEYS } from '../../schema/internal-audit/isms-requirements.js';
import type { FieldError } from '../../schema/common/problem.js';
import { ConflictError, ValidationError } from '../errors.js';
import type { ChangesOf, RegisterModule } from '../register/register-module.js';
import { todayIso } from '../util/ids.js';

type NcFields = typeof nonconformityRegister.fields;
const KEYS: ReadonlySet<string> = new Set(ISMS_REQUIREMENT_KEYS);

/** The rules on what was found: the requirement is one of 27001, an audit grades its finding, no future dates. */
function checkFinding(changes: ChangesOf<NcFields>, existing: NonconformityRecord | undefined): FieldError[] {
  const errors: FieldError[] = [];
  const next = { ...existing, ...changes };
  if (typeof changes.requirementKey === 'string' && !KEYS.has(changes.requirementKey))
    errors.push({
      field: 'body.requirementKey',
      message: `Not a requirement of ISO/IEC 27001:2022 clauses 4–10 (e.g. 6.1.3.d, 9.2.2.a)`,
    });
  if (('source' in changes || 'grade' in changes) && GRADED_SOURCES.includes(String(next.source)) && !next.grade)
    errors.push({ field: 'body.grade', message: 'An audit finding is graded: major or minor' });
  if (typeof changes.foundOn === 'string' && changes.foundOn > todayIso())
    errors.push({ field: 'body.foundOn', message: 'A nonconformity cannot be found in the future' });
  if (('dueDate' in changes || 'foundOn' in changes) && next.dueDate && next.foundOn && next.dueDate < next.foundOn)
    errors.push({ field: 'body.dueDate', message: `Due before it was found (${next.foundOn})` });
  return errors;
}

/**
 * The nonconformity register (27001 10.2). Its steps (correction, decision, analysis, effectiveness review,
 * closure) are endpoints of their own (nonconformity-steps.service.ts); the generic create and update write what
 * was found. Planning the first corrective action of an analysed nonconformity moves it to `actions_planned`.
 */
export const nonconformitiesModule: RegisterModule<NcFields> = {
  def: nonconformityRegister,
  // where it came from is set when it is raised (one step from the source record), never claimed afterwards
  ownedLinkKinds: { raised_from: 'POST /api/v1/orgs/{org}/internal-audits/{id}/checklist/{itemId}/raise' },

  async beforeWrite(_ctx, _trx, changes, existing) {
    const errors = checkFinding(changes, existing);
    if (errors.length) throw new ValidationError(errors);
    if (existing) return {};
    return { status: 'reported', foundOn: changes.foundOn ?? todayIso() };
  },

  applyFilters(_ctx, qb, query) {
    if (query.overdue === true) return qb.where('dueDate', '<', todayIso()).where('status', '!=', 'closed');
    if (query.overdue === false)
      return qb.where((eb) =>
        eb.or([eb('dueDate', 'is', null), eb('dueDate', '>=', todayIso()), eb('status', '=', 'closed')]),
      );
    return qb;
  },

  async beforeArchive(_ctx, _trx, existing) {
    if (existing.status !== 'closed' && existing.status !== 'reported')
      throw new ConflictError(
        `${existing.ref} is being handled (${existing.status}): close it rather than archive it, so its handling stays on record`,
      );
  },

  /**
   * Corrective actions follow the analysis of causes (10.2 b then c): an action planned before it is refused, as is
   * one for a closed nonconformity. The first action of an analysed one moves it to `actions_planned`.
   */
  async onActionPlanned(ctx, trx, id, _action, tools) {
    const row = await trx
      .selectFrom('nonconformities')
      .select(['ref', 'status', 'archivedAt'])
      .where('id', '=', id)
      .where('orgId', '=', ctx.org.id)
      .executeTakeFirst();
    if (!row || row.archivedAt) return;
    if (row.status === 'analysed') {
      await tools.updateRecord(nonconformitiesModule, id, { status: 'actions_planned' });
      return;
    }
    if (row.status === 'actions_planned' || row.status === 'verifying') return;
    const message =
      row.status === 'closed'
        ? `${row.ref} is closed: raise a new nonconformity rather than act on a closed one`
        : `${row.ref} is ${row.status}: analyse its causes first (ISO/IEC 27001 10.2 b), then plan the actions that remove them`;
    throw new ConflictError(message, [{ field: 'body.sourceId', message }]);
  },
};
