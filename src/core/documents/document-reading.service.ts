import { sql } from 'kysely';
import type { OrgContext } from '../context.js';
import { readableDocuments } from './document-access.js';

const TO_READ_LIMIT = 200;

/** Published documents the caller is in the audience of, may read, and has not acknowledged in this version. */
export async function documentsToRead(ctx: OrgContext) {
  const me = ctx.actor.userId ?? '';
  let q = ctx.db
    .selectFrom('documents')
    .select([
      'documents.id',
      'documents.ref',
      'documents.title',
      'documents.type',
      'documents.publishedVersion',
      'documents.publishedOn',
    ])
    .select((eb) =>
      eb
        .selectFrom('documentReminders as r')
        .select((e) => e.fn.max('r.sentAt').as('last'))
        .whereRef('r.documentId', '=', 'documents.id')
        .whereRef('r.versionNo', '=', 'documents.publishedVersion')
        .where('r.userId', '=', me)
        .as('lastRemindedAt'),
    )
    .where('documents.orgId', '=', ctx.org.id)
    .where('documents.archivedAt', 'is', null)
    .where('documents.status', '=', 'published')
    .where((eb) =>
      eb.or([
        eb('documents.audience', '=', 'all_members'),
        eb.and([
          eb('documents.audience', '=', 'roles'),
          eb.exists(
            eb
              .selectFrom('documentPeople as p')
              .select('p.subject')
              .whereRef('p.documentId', '=', 'documents.id')
              .where('p.relation', '=', 'audience_role')
              .where('p.subject', '=', ctx.role),
          ),
        ]),
        eb.and([
          eb('documents.audience', '=', 'people'),
          eb.exists(
            eb
              .selectFrom('documentPeople as p')
              .select('p.subject')
              .whereRef('p.documentId', '=', 'documents.id')
              .where('p.relation', '=', 'audience_user')
              .where('p.subject', '=', me),
          ),
        ]),
      ]),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('documentAcknowledgements as a')
            .select('a.id')
            .whereRef('a.documentId', '=', 'documents.id')
            .whereRef('a.versionNo', '=', 'documents.publishedVersion')
            .where('a.userId', '=', me),
        ),
      ),
    );
  q = readableDocuments(ctx, q);
  const rows = await q.orderBy('documents.publishedOn', 'desc').orderBy('documents.ref').limit(TO_READ_LIMIT).execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      ref: r.ref,
      title: r.title,
      type: r.type,
      versionNo: r.publishedVersion ?? 0,
      publishedOn: r.publishedOn,
      lastRemindedAt: (r.lastRemindedAt as string | null) ?? null,
    })),
  };
}

/** Every current document the caller may read, with what the hierarchy view needs (bounded). */
export async function documentTree(ctx: OrgContext) {
  const q = ctx.db
    .selectFrom('documents')
    .select(['id', 'ref', 'title', 'type', 'isSecurityPolicy', 'parentId', 'status', 'classification'])
    .where('orgId', '=', ctx.org.id)
    .where('archivedAt', 'is', null);
  const rows = await readableDocuments(ctx, q)
    .orderBy(sql`length(ref)`)
    .orderBy('ref')
    .limit(2000)
    .execute();
  return { items: rows.map((r) => ({ ...r, isSecurityPolicy: Boolean(r.isSecurityPolicy) })) };
}
