import type { Db } from '../../db/connect.js';
import type { Role } from '../../schema/auth/roles.js';
import type { DocumentPeopleBody } from '../../schema/documents/documents.schema.js';
import type { OrgContext } from '../context.js';
import { ConflictError, ValidationError } from '../errors.js';
import { getRecord } from '../register/register.service.js';
import { can } from '../../schema/auth/permissions.js';
import { CONFIDENTIAL_READERS } from './document-access.js';
import { settleApproval } from '../versioning/versions.service.js';
import {
  documentsModule,
  documentVersionedModule,
  SECURITY_POLICY_SIGNERS,
  syncDocumentStatus,
} from './documents.module.js';
import { inOrgTransaction } from '../transaction.js';
import { auditDocument, lockDocument } from './document-queries.js';

export interface DocumentRow {
  id: string;
  ref: string;
  title: string;
  classification: string;
  ownerId: string | null;
  authorId: string | null;
  audience: string;
  status: string | null;
  publishedVersion: number | null;
}

export async function peopleRows(ctx: OrgContext, db: Db, documentIds: string[]) {
  if (!documentIds.length) return [];
  return db
    .selectFrom('documentPeople')
    .select(['documentId', 'relation', 'subject'])
    .where('orgId', '=', ctx.org.id)
    .where('documentId', 'in', documentIds)
    .execute();
}

/** The same rule as `readableDocuments`, for one member (to know who of an audience may read the document). */
export function memberCanRead(
  doc: DocumentRow,
  people: { relation: string; subject: string }[],
  member: { userId: string; role: string },
): boolean {
  if (member.role === 'admin') return true;
  if (doc.classification === 'public' || doc.classification === 'internal') return true;
  if (doc.classification === 'confidential' && CONFIDENTIAL_READERS.includes(member.role as Role)) return true;
  if (doc.ownerId === member.userId || doc.authorId === member.userId) return true;
  return people.some(
    (p) =>
      ((p.relation === 'approver' || p.relation === 'audience_user') && p.subject === member.userId) ||
      (p.relation === 'audience_role' && p.subject === member.role),
  );
}

/** Members the document is for (its audience) who may also read it: those who must acknowledge it. */
export async function audienceOf(ctx: OrgContext, db: Db, doc: DocumentRow) {
  const people = await peopleRows(ctx, db, [doc.id]);
  const members = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select(['users.id as userId', 'users.name', 'users.email', 'memberships.role'])
    .where('memberships.orgId', '=', ctx.org.id)
    .orderBy('users.name')
    .execute();
  const inAudience = (m: { userId: string; role: string }) =>
    doc.audience === 'all_members' ||
    (doc.audience === 'roles' && people.some((p) => p.relation === 'audience_role' && p.subject === m.role)) ||
    (doc.audience === 'people' && people.some((p) => p.relation === 'audience_user' && p.subject === m.userId));
  return members.filter((m) => inAudience(m) && memberCanRead(doc, people, m));
}

export async function getPeople(ctx: OrgContext, id: string) {
  await getRecord(ctx, documentsModule, id);
  const rows = await ctx.db
    .selectFrom('documentPeople')
    .leftJoin('users', 'users.id', 'documentPeople.subject')
    .leftJoin('memberships', (j) =>
      j.onRef('memberships.userId', '=', 'documentPeople.subject').on('memberships.orgId', '=', ctx.org.id),
    )
    .select(['documentPeople.relation', 'documentPeople.subject', 'users.name', 'users.email', 'memberships.role'])
    .where('documentPeople.orgId', '=', ctx.org.id)
    .where('documentPeople.documentId', '=', id)
    .orderBy('users.name')
    .execute();
  const person = (r: (typeof rows)[number]) => ({
    userId: r.subject,
    name: r.name ?? '',
    email: r.email ?? '',
    role: r.role ?? null,
  });
  return {
    approvers: rows.filter((r) => r.relation === 'approver').map(person),
    audienceUsers: rows.filter((r) => r.relation === 'audience_user').map(person),
    audienceRoles: rows.filter((r) => r.relation === 'audience_role').map((r) => r.subject as Role),
  };
}

/**
 * Names the approvers (each must hold the approve permission) and the audience. Changing approvers while a version
 * is awaiting approval is allowed: the approvals given so far stay, only those of approvers still named count,
 * and a draft whose named approvers have now all signed is approved at once.
 */
export async function setPeople(ctx: OrgContext, id: string, body: DocumentPeopleBody) {
  await inOrgTransaction(ctx, async (trx) => {
    const doc = await lockDocument(ctx, trx, id);
    if (doc.status === 'disposed') throw new ConflictError(`${doc.ref} was disposed of`);
    const wanted = [...new Set([...body.approverIds, ...body.audienceUserIds])];
    const members = wanted.length
      ? await trx
          .selectFrom('memberships')
          .innerJoin('users', 'users.id', 'memberships.userId')
          .select(['memberships.userId', 'memberships.role', 'users.email'])
          .where('memberships.orgId', '=', ctx.org.id)
          .where('memberships.userId', 'in', wanted)
          .execute()
      : [];
    const byId = new Map(members.map((m) => [m.userId, m]));
    const errors = [
      ...body.approverIds.flatMap((uid, i) => {
        const m = byId.get(uid);
        if (!m) return [{ field: `body.approverIds.${i}`, message: 'Not a member of this organization' }];
        if (!can(m.role as Role, 'document.approve'))
          return [
            {
              field: `body.approverIds.${i}`,
              message: `${m.email} cannot approve documents (role ${m.role}); give them the approver role first`,
            },
          ];
        return doc.isSecurityPolicy && !SECURITY_POLICY_SIGNERS.includes(m.role as 'approver')
          ? [
              {
                field: `body.approverIds.${i}`,
                message: `${m.email} is not top management (the approver role), who approve the information security policy`,
              },
            ]
          : [];
      }),
      ...body.audienceUserIds.flatMap((uid, i) =>
        byId.has(uid) ? [] : [{ field: `body.audienceUserIds.${i}`, message: 'Not a member of this organization' }],
      ),
    ];
    if (errors.length) throw new ValidationError(errors);
    await trx.deleteFrom('documentPeople').where('orgId', '=', ctx.org.id).where('documentId', '=', id).execute();
    const rows = [
      ...[...new Set(body.approverIds)].map((subject) => ({ relation: 'approver', subject })),
      ...[...new Set(body.audienceUserIds)].map((subject) => ({ relation: 'audience_user', subject })),
      ...[...new Set(body.audienceRoles)].map((subject) => ({ relation: 'audience_role', subject })),
    ].map((r) => ({ ...r, orgId: ctx.org.id, documentId: id }));
    if (rows.length) await trx.insertInto('documentPeople').values(rows).execute();
    const email = (uid: string) => byId.get(uid)?.email ?? uid;
    await auditDocument(ctx, trx, id, {
      type: 'document.people_set',
      payload: {
        ref: doc.ref,
        approvers: body.approverIds.map(email),
        audienceUsers: body.audienceUserIds.map(email),
        audienceRoles: body.audienceRoles,
      },
    });
    // fewer approvers may mean a draft in review now has every signature it needs
    await settleApproval(ctx, trx, documentVersionedModule, id, doc.ref);
    await syncDocumentStatus(ctx, trx, id);
  });
  return getPeople(ctx, id);
}
