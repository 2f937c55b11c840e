import { templateSections } from '../../schema/documents/document.versioned.js';
import { translate as t } from '../../schema/i18n/translate.js';
import type { OrgContext } from '../context.js';
import { contentHash } from '../versioning/versions.service.js';
import type { DocumentBlock, DocumentModel, VersionedModule } from '../versioning/versioned-module.js';
import { markdownToBlocks } from './document-markdown.js';
import { classificationLabels } from './classification-scheme.service.js';
import type { Classification } from '../../schema/documents/document.register.js';
import { documentVersions } from './document-versions.js';

export interface DocumentExportOptions {
  /** an external copy: confidential parts left out, internal drafts left out of the history, a notice on top */
  external?: boolean;
}

type Version = { versionNo: number; state: string; content: Record<string, unknown>; contentHash?: string };

const NONE = '—';
const day = (iso: unknown) => (typeof iso === 'string' && iso ? iso.slice(0, 10) : '');

async function userNames(ctx: OrgContext, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await ctx.db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', ids).execute();
  return new Map(rows.map((u) => [u.id, `${u.name} <${u.email}>`]));
}

/** Approvers, audience people and roles as named on the document (one query for the relations, one for names). */
async function documentPeople(ctx: OrgContext, documentId: string) {
  const rows = await ctx.db
    .selectFrom('documentPeople')
    .select(['relation', 'subject'])
    .where('orgId', '=', ctx.org.id)
    .where('documentId', '=', documentId)
    .orderBy('subject')
    .execute();
  const of = (relation: string) => rows.filter((r) => r.relation === relation).map((r) => r.subject);
  return { approverIds: of('approver'), audienceUserIds: of('audience_user'), audienceRoles: of('audience_role') };
}

/** When this version was published (its latest publication), if it was. */
async function publicationDate(ctx: OrgContext, record: Record<string, unknown>, versionNo: number): Promise<string> {
  const row = await ctx.db
    .selectFrom('documentPublications')
    .select('publishedAt')
    .where('orgId', '=', ctx.org.id)
    .where('documentId', '=', String(record.id))
    .where('versionNo', '=', versionNo)
    .orderBy('publishedAt', 'desc')
    .executeTakeFirst();
  if (row) return day(row.publishedAt);
  return record.publishedVersion === versionNo ? day(record.publishedOn) : '';
}

/** The administrative block 27003 Annex A a) lists, for this version of the document. */
async function administrativeBlock(
  ctx: OrgContext,
  record: Record<string, unknown>,
  version: Version,
): Promise<[string, string][]> {
  const people = await documentPeople(ctx, String(record.id));
  const ids = [record.ownerId, record.authorId, ...people.approverIds, ...people.audienceUserIds].filter(
    (x): x is string => typeof x === 'string',
  );
  const names = await userNames(ctx, [...new Set(ids)]);
  const name = (id: unknown) => (typeof id === 'string' ? (names.get(id) ?? '') : '');
  // the roles or people named count only when the audience is of that kind
  const audience = [t(`documents.audience.${String(record.audience)}`)];
  if (record.audience === 'roles' && people.audienceRoles.length)
    audience.push(people.audienceRoles.map((r) => t(`role.${r}`)).join(', '));
  if (record.audience === 'people' && people.audienceUserIds.length)
    audience.push(people.audienceUserIds.map(name).join(', '));
  const origin = t(`documents.origin.${String(record.origin)}`);
  const retention = t('documents.export.retentionValue', {
    months: Number(record.retentionMonths),
    action: t(`documents.retentionAction.${String(record.retentionAction)}`),
  });
  const hash = version.contentHash ?? contentHash(version.content);
  return [
    [t('versions.organization'), ctx.org.name],
    [t('versions.reference'), String(record.ref)],
    [t('documents.field.title'), String(record.title)],
    [t('documents.export.type'), t(`documents.type.${String(record.type)}`)],
    [
      t('documents.export.version'),
      t('documents.export.versionState', { no: version.versionNo, state: t(`versions.state.${version.state}`) }),
    ],
    [
      t('documents.export.publishedOn'),
      (await publicationDate(ctx, record, version.versionNo)) || t('documents.export.notPublished'),
    ],
    [t('documents.field.nextReviewDate'), day(record.nextReviewDate) || NONE],
    [t('documents.field.owner'), name(record.ownerId) || NONE],
    [t('documents.field.author'), name(record.authorId) || NONE],
    [
      t('documents.export.approvers'),
      people.approverIds.length ? people.approverIds.map(name).join('\n') : t('documents.export.anyApprover'),
    ],
    [
      t('documents.field.classification'),
      (await classificationLabels(ctx))[record.classification as Classification] ?? String(record.classification),
    ],
    [t('documents.field.audience'), audience.join(': ')],
    [
      t('documents.field.origin'),
      typeof record.source === 'string' && record.source
        ? t('documents.export.originSource', { origin, source: record.source })
        : origin,
    ],
    [
      t('documents.export.retention'),
      record.retentionEndsOn
        ? `${retention} (${t('documents.export.retentionEnds', { date: day(record.retentionEndsOn) })})`
        : retention,
    ],
    [t('versions.contentHash'), hash],
  ];
}

/** Every version with its state, date and change note (an external copy: only approved ones up to this one). */
async function changeHistory(
  ctx: OrgContext,
  documentId: string,
  version: Version,
  external: boolean,
): Promise<DocumentBlock> {
  let q = documentVersions(ctx, ctx.db, documentId).select([
    'versionNo',
    'state',
    'changeNote',
    'approvedAt',
    'updatedAt',
  ]);
  if (external) q = q.where('state', '!=', 'draft').where('versionNo', '<=', version.versionNo);
  const rows = await q.orderBy('versionNo').execute();
  return {
    kind: 'table',
    heading: t('documents.export.changeHistory'),
    columns: [
      t('documents.export.historyVersion'),
      t('documents.export.historyState'),
      t('documents.export.historyDate'),
      t('documents.export.historyNote'),
    ],
    rows: rows.map((r) => [
      String(r.versionNo),
      t(`versions.state.${r.state}`),
      day(r.approvedAt ?? r.updatedAt),
      r.changeNote ?? '',
    ]),
  };
}

/** The sections this type of document uses, each a heading with its Markdown laid out under it; empty ones left out. */
function sectionBlocks(record: Record<string, unknown>, version: Version, external: boolean): DocumentBlock[] {
  const keys = templateSections({
    type: record.type as string,
    isSecurityPolicy: record.isSecurityPolicy === true || record.isSecurityPolicy === 1,
  });
  return keys.flatMap((key): DocumentBlock[] => {
    const markdown = typeof version.content[key] === 'string' ? version.content[key] : '';
    const blocks = markdown.trim() ? markdownToBlocks(markdown, { external }) : [];
    if (!blocks.length) return [];
    const heading = t(`documents.section.${key}`);
    const [first, ...rest] = blocks;
    // Text before the section's first Markdown heading sits right under the section's own heading.
    if (first && !first.heading) return [{ ...first, heading, subheading: false }, ...rest];
    return [{ kind: 'text', heading, paragraphs: [] }, ...blocks];
  });
}

/**
 * The export of one version of a document (the `documentModel` hook of the document versioned module): title and
 * type on top, the administrative block instead of the generic control table, the approvals as recorded, the
 * template's sections from Markdown, and the change history at the end.
 */
export async function documentModelFor(
  ctx: OrgContext,
  record: Record<string, unknown>,
  version: Version,
  model: DocumentModel,
  opts: DocumentExportOptions = {},
): Promise<DocumentModel> {
  const external = opts.external === true;
  return {
    ...model,
    title: String(record.title),
    subtitle: `${t(`documents.type.${String(record.type)}`)} — ${ctx.org.name}`,
    control: await administrativeBlock(ctx, record, version),
    sections: [
      ...sectionBlocks(record, version, external),
      await changeHistory(ctx, String(record.id), version, external),
    ],
    // Empty sections are left out, so an empty text block is a section heading over Markdown sub-headings.
    emptyText: '',
    ...(external
      ? { notice: t('documents.export.externalNotice'), filenameBase: `${model.filenameBase}-external` }
      : {}),
  };
}

/** The document module with its exports laid out as above (for callers that need the external layout). */
export function documentExportModule(vm: VersionedModule, opts: DocumentExportOptions = {}): VersionedModule {
  return { ...vm, documentModel: (ctx, record, version, model) => documentModelFor(ctx, record, version, model, opts) };
}
