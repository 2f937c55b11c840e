import { methodologySchema, type Methodology } from '../../schema/risks/methodology.schema.js';
import { translate as t } from '../../schema/i18n/translate.js';
import type { DocumentBlock } from '../versioning/versioned-module.js';

const range = (from: number | null, to: number | null, unit: string) =>
  from === null && to === null ? '' : `${from ?? ''}–${to ?? ''}${unit ? ` ${unit}` : ''}`;

function scaleBlock(heading: string, scale: Methodology['likelihood'], quantitative: boolean): DocumentBlock {
  const columns = [
    t('riskMethodology.doc.level'),
    t('riskMethodology.doc.label'),
    t('riskMethodology.doc.value'),
    ...(quantitative ? [t('riskMethodology.doc.range')] : []),
    t('riskMethodology.doc.description'),
  ];
  const rows = scale.levels.map((l, i) => [
    String(i + 1),
    l.label,
    String(l.value),
    ...(quantitative ? [range(l.from, l.to, scale.unit)] : []),
    l.description,
  ]);
  // the description is what an assessor reads: it gets the width
  return {
    kind: 'table',
    heading,
    columns,
    rows,
    subheading: true,
    widths: [8, 20, 8, ...(quantitative ? [14] : []), quantitative ? 50 : 64],
  };
}

/**
 * The methodology as an auditor reads it: approach, both scales, how consequence per C/I/A combines, the levels of
 * risk, the matrix coloured by level (or the formula and thresholds), and the acceptance criteria.
 */
export function methodologyBlocks(value: unknown): DocumentBlock[] {
  const m = methodologySchema.parse(value);
  const quantitative = m.approach !== 'qualitative';
  const label = (key: string) => m.levels.find((l) => l.key === key)?.label ?? key;
  const colour = (key: string) => m.levels.find((l) => l.key === key)?.colour ?? null;
  const blocks: DocumentBlock[] = [
    {
      kind: 'text',
      heading: t('riskMethodology.section.methodology'),
      paragraphs: [
        `${t('riskMethodology.doc.approach')}: ${t(`riskMethodology.approach.${m.approach}`)}.`,
        m.consequencePerCia
          ? t('riskMethodology.doc.consequencePerCia', { rule: t(`riskMethodology.combination.${m.ciaCombination}`) })
          : t('riskMethodology.doc.consequenceSingle'),
      ],
    },
    scaleBlock(t('riskMethodology.doc.likelihoodScale', { name: m.likelihood.name }), m.likelihood, quantitative),
    scaleBlock(t('riskMethodology.doc.consequenceScale', { name: m.consequence.name }), m.consequence, quantitative),
    {
      kind: 'table',
      heading: t('riskMethodology.doc.riskLevels'),
      subheading: true,
      columns: [
        t('riskMethodology.doc.label'),
        t('riskMethodology.doc.acceptable'),
        t('riskMethodology.doc.description'),
      ],
      widths: [20, 14, 66],
      rows: m.levels.map((l) => [
        l.label,
        t(m.acceptance.acceptableLevels.includes(l.key) ? 'riskMethodology.doc.yes' : 'riskMethodology.doc.no'),
        l.description,
      ]),
      fills: m.levels.map((l) => [l.colour, null, null]),
    },
  ];
  if (m.rule.kind === 'matrix') {
    const cells = m.rule.cells;
    // Most likely first, as risk matrices are usually drawn.
    const order = m.likelihood.levels.map((_, i) => i).reverse();
    blocks.push({
      kind: 'table',
      heading: t('riskMethodology.doc.matrix'),
      subheading: true,
      rowHeadings: true,
      columns: [
        `${m.likelihood.name} \\ ${m.consequence.name}`,
        ...m.consequence.levels.map((l, j) => `${j + 1}. ${l.label}`),
      ],
      rows: order.map((i) => [`${i + 1}. ${m.likelihood.levels[i]!.label}`, ...cells[i]!.map(label)]),
      fills: order.map((i) => [null, ...cells[i]!.map(colour)]),
    });
  } else {
    blocks.push({
      kind: 'table',
      heading: t('riskMethodology.doc.formula', { op: m.rule.formula === 'product' ? '×' : '+' }),
      subheading: true,
      columns: [t('riskMethodology.doc.threshold'), t('riskMethodology.doc.label')],
      rows: m.rule.thresholds.map((th) => [String(th.min), label(th.level)]),
      fills: m.rule.thresholds.map((th) => [null, colour(th.level)]),
    });
  }
  blocks.push({
    kind: 'table',
    heading: t('riskMethodology.doc.acceptance'),
    subheading: true,
    columns: [t('riskMethodology.doc.label'), t('riskMethodology.doc.acceptors')],
    rows: m.acceptance.acceptors.map((a) => [label(a.level), a.who]),
  });
  if (m.acceptance.otherCriteria)
    blocks.push({
      kind: 'text',
      heading: t('riskMethodology.doc.otherCriteria'),
      paragraphs: m.acceptance.otherCriteria.split(/\n\s*\n/),
      subheading: true,
    });
  return blocks;
}
