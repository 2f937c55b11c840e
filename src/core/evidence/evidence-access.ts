import type { RegisterExpressions, RegisterQuery } from '../register/untyped-db.js';
import { documentRegister } from '../../schema/documents/document.register.js';
import { EVIDENCE_LINK_KIND, evidenceRegister } from '../../schema/evidence/evidence.register.js';
import type { OrgContext } from '../context.js';
import { readableDocuments } from '../documents/document-access.js';

type Scope = (ctx: OrgContext, qb: RegisterQuery, table?: string) => RegisterQuery;

/**
 * Registers whose `readScope` hides records, with that scope: what is attached to a hidden record is hidden with
 * it. Listed here rather than taken from the registry (which imports this register); a test checks that every
 * register with a `readScope` other than evidence is on this list.
 */
export const HIDING_REGISTERS: readonly { entity: string; table: string; scope: Scope }[] = [
  { entity: documentRegister.entity, table: documentRegister.table, scope: readableDocuments },
];

const EVIDENCE = evidenceRegister.entity;

/** The ids of `entity` records this caller may read, as a subquery (undefined: the register hides nothing). */
export function readableIdsOf(ctx: OrgContext, eb: RegisterExpressions, entity: string) {
  const h = HIDING_REGISTERS.find((r) => r.entity === entity);
  if (!h) return undefined;
  return h.scope(
    ctx,
    eb.selectFrom(h.table).select(`${h.table}.id`).where(`${h.table}.orgId`, '=', ctx.org.id),
    h.table,
  );
}

/** `typeCol`/`idCol` name a record the caller may read (or one of a register that hides nothing). */
function readableEnd(ctx: OrgContext, eb: RegisterExpressions, typeCol: string, idCol: string) {
  return eb.and(
    HIDING_REGISTERS.map((h) =>
      eb.or([eb(typeCol, '!=', h.entity), eb(idCol, 'in', readableIdsOf(ctx, eb, h.entity)!)]),
    ),
  );
}

/**
 * Evidence this caller may read: evidence attached to nothing, or attached (a link of kind `evidence`, either way
 * round) to at least one record the caller may read. Evidence attached only to records hidden from the caller is
 * hidden too — list, record, file, history, links and the audit trail — and answers 404 like a random id.
 */
export function readableEvidence<Q extends RegisterQuery>(
  ctx: OrgContext,
  qb: Q,
  table: string = evidenceRegister.table,
): Q {
  // a caller from whom no register hides anything (an administrator) reads all evidence: no subqueries
  if (HIDING_REGISTERS.every((h) => h.scope(ctx, qb, h.table) === qb)) return qb;
  const id = `${table}.id`;
  // evidence links run either way round: evidence → record (`ea`) or record → evidence (`ei`)
  const side = (eb: RegisterExpressions, alias: 'ea' | 'ei', visibleOnly: boolean) => {
    const [self, other] = alias === 'ea' ? (['from', 'to'] as const) : (['to', 'from'] as const);
    const q = eb
      .selectFrom(`links as ${alias}`)
      .select(`${alias}.id`)
      .where(`${alias}.orgId`, '=', ctx.org.id)
      .where(`${alias}.kind`, '=', EVIDENCE_LINK_KIND)
      .where(`${alias}.${self}Type`, '=', EVIDENCE)
      .whereRef(`${alias}.${self}Id`, '=', id);
    return eb.exists(
      visibleOnly ? q.where((e) => readableEnd(ctx, e, `${alias}.${other}Type`, `${alias}.${other}Id`)) : q,
    );
  };
  const attachments = (eb: RegisterExpressions, visibleOnly: boolean) =>
    eb.or([side(eb, 'ea', visibleOnly), side(eb, 'ei', visibleOnly)]);
  return qb.where((eb: RegisterExpressions) => eb.or([eb.not(attachments(eb, false)), attachments(eb, true)])) as Q;
}

/** An expression true when the record `type`/`id` is one this caller may read (records of registers that hide nothing: always). */
export function readableRecord(ctx: OrgContext, eb: RegisterExpressions, type: string, id: string) {
  if (type === EVIDENCE)
    return eb.exists(
      readableEvidence(
        ctx,
        eb
          .selectFrom('evidence as target')
          .select('target.id')
          .where('target.orgId', '=', ctx.org.id)
          .where('target.id', '=', id),
        'target',
      ),
    );
  const ids = readableIdsOf(ctx, eb, type);
  return ids ? eb(eb.val(id), 'in', ids) : eb.lit(true);
}
