import type { ReviewInputs } from '../../schema/management-review/review-inputs.schema.js';
import { translate as t } from '../../schema/i18n/translate.js';
import type { DocumentBlock } from '../versioning/versioned-module.js';

/**
 * The compiled inputs as document blocks (the minutes' DOCX/PDF): per input its heading ("a) Status of actions from
 * previous management reviews"), its facts as a two-column table, its tables and charts as subheadings, and what
 * Rampart does not compile yet as text. A section with nothing at all says so, rather than a bare heading.
 */
export function reviewInputsBlocks(inputs: ReviewInputs): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  for (const s of inputs.sections) {
    const heading = t(`review-inputs.heading.${s.key}`);
    const empty = !s.facts.length && !s.tables.length && !s.charts.length && !s.notBuilt.length;
    blocks.push({ kind: 'text', heading, paragraphs: empty ? [t('review-inputs.nothing')] : [] });
    if (s.facts.length)
      blocks.push({
        kind: 'table',
        heading: t('review-inputs.facts'),
        subheading: true,
        columns: [t('review-inputs.fact'), t('review-inputs.value')],
        rows: s.facts.map(([label, value]) => [label, value]),
        widths: [3, 1],
      });
    for (const table of s.tables)
      blocks.push(
        table.rows.length
          ? {
              kind: 'table',
              heading: table.title,
              subheading: true,
              columns: table.columns,
              rows: table.rows,
              wide: table.columns.length > 6,
            }
          : { kind: 'text', heading: table.title, subheading: true, paragraphs: [table.emptyText] },
      );
    for (const c of s.charts) blocks.push({ kind: 'chart', heading: c.title, subheading: true, chart: c.chart });
    if (s.notBuilt.length)
      blocks.push({ kind: 'text', heading: t('review-inputs.notBuilt'), subheading: true, paragraphs: s.notBuilt });
  }
  return blocks;
}
