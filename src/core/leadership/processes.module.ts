import { formatClauses, parseClauses } from '../../schema/leadership/isms-clauses.js';
import { ismsProcessRegister } from '../../schema/leadership/isms-process.register.js';
import { processInteractionRegister } from '../../schema/leadership/process-interaction.register.js';
import { ConflictError, ValidationError } from '../errors.js';
import type { RegisterModule, Values } from '../register/register-module.js';

/** Checks a clause list against 27001 clauses 4–10 and stores it in one form ("6.1.2, 8.2"), so filters can match it. */
export function normalizeClauses(changes: Values, field = 'clauses'): Values {
  if (!(field in changes) || changes[field] === null || changes[field] === undefined) return {};
  const { clauses, unknown } = parseClauses(String(changes[field]));
  if (unknown.length) {
    throw new ValidationError([
      {
        field: `body.${field}`,
        message: `Not a clause of ISO/IEC 27001 4–10: ${unknown.join(', ')} (write e.g. "6.1.2, 8.2")`,
      },
    ]);
  }
  return { [field]: clauses.length ? formatClauses(clauses) : null };
}

/** The ISMS processes (27001 4.4): clause lists checked and normalized; `clause=6.1.2` finds processes serving it. */
export const ismsProcessesModule: RegisterModule<typeof ismsProcessRegister.fields> = {
  def: ismsProcessRegister,
  async beforeWrite(_ctx, _trx, changes) {
    return normalizeClauses(changes);
  },
  applyFilters(_ctx, qb, query) {
    if (typeof query.clause !== 'string' || !query.clause) return qb;
    const c = query.clause;
    // Stored as "4.4, 6.1.2, 8.2": match a whole item, never a prefix ("6.1" must not find "6.1.2").
    return qb.where((eb) =>
      eb.or([
        eb('clauses', '=', c),
        eb('clauses', 'like', `${c}, %`),
        eb('clauses', 'like', `%, ${c}`),
        eb('clauses', 'like', `%, ${c}, %`),
      ]),
    );
  },
};

/**
 * Which process feeds which (27001 4.4 "and their interactions"): both ends current processes of the
 * organization, never the same one, and one interaction per ordered pair (list everything that flows in it).
 */
export const processInteractionsModule: RegisterModule<typeof processInteractionRegister.fields> = {
  def: processInteractionRegister,
  async beforeWrite(ctx, trx, changes, existing) {
    const from = (changes.fromProcessId ?? existing?.fromProcessId) as string;
    const to = (changes.toProcessId ?? existing?.toProcessId) as string;
    if (!('fromProcessId' in changes) && !('toProcessId' in changes)) return {};
    if (from === to)
      throw new ValidationError([
        { field: 'body.toProcessId', message: 'A process cannot feed itself; choose another process' },
      ]);
    const ends = await trx
      .selectFrom('ismsProcesses')
      .select(['id', 'ref', 'archivedAt'])
      .where('orgId', '=', ctx.org.id)
      .where('id', 'in', [from, to])
      .execute();
    for (const [field, id] of [
      ['fromProcessId', from],
      ['toProcessId', to],
    ] as const) {
      const p = ends.find((e) => e.id === id);
      if (p?.archivedAt)
        throw new ValidationError([
          { field: `body.${field}`, message: `${p.ref} is archived; choose a current process` },
        ]);
    }
    let dup = trx
      .selectFrom('processInteractions')
      .select('ref')
      .where('orgId', '=', ctx.org.id)
      .where('fromProcessId', '=', from)
      .where('toProcessId', '=', to)
      .where('archivedAt', 'is', null);
    if (existing) dup = dup.where('id', '!=', existing.id as string);
    const found = await dup.executeTakeFirst();
    if (found)
      throw new ConflictError(
        `${found.ref} already records what flows between these two processes; add to it instead`,
        [{ field: 'body.toProcessId', message: `Already recorded in ${found.ref}` }],
      );
    return {};
  },
  applyFilters(_ctx, qb, query) {
    if (typeof query.processId !== 'string') return qb;
    const id = query.processId;
    return qb.where((eb) => eb.or([eb('fromProcessId', '=', id), eb('toProcessId', '=', id)]));
  },
};
