import type { OrgContext } from '../core/context.js';
import { getRecord } from '../core/register/register.service.js';
import { getVersion } from '../core/versioning/versions.service.js';
import type { DocumentBlock, DocumentModel, VersionedModule } from '../core/versioning/versioned-module.js';
import { translate as t } from '../schema/i18n/translate.js';

export type { DocumentModel };

/** One version of a versioned record as a document an auditor can file: control block, approvals, sections. */
export async function buildDocumentModel(
  ctx: OrgContext,
  vm: VersionedModule,
  recordId: string,
  versionNo: number,
): Promise<DocumentModel> {
  const record = await getRecord(ctx, vm.register, recordId);
  const version = await getVersion(ctx, vm, recordId, versionNo);
  let owner = '';
  if (typeof record.ownerId === 'string') {
    const u = await ctx.db
      .selectFrom('users')
      .select(['name', 'email'])
      .where('id', '=', record.ownerId)
      .executeTakeFirst();
    owner = u ? `${u.name} <${u.email}>` : '';
  }
  const state = t(`versions.state.${version.state}`);
  const stage = version.stage ? t(`${vm.register.def.entity}.stage.${version.stage}`) : '';
  const control: [string, string][] = [
    [t('versions.organization'), ctx.org.name],
    [t('versions.reference'), String(record.ref)],
    [t('versions.versionLabel'), String(version.versionNo)],
    [t('versions.field.latestState'), state],
    ...(stage ? [[t('versions.stage'), stage] as [string, string]] : []),
    ...(owner ? [[t('versions.owner'), owner] as [string, string]] : []),
    ...(version.changeNote ? [[t('versions.changeNote'), version.changeNote] as [string, string]] : []),
    [t('versions.contentHash'), version.contentHash],
  ];
  const sections = vm.versioned.sections.flatMap((s): DocumentBlock[] => {
    const value = version.content[s.key];
    if (s.kind === 'data') {
      if (!vm.renderData) throw new Error(`${vm.register.def.entity} has a data section but no renderData`);
      return vm.renderData(s.key, value);
    }
    if (s.kind === 'text') {
      const paragraphs = String(value ?? '')
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean);
      return [{ kind: 'text', heading: t(s.label), paragraphs }];
    }
    const rows = ((value as Record<string, string>[] | undefined) ?? []).map((r) =>
      s.columns.map((c) => r[c.key] ?? ''),
    );
    return [{ kind: 'table', heading: t(s.label), columns: s.columns.map((c) => t(c.label)), rows }];
  });
  const generated = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const recordTitle = String(record[vm.register.def.titleField] ?? '').trim();
  const model: DocumentModel = {
    title: vm.versioned.documentTitle,
    // a record titled like its kind of document ("Statement of Applicability") does not say it twice
    subtitle:
      !recordTitle || recordTitle.toLowerCase() === vm.versioned.documentTitle.toLowerCase()
        ? ctx.org.name
        : `${recordTitle} — ${ctx.org.name}`,
    footer: `${record.ref} · ${t('versions.version', { no: version.versionNo })} · ${state} · ${t('versions.generated', { date: `${generated} UTC` })}`,
    control,
    approvalHeading: t('versions.approvalBlock'),
    approvalColumns: [t('versions.approvedBy'), t('versions.role'), t('versions.meaning'), t('versions.signedAt')],
    approvals: version.approvals.map((a) => [
      `${a.signerName} <${a.signerEmail}>`,
      t(`role.${a.signerRole}`),
      a.comment ? `${a.meaning}\n${t('versions.comment')}: ${a.comment}` : a.meaning,
      `${a.signedAt.slice(0, 16).replace('T', ' ')} UTC`,
    ]),
    approvalNote: version.state === 'draft' ? t('versions.notApproved') : null,
    sections,
    emptyText: t('versions.nothingRecorded'),
    filenameBase: `${ctx.org.slug}-${String(record.ref).toLowerCase()}-v${version.versionNo}`,
  };
  return vm.documentModel ? vm.documentModel(ctx, record, version, model) : model;
}
