import { assessmentResultsSchema, type ResultRisk } from '../../schema/risks/assessment-results.versioned.js';
import type { OrgContext } from '../context.js';
import type { ExportTable } from '../register/register-export.js';
import type { DocumentBlock } from '../versioning/versioned-module.js';

const CHANGE_WORDS = { added: 'New', removed: 'Removed', rose: 'Rose', fell: 'Fell', same: 'Same level' } as const;
const CROSSING_WORDS = { to_unacceptable: 'Now beyond acceptance', to_acceptable: 'Now acceptable' } as const;

const acceptableText = (v: boolean | null) => (v === null ? 'Not evaluated' : v ? 'Acceptable' : 'Not acceptable');
const num = (v: number | null) => (v === null ? '' : String(v));
const analysisText = (r: ResultRisk) =>
  [
    r.event && `Event: ${r.event}`,
    r.cause && `Cause: ${r.cause}`,
    r.consequenceDescription && `Consequence: ${r.consequenceDescription}`,
    r.existingControls && `Existing controls: ${r.existingControls}`,
  ]
    .filter(Boolean)
    .join('\n');

/** The results as document blocks (DOCX/PDF): where and how it ran, the counts, every risk, what changed. */
export function resultsBlocks(value: unknown): DocumentBlock[] {
  const r = assessmentResultsSchema.parse(value);
  const c = r.counts;
  const blocks: DocumentBlock[] = [
    {
      kind: 'table',
      heading: 'The assessment',
      subheading: true,
      columns: ['', ''],
      rowHeadings: true,
      widths: [30, 70],
      rows: [
        ['Assessment', `${r.assessment.ref} ${r.assessment.title}`],
        ['Started', r.assessment.startedOn ?? ''],
        [
          'Closed',
          `${(r.assessment.closedAt ?? '').slice(0, 10)}${r.assessment.closedBy ? ` by ${r.assessment.closedBy}` : ''}`,
        ],
        ['Scope of this assessment', r.assessment.scopeDescription ?? ''],
        [
          'Scope statement (4.3)',
          r.scope
            ? `${r.scope.ref} ${r.scope.title}, version ${r.scope.versionNo}: ${r.scope.statement}`
            : 'None approved',
        ],
        ['Methodology (6.1.2)', r.methodology ? `${r.methodology.ref} version ${r.methodology.versionNo}` : 'None'],
        [
          'Risks',
          `${c.total}: ${c.acceptable} acceptable, ${c.notAcceptable} not acceptable, ${c.notEvaluated} not evaluated`,
        ],
      ],
    },
    {
      kind: 'table',
      heading: 'Risks by level',
      subheading: true,
      columns: ['Level', 'Risks'],
      rows: c.byLevel.map((l) => [l.levelLabel ?? l.level, String(l.count)]),
    },
    {
      kind: 'table',
      heading: 'Risks in priority order',
      subheading: true,
      // many columns: landscape, the analysis given the most room
      wide: true,
      columns: ['#', 'Risk', 'Owner', 'Analysis', 'L', 'C', 'Score', 'Level', 'Evaluation', 'Priority'],
      widths: [4, 18, 10, 32, 4, 4, 6, 9, 8, 5],
      rows: r.risks.map((x) => [
        num(x.rank),
        `${x.ref} ${x.title}`,
        x.owner ?? '',
        analysisText(x),
        num(x.likelihood),
        num(x.consequence),
        num(x.score),
        x.levelLabel ?? '',
        acceptableText(x.acceptable),
        num(x.priority),
      ]),
    },
  ];
  if (!r.changes)
    blocks.push({
      kind: 'text',
      heading: 'Changes since the previous assessment',
      subheading: true,
      paragraphs: ['This is the first closed assessment: there is nothing to compare it with.'],
    });
  else {
    const s = r.changes.summary;
    blocks.push(
      {
        kind: 'text',
        heading: 'Changes since the previous assessment',
        subheading: true,
        paragraphs: [
          `Compared with ${r.changes.previous.ref} ${r.changes.previous.title} (closed ${(r.changes.previous.closedAt ?? '').slice(0, 10)}): ${s.added} new, ${s.removed} removed, ${s.rose} rose, ${s.fell} fell, ${s.unchanged} unchanged; ${s.toUnacceptable} became not acceptable, ${s.toAcceptable} became acceptable.`,
          ...(r.changes.methodologyChanged ? ['The methodology version changed between the two assessments.'] : []),
        ],
      },
      {
        kind: 'table',
        heading: 'Risks that changed',
        subheading: true,
        columns: ['Risk', 'Change', 'Before', 'After', 'Acceptance'],
        widths: [36, 12, 18, 18, 16],
        rows: r.changes.rows.map((x) => [
          `${x.ref} ${x.title}`,
          CHANGE_WORDS[x.change],
          x.before ? `${x.before.levelLabel ?? ''} (${num(x.before.score)})` : '',
          x.after ? `${x.after.levelLabel ?? ''} (${num(x.after.score)})` : '',
          x.crossed ? CROSSING_WORDS[x.crossed] : '',
        ]),
      },
    );
  }
  return blocks;
}

/** One version's risks as a table for XLSX/CSV (the export route adds the approval sheet or columns). */
export function resultsExportTable(
  ctx: OrgContext,
  content: Record<string, unknown>,
  v: { versionNo: number; state: string },
): ExportTable {
  const r = assessmentResultsSchema.parse(content.results);
  const t = (key: string, header: string) => ({ key, header, kind: 'text' as const });
  const n = (key: string, header: string) => ({ key, header, kind: 'number' as const });
  const change = new Map((r.changes?.rows ?? []).map((x) => [x.ref, x]));
  return {
    title: `Risk assessment results ${r.assessment.ref} v${v.versionNo}`,
    filenameBase: `${ctx.org.slug}-${r.assessment.ref.toLowerCase()}-results-v${v.versionNo}-${v.state}`,
    columns: [
      n('rank', 'Priority order'),
      t('ref', 'Risk'),
      t('title', 'Title'),
      t('owner', 'Owner'),
      t('status', 'Status'),
      t('event', 'Event'),
      t('cause', 'Cause'),
      t('consequenceDescription', 'Consequence'),
      t('existingControls', 'Existing controls'),
      n('likelihood', 'Likelihood'),
      n('consequence', 'Consequence level'),
      n('score', 'Score'),
      t('level', 'Level'),
      t('evaluation', 'Evaluation'),
      n('priority', 'Priority'),
      t('change', 'Change since previous'),
    ],
    rows: r.risks.map((x) => {
      const ch = change.get(x.ref);
      return [
        x.rank,
        x.ref,
        x.title,
        x.owner,
        x.status,
        x.event,
        x.cause,
        x.consequenceDescription,
        x.existingControls,
        x.likelihood,
        x.consequence,
        x.score,
        x.levelLabel,
        acceptableText(x.acceptable),
        x.priority,
        ch ? [CHANGE_WORDS[ch.change], ch.crossed ? CROSSING_WORDS[ch.crossed] : ''].filter(Boolean).join(', ') : null,
      ];
    }),
  };
}
