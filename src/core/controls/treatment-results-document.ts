import { treatmentStatusSchema } from '../../schema/controls/treatment-result.versioned.js';
import type { OrgContext } from '../context.js';
import type { ExportTable } from '../register/register-export.js';
import type { DocumentBlock } from '../versioning/versioned-module.js';
import { planBlocks, planExportTable } from './treatment-plan-document.js';

/** The treatment plan's status at the date (DOCX/PDF): the counts, then every treated risk as the plan shows it. */
export function treatmentStatusBlocks(value: unknown): DocumentBlock[] {
  const { statusDate, counts: c, rows } = treatmentStatusSchema.parse(value);
  return [
    {
      kind: 'table',
      heading: `Status on ${statusDate ?? 'no date'}`,
      subheading: true,
      columns: ['', ''],
      rowHeadings: true,
      widths: [55, 45],
      rows: [
        ['Treated risks', String(c.risks)],
        ['Treatment options chosen', c.options.map((o) => `${o.option}: ${o.count}`).join(', ')],
        ['Actions done', `${c.actionsDone} of ${c.actions}`],
        ['Actions overdue', String(c.actionsOverdue)],
        ['Controls implemented', `${c.controlsImplemented} of ${c.controls}`],
        ['Expected residual risk within the acceptance criteria', String(c.residualAcceptable)],
        ['Expected residual risk beyond the acceptance criteria', String(c.residualBeyondAcceptance)],
        ['… of which accepted by the risk owner', String(c.residualBeyondAccepted)],
        ['Residual risk accepted by the risk owner', String(c.accepted)],
        ['Residual risk not (or no longer) accepted', String(c.notAccepted)],
      ],
    },
    ...planBlocks({ rows }),
  ];
}

/** One version's treated risks as a table for XLSX/CSV: the plan's columns, titled with the status date. */
export function treatmentStatusExportTable(
  ctx: OrgContext,
  content: Record<string, unknown>,
  v: { versionNo: number; state: string },
): ExportTable {
  const { statusDate, rows } = treatmentStatusSchema.parse(content.plan);
  const table = planExportTable(ctx, { plan: { rows } }, v);
  return {
    ...table,
    title: `Risk treatment results on ${statusDate ?? 'no date'} v${v.versionNo}`,
    filenameBase: `${ctx.org.slug}-risk-treatment-results-${statusDate ?? 'undated'}-v${v.versionNo}-${v.state}`,
  };
}
