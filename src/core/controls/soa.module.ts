import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import {
  soaRegister,
  soaStatementSchema,
  soaVersioned,
  type SoaRow,
  type SoaStatement,
} from '../../schema/controls/soa.register.js';
import type { OrgContext } from '../context.js';
import type { ExportTable } from '../register/register-export.js';
import { onePerOrganization } from '../register/one-per-organization.js';
import type { RegisterModule } from '../register/register-module.js';
import type { DocumentBlock, VersionedModule } from '../versioning/versioned-module.js';
import { translate as t } from '../../schema/i18n/translate.js';
import { requirementsOf } from './controls.service.js';

const APPLICABILITY_WORDS = { undecided: 'Not decided', applicable: 'Applicable', excluded: 'Excluded' } as const;
/** implementation statuses in the words of the screens (the message catalog) */
const statusWords = (key: string) => t(`controls.implementationStatus.${key}`);
const EXCLUSION_WORDS = {
  not_needed: 'Not needed by any chosen risk treatment',
  out_of_scope: 'Outside the scope of the ISMS',
  replaced: 'Replaced by a custom control',
} as const;

/** Every current control's SoA line as it stands now, in catalog order (read inside the caller's transaction). */
export async function buildStatement(ctx: OrgContext, db: Db): Promise<SoaStatement> {
  const settings = await db
    .selectFrom('controlSettings')
    .select('edition')
    .where('orgId', '=', ctx.org.id)
    .executeTakeFirst();
  const controls = await db
    .selectFrom('controls')
    .leftJoin('users', 'users.id', 'controls.ownerId')
    .leftJoin('controls as replacement', 'replacement.id', 'controls.replacedById')
    .select([
      'controls.id',
      'controls.ref',
      'controls.title',
      'controls.source',
      'controls.theme',
      'controls.objective',
      'controls.applicability',
      'controls.statedReason',
      'controls.exclusionReason',
      'replacement.ref as replacedBy',
      'controls.exclusionExplanation',
      'controls.implementationStatus',
      'controls.plannedDate',
      'users.name as owner',
      'controls.implementation',
    ])
    .where('controls.orgId', '=', ctx.org.id)
    .where('controls.archivedAt', 'is', null)
    .orderBy('controls.sortKey')
    .execute();
  const treated = await db
    .selectFrom('riskControls')
    .innerJoin('risks', 'risks.id', 'riskControls.riskId')
    .select(['riskControls.controlId', 'risks.ref', 'risks.title'])
    .where('riskControls.orgId', '=', ctx.org.id)
    .where('risks.orgId', '=', ctx.org.id)
    .where('risks.archivedAt', 'is', null)
    // RSK-999 before RSK-1000: by length, then text
    .orderBy(sql`length(risks.ref)`)
    .orderBy('risks.ref')
    .execute();
  const risksOf = new Map<string, { ref: string; title: string }[]>();
  for (const t of treated) {
    const list = risksOf.get(t.controlId);
    if (list) list.push({ ref: t.ref, title: t.title });
    else risksOf.set(t.controlId, [{ ref: t.ref, title: t.title }]);
  }
  const requirements = await requirementsOf(
    ctx,
    controls.map((c) => c.id),
    db,
  );
  const rows: SoaRow[] = controls.map(({ id, ...c }) => ({
    ...(c as Omit<SoaRow, 'risks' | 'requirements'>),
    risks: risksOf.get(id) ?? [],
    requirements: (requirements.get(id) ?? []).map((r) => ({ ref: r.ref, title: r.title })),
  }));
  return { edition: settings?.edition ?? null, rows };
}

/** How many risk references a line of the SoA document names before it gives the count of the rest. */
export const SOA_RISKS_NAMED = 12;

/**
 * The first references and a count of the rest: a control that treats thousands of risks would otherwise fill pages
 * of the document with references (the treatment plan and the SoA's XLSX export list every one).
 */
function shortList(refs: string[]): string {
  if (refs.length <= SOA_RISKS_NAMED) return refs.join(', ');
  const rest = refs.length - SOA_RISKS_NAMED;
  return `${refs.slice(0, SOA_RISKS_NAMED).join(', ')} and ${rest.toLocaleString('en')} more (the treatment plan lists them all)`;
}

/** Why a line is what it is, in words: reasons for inclusion, or the reason for exclusion. */
export function justificationText(row: SoaRow): string {
  if (row.applicability === 'excluded') {
    const why = row.exclusionReason ? EXCLUSION_WORDS[row.exclusionReason] : 'No reason given';
    const by = row.exclusionReason === 'replaced' && row.replacedBy ? ` (${row.replacedBy})` : '';
    return [`${why}${by}`, row.exclusionExplanation].filter(Boolean).join('. ');
  }
  const parts: string[] = [];
  if (row.risks.length) parts.push(`Treats ${shortList(row.risks.map((r) => r.ref))}`);
  if (row.requirements.length) parts.push(`Required by ${row.requirements.map((r) => r.ref).join(', ')}`);
  if (row.statedReason) parts.push(row.statedReason);
  return parts.join('. ');
}

const statusText = (row: SoaRow) =>
  row.applicability !== 'applicable'
    ? ''
    : row.implementationStatus === 'planned' && row.plannedDate
      ? `Planned for ${row.plannedDate}`
      : statusWords(row.implementationStatus);

/** The SoA lines as a document table (DOCX/PDF). */
function statementBlocks(value: unknown): DocumentBlock[] {
  const s = soaStatementSchema.parse(value);
  const counts = { applicable: 0, excluded: 0, undecided: 0 };
  for (const r of s.rows) counts[r.applicability] += 1;
  return [
    {
      kind: 'text',
      heading: 'Summary',
      subheading: true,
      paragraphs: [
        `${s.rows.length} controls: ${counts.applicable} applicable, ${counts.excluded} excluded${counts.undecided ? `, ${counts.undecided} not yet decided` : ''}.`,
      ],
    },
    {
      kind: 'table',
      heading: 'Controls',
      subheading: true,
      columns: ['Control', 'Title', 'Applicability', 'Justification', 'Implementation', 'Owner'],
      // landscape, the justification widest
      wide: true,
      widths: [7, 21, 12, 32, 14, 14],
      rows: s.rows.map((r) => [
        r.ref,
        r.title,
        APPLICABILITY_WORDS[r.applicability],
        justificationText(r),
        statusText(r),
        r.owner ?? '',
      ]),
    },
  ];
}

/** One Statement of Applicability per organization: its versions are its history. */
export const soaModule: RegisterModule<typeof soaRegister.fields> = {
  def: soaRegister,
  beforeWrite: onePerOrganization('statementsOfApplicability', 'Statement of Applicability'),
};

export const soaVersionedModule: VersionedModule = {
  register: soaModule,
  versioned: soaVersioned,
  renderData: (key, value) => (key === 'statement' ? statementBlocks(value) : []),
  exportTable: (ctx, content, v) => soaExportTable(ctx, content, v),
  async prepareDraft(ctx, trx, _recordId, content) {
    return { ...content, statement: await buildStatement(ctx, trx) };
  },
};

/** One version's lines as a table for XLSX/CSV: one sheet, every column an auditor filters on. */
function soaExportTable(
  ctx: OrgContext,
  content: Record<string, unknown>,
  v: { versionNo: number; state: string },
): ExportTable {
  const s = soaStatementSchema.parse(content.statement);
  return {
    title: `Statement of Applicability v${v.versionNo}`,
    filenameBase: `${ctx.org.slug}-soa-v${v.versionNo}-${v.state}`,
    columns: [
      { key: 'ref', header: 'Control', kind: 'text' },
      { key: 'title', header: 'Title', kind: 'text' },
      { key: 'source', header: 'Source', kind: 'text' },
      { key: 'group', header: 'Theme / objective', kind: 'text' },
      { key: 'applicability', header: 'Applicability', kind: 'text' },
      { key: 'risks', header: 'Treats risks', kind: 'text' },
      { key: 'requirements', header: 'Required by', kind: 'text' },
      { key: 'statedReason', header: 'Best practice / business requirement', kind: 'text' },
      { key: 'exclusion', header: 'Reason for exclusion', kind: 'text' },
      { key: 'exclusionExplanation', header: 'Explanation of exclusion', kind: 'text' },
      { key: 'status', header: 'Implementation status', kind: 'text' },
      { key: 'plannedDate', header: 'Planned for', kind: 'text' },
      { key: 'owner', header: 'Control owner', kind: 'text' },
      { key: 'implementation', header: 'How it is implemented', kind: 'text' },
    ],
    rows: s.rows.map((r) => [
      r.ref,
      r.title,
      r.source === 'custom' ? 'Custom' : `Annex A ${r.source.slice(-4)}`,
      r.theme ?? r.objective,
      APPLICABILITY_WORDS[r.applicability],
      r.risks.map((x) => `${x.ref} ${x.title}`).join('; ') || null,
      r.requirements.map((x) => `${x.ref} ${x.title}`).join('; ') || null,
      r.statedReason,
      r.exclusionReason ? EXCLUSION_WORDS[r.exclusionReason] + (r.replacedBy ? ` (${r.replacedBy})` : '') : null,
      r.exclusionExplanation,
      r.applicability === 'applicable' ? statusWords(r.implementationStatus) : null,
      r.plannedDate,
      r.owner,
      r.implementation,
    ]),
  };
}
