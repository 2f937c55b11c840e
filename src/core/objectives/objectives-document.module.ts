import {
  objectivesDocumentRegister,
  objectivesDocumentVersioned,
  objectivesSnapshotSchema,
  type ObjectiveSnapshot,
} from '../../schema/objectives/objectives-document.register.js';
import { translate as t } from '../../schema/i18n/translate.js';
import type { OrgContext } from '../context.js';
import type { ExportTable } from '../register/register-export.js';
import { onePerOrganization } from '../register/one-per-organization.js';
import type { RegisterModule } from '../register/register-module.js';
import type { DocumentBlock, VersionedModule } from '../versioning/versioned-module.js';
import { buildObjectivesSnapshot } from './objectives-snapshot.js';

const DIRECTION_SIGNS = { at_least: '≥', at_most: '≤', reach: 'reach' } as const;
const names = (xs: { ref: string; title: string }[]) => xs.map((x) => `${x.ref} ${x.title}`).join('; ');

/** "≥ 95 %" / "reach 4 (level)"; the reason when it is not measured. */
export function targetText(o: ObjectiveSnapshot): string {
  if (o.measurementMode === 'not_practicable') return 'Not practicable to measure';
  if (o.targetValue === null || !o.targetDirection) return '';
  return `${DIRECTION_SIGNS[o.targetDirection]} ${o.targetValue}${o.targetUnit ? ` ${o.targetUnit}` : ''}`;
}

function measurementText(o: ObjectiveSnapshot): string {
  if (o.measurementMode === 'not_practicable')
    return [o.notMeasurableReason, o.judgementMethod && `Judged by: ${o.judgementMethod}`].filter(Boolean).join(' ');
  if (o.measurementMode === 'measures') return o.measures.length ? `Measures: ${names(o.measures)}` : 'Measures';
  return 'Manual progress entries';
}

function levelText(o: ObjectiveSnapshot): string {
  if (o.level === 'function') return `Function: ${o.functionName ?? ''}`;
  if (o.level === 'process') return `Process: ${o.process ? `${o.process.ref} ${o.process.title}` : ''}`;
  return 'Organization';
}

const statusText = (o: ObjectiveSnapshot) =>
  o.progressStatus ? t(`objectives.progressStatus.${o.progressStatus}`) : '';
const latestText = (o: ObjectiveSnapshot) =>
  o.latestValue === null ? '' : `${o.latestValue}${o.targetUnit ? ` ${o.targetUnit}` : ''} (${o.latestValueDate})`;

/** The objectives as document tables (DOCX/PDF): the set, then each one's plan (6.2 f–j) and what it answers. */
function objectivesBlocks(value: unknown): DocumentBlock[] {
  const { objectives } = objectivesSnapshotSchema.parse(value);
  return [
    {
      kind: 'table',
      heading: 'Objectives',
      subheading: true,
      wide: true,
      columns: ['Ref', 'Objective', 'Level', 'Policy', 'Target', 'Deadline', 'Measured by', 'Responsible', 'Status'],
      widths: [6, 22, 11, 11, 8, 8, 16, 9, 9],
      rows: objectives.map((o) => [
        o.ref,
        [o.title, o.statement].filter(Boolean).join(': '),
        levelText(o),
        [o.policy ? `${o.policy.ref} ${o.policy.title}` : '', o.policyObjective ?? ''].filter(Boolean).join(', '),
        targetText(o),
        o.deadline ?? '',
        measurementText(o),
        o.owner ?? '',
        [statusText(o), latestText(o)].filter(Boolean).join(', '),
      ]),
    },
    {
      kind: 'table',
      heading: 'Plans and what they answer',
      subheading: true,
      wide: true,
      columns: ['Ref', 'What will be done', 'Resources', 'How results are evaluated', 'Answers'],
      widths: [6, 30, 18, 22, 24],
      rows: objectives.map((o) => [
        o.ref,
        o.plannedWork ?? '',
        o.resources ?? '',
        o.evaluationMethod ?? '',
        names([...o.requirements, ...o.issues, ...o.risks]),
      ]),
    },
  ];
}

/** One version's objectives as a table for XLSX/CSV (the export route adds the approval sheet). */
function objectivesExportTable(
  ctx: OrgContext,
  content: Record<string, unknown>,
  v: { versionNo: number; state: string },
): ExportTable {
  const { objectives } = objectivesSnapshotSchema.parse(content.objectives);
  const text = (key: string, header: string) => ({ key, header, kind: 'text' as const });
  return {
    title: `Information security objectives v${v.versionNo}`,
    filenameBase: `${ctx.org.slug}-objectives-v${v.versionNo}-${v.state}`,
    columns: [
      text('ref', 'Ref'),
      text('title', 'Objective'),
      text('statement', 'Statement'),
      text('level', 'Level'),
      text('parent', 'Contributes to'),
      text('policy', 'Policy'),
      text('policyObjective', 'Policy objective'),
      text('owner', 'Responsible'),
      text('measurement', 'Measured by'),
      { key: 'targetValue', header: 'Target', kind: 'number' },
      text('targetUnit', 'Unit'),
      text('targetDirection', 'Direction'),
      { key: 'baselineValue', header: 'Baseline', kind: 'number' },
      { key: 'startDate', header: 'Start', kind: 'date' },
      { key: 'deadline', header: 'Deadline', kind: 'date' },
      text('plannedWork', 'What will be done'),
      text('resources', 'Resources'),
      text('evaluationMethod', 'How results are evaluated'),
      text('requirements', 'Requirements (4.2)'),
      text('issues', 'Issues (4.1)'),
      text('risks', 'Risks'),
      { key: 'latestValue', header: 'Latest value', kind: 'number' },
      { key: 'latestValueDate', header: 'Latest value on', kind: 'date' },
      text('status', 'Status'),
    ],
    rows: objectives.map((o) => [
      o.ref,
      o.title,
      o.statement,
      levelText(o),
      o.parent ? `${o.parent.ref} ${o.parent.title}` : null,
      o.policy ? `${o.policy.ref} ${o.policy.title}` : null,
      o.policyObjective,
      o.owner,
      measurementText(o),
      o.targetValue,
      o.targetUnit,
      o.targetDirection ? t(`objectives.targetDirection.${o.targetDirection}`) : null,
      o.baselineValue,
      o.startDate,
      o.deadline,
      o.plannedWork,
      o.resources,
      o.evaluationMethod,
      names(o.requirements) || null,
      names(o.issues) || null,
      names(o.risks) || null,
      o.latestValue,
      o.latestValueDate,
      statusText(o) || null,
    ]),
  };
}

/** One objectives document per organization: its versions are its history. */
export const objectivesDocumentModule: RegisterModule<typeof objectivesDocumentRegister.fields> = {
  def: objectivesDocumentRegister,
  beforeWrite: onePerOrganization('objectivesDocuments', 'objectives document'),
};

export const objectivesDocumentVersionedModule: VersionedModule = {
  register: objectivesDocumentModule,
  versioned: objectivesDocumentVersioned,
  renderData: (key, value) => (key === 'objectives' ? objectivesBlocks(value) : []),
  exportTable: (ctx, content, v) => objectivesExportTable(ctx, content, v),
  /** the objectives are taken from the register as it stands, whatever the client sent for them */
  async prepareDraft(ctx, trx, _recordId, content) {
    return { ...content, objectives: await buildObjectivesSnapshot(ctx, trx) };
  },
};
