import { methodologySchema, type Methodology } from '../../../schema/risks/methodology.schema.js';
import { useT } from '../../i18n/i18n.js';
import type { DataViewProps } from '../../versioning/data-sections.js';
import { FallbackDataView } from '../../versioning/data-section-fallback.js';
import { HeatGrid, LevelLegend } from './heat-grid.js';
import { DataTable } from '../../ui/data-table.js';

/**
 * A methodology version read-only, in the order 6.1.2 a) reads: how risks are analysed (approach, the two scales,
 * C/I/A), the rule for the level of risk (matrix as a heat grid, or formula and thresholds) with the named levels,
 * then the acceptance criteria.
 */
export function MethodologyView(props: DataViewProps) {
  const { t, td } = useT();
  const parsed = methodologySchema.safeParse(props.value);
  if (!parsed.success) return <FallbackDataView {...props} />;
  const m = parsed.data;
  return (
    <div className="mx-view">
      <p className="mx-view__lead">
        <strong>{t('riskMethodology.doc.approach')}:</strong> {td(`riskMethodology.approach.${m.approach}`)}.{' '}
        {m.consequencePerCia
          ? t('riskMethodology.doc.consequencePerCia', { rule: td(`riskMethodology.combination.${m.ciaCombination}`) })
          : t('riskMethodology.doc.consequenceSingle')}
      </p>
      <ScaleTable m={m} scale="likelihood" />
      <ScaleTable m={m} scale="consequence" />
      <h4 className="mx-view__heading">
        {m.rule.kind === 'matrix' ? t('riskMethodology.doc.matrix') : t('riskMethodology.rule.formulaHeading')}
      </h4>
      {m.rule.kind === 'formula' ? <FormulaSummary m={m} /> : null}
      <div className="mx-view__rule">
        <HeatGrid
          m={m}
          caption={t('riskMethodology.gridCaption', { likelihood: m.likelihood.name, consequence: m.consequence.name })}
        />
        <LevelLegend m={m} />
      </div>
      <AcceptanceTable m={m} />
    </div>
  );
}

function ScaleTable({ m, scale }: { m: Methodology; scale: 'likelihood' | 'consequence' }) {
  const { t, formatNumber } = useT();
  const s = m[scale];
  const ranged = m.approach !== 'qualitative' && s.levels.some((l) => l.from !== null || l.to !== null);
  const range = (from: number | null, to: number | null) => {
    const unit = s.unit ? ` ${s.unit}` : '';
    if (from !== null && to !== null) return `${formatNumber(from)}–${formatNumber(to)}${unit}`;
    if (from !== null) return t('riskMethodology.range.from', { from: `${formatNumber(from)}${unit}` });
    if (to !== null) return t('riskMethodology.range.to', { to: `${formatNumber(to)}${unit}` });
    return '';
  };
  // "Likelihood scale: Likelihood" says it twice; the scale's own name is shown only when it adds something.
  const plain =
    s.name.trim().toLowerCase() ===
    t(scale === 'likelihood' ? 'riskMethodology.likelihoodWord' : 'riskMethodology.consequenceWord');
  const heading = plain
    ? t(scale === 'likelihood' ? 'riskMethodology.editor.likelihood' : 'riskMethodology.editor.consequence')
    : t(scale === 'likelihood' ? 'riskMethodology.doc.likelihoodScale' : 'riskMethodology.doc.consequenceScale', {
        name: s.name,
      });
  return (
    <>
      <h4 className="mx-view__heading">{heading}</h4>
      <DataTable
        wrapClassName="mx-view__table"
        caption={heading}
        rows={s.levels}
        rowKey={(l) => String(l.value)}
        columns={[
          { id: 'value', header: t('riskMethodology.doc.value'), className: 'mono', cell: (l) => l.value },
          { id: 'label', header: t('riskMethodology.doc.label'), cell: (l) => <strong>{l.label}</strong> },
          {
            id: 'description',
            header: t('riskMethodology.doc.description'),
            cell: (l) => l.description || <span className="muted">{t('common.empty')}</span>,
          },
          ...(ranged
            ? [
                {
                  id: 'range',
                  header: t('riskMethodology.doc.range'),
                  className: 'nowrap',
                  cell: (l: (typeof s.levels)[number]) => range(l.from, l.to),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}

function FormulaSummary({ m }: { m: Methodology }) {
  const { t, formatNumber } = useT();
  if (m.rule.kind !== 'formula') return null;
  const labels = new Map(m.levels.map((l) => [l.key, l.label]));
  return (
    <>
      <p>{t('riskMethodology.doc.formula', { op: m.rule.formula === 'product' ? '×' : '+' })}</p>
      <DataTable
        wrapClassName="mx-view__table mx-view__table--narrow"
        caption={t('riskMethodology.thresholds')}
        rows={m.rule.thresholds}
        rowKey={(_th, i) => String(i)}
        columns={[
          {
            id: 'threshold',
            header: t('riskMethodology.doc.threshold'),
            className: 'mono',
            cell: (th) => formatNumber(th.min),
          },
          { id: 'level', header: t('riskMethodology.doc.level'), cell: (th) => labels.get(th.level) ?? th.level },
        ]}
      />
      <p className="muted">{t('riskMethodology.formulaGridNote')}</p>
    </>
  );
}

function AcceptanceTable({ m }: { m: Methodology }) {
  const { t } = useT();
  const who = (key: string) =>
    m.acceptance.acceptors
      .filter((a) => a.level === key)
      .map((a) => a.who)
      .join('; ');
  return (
    <>
      <h4 className="mx-view__heading">{t('riskMethodology.doc.acceptance')}</h4>
      <DataTable
        wrapClassName="mx-view__table"
        caption={t('riskMethodology.doc.acceptance')}
        rows={m.levels}
        rowKey={(l) => l.key}
        columns={[
          {
            id: 'level',
            header: t('riskMethodology.doc.level'),
            rowHeader: true,
            cell: (l) => (
              <>
                <span
                  className="heat-legend__swatch heat-legend__swatch--inline"
                  style={{ background: l.colour }}
                  aria-hidden="true"
                />
                {l.label}
              </>
            ),
          },
          {
            id: 'acceptable',
            header: t('riskMethodology.doc.acceptable'),
            cell: (l) =>
              m.acceptance.acceptableLevels.includes(l.key)
                ? `✓ ${t('riskMethodology.doc.yes')}`
                : t('riskMethodology.doc.no'),
          },
          {
            id: 'acceptors',
            header: t('riskMethodology.doc.acceptors'),
            cell: (l) => who(l.key) || <span className="muted">{t('riskMethodology.nobodyNamed')}</span>,
          },
        ]}
      />
      <p className="mx-view__criteria">
        <strong>{t('riskMethodology.doc.otherCriteria')}:</strong>{' '}
        {m.acceptance.otherCriteria ? (
          <span className="prewrap">{m.acceptance.otherCriteria}</span>
        ) : (
          <span className="muted">{t('riskMethodology.none')}</span>
        )}
      </p>
    </>
  );
}
