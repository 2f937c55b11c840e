import type { RegisterExpressions, RegisterQuery } from '../register/untyped-db.js';
import type { Role } from '../../schema/auth/roles.js';
import type { OrgContext } from '../context.js';

/** Roles that read every confidential document (those who run, approve and audit the ISMS). */
export const CONFIDENTIAL_READERS: readonly Role[] = ['admin', 'isms_manager', 'approver', 'auditor'];

/**
 * Who may read a document (7.5.3 b): public and internal documents every member; confidential ones the roles
 * above; any document its owner, author, named approvers and named audience (people, or members holding an
 * audience role); administrators everything, so that no document is left without a reader. Applied to every
 * query that reads documents (lists, search, exports, links, parent pickers), so a document one may not read is
 * not there at all. `table` is the name (or alias) the query gives the documents table.
 */
export function readableDocuments<Q extends RegisterQuery>(ctx: OrgContext, qb: Q, table = 'documents'): Q {
  if (ctx.role === 'admin') return qb;
  const me = ctx.actor.userId ?? '';
  const col = (c: string) => `${table}.${c}`;
  return qb.where((eb: RegisterExpressions) =>
    eb.or([
      eb(
        col('classification'),
        'in',
        CONFIDENTIAL_READERS.includes(ctx.role) ? ['public', 'internal', 'confidential'] : ['public', 'internal'],
      ),
      eb(col('ownerId'), '=', me),
      eb(col('authorId'), '=', me),
      eb.exists(
        eb
          .selectFrom('documentPeople as dp')
          .select('dp.subject')
          .whereRef('dp.documentId', '=', col('id'))
          .where((e: RegisterExpressions) =>
            e.or([
              e.and([e('dp.relation', 'in', ['approver', 'audience_user']), e('dp.subject', '=', me)]),
              e.and([e('dp.relation', '=', 'audience_role'), e('dp.subject', '=', ctx.role)]),
            ]),
          ),
      ),
    ]),
  ) as Q;
}
