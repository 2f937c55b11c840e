import type { ReactNode } from 'react';
import {
  type ReviewInputKey,
  type ReviewInputSection,
  type ReviewInputs,
} from '../../schema/management-review/review-inputs.schema.js';
import { useT } from '../i18n/i18n.js';
import { ChartSpecFigure } from '../ui/charts/chart-spec-figure.js';
import { DataTable } from '../ui/data-table.js';

/** "a) Status of actions from previous management reviews": the input's letter and its name in 9.3.2. */
export function useInputTitle(): (key: ReviewInputKey) => string {
  const { t } = useT();
  return (key) => t(`review-inputs.heading.${key}`);
}

/** When and as of which date the inputs were compiled, and since which review changes are counted. */
export function InputsStamp({ inputs, live }: { inputs: ReviewInputs; live: boolean }) {
  const { t, formatDate } = useT();
  return (
    <p className="muted small mr-inputs__stamp">
      {live ? t('mr.inputs.live') : t('mr.inputs.frozen')}{' '}
      {t('mr.inputs.asOf', { date: inputs.asOf ? formatDate(inputs.asOf) : '—' })}{' '}
      {inputs.since
        ? t('mr.inputs.since', { ref: inputs.since.ref, date: formatDate(inputs.since.heldOn) })
        : t('mr.inputs.sinceNone')}
    </p>
  );
}

/**
 * One input as compiled: its headline figures, tables, charts (drawn from their ChartSpecs) and, said plainly,
 * what Rampart cannot compile because its module is not built yet. `aside` holds the commentary, under the heading.
 */
export function InputSectionView({
  section,
  headingLevel = 2,
  aside,
}: {
  section: ReviewInputSection;
  headingLevel?: 2 | 3;
  aside?: ReactNode;
}) {
  const { t } = useT();
  const title = useInputTitle()(section.key);
  const id = `mr-input-${section.key}`;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="card mr-input" aria-labelledby={id}>
      <Heading id={id} className="card__title">
        {title}
      </Heading>
      <div className="mr-input__body">
        {aside ? <div className="mr-input__aside">{aside}</div> : null}
        <div className="mr-input__content">
          {section.facts.length ? (
            <dl className="mr-input__facts">
              {section.facts.map(([label, value], i) => (
                <div key={`${label}-${i}`} className="mr-input__fact">
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          {!section.facts.length && !section.tables.length && !section.charts.length && !section.notBuilt.length ? (
            <p className="muted">{t('review-inputs.nothing')}</p>
          ) : null}
          {section.notBuilt.map((text) => (
            <p key={text} className="alert alert--info mr-input__not-built">
              <span aria-hidden="true">ℹ </span>
              <strong>{t('mr.inputs.notBuilt')}</strong> {text}
            </p>
          ))}
          {section.charts.map((c, i) => (
            <ChartSpecFigure key={`${c.title}-${i}`} title={c.title} chart={c.chart} />
          ))}
          {section.tables.map((table, i) => (
            <div key={`${table.title}-${i}`} className="mr-input__table">
              {table.rows.length ? (
                <DataTable
                  caption={table.title}
                  captionShown
                  rows={table.rows}
                  rowKey={(_, r) => String(r)}
                  columns={table.columns.map((header, c) => ({
                    id: `c${c}`,
                    header,
                    rowHeader: c === 0,
                    cell: (row: string[]) => row[c] ?? '',
                  }))}
                />
              ) : (
                <>
                  <h4 className="mr-input__table-title">{table.title}</h4>
                  <p className="muted">{table.emptyText}</p>
                </>
              )}
            </div>
          ))}
        </div>
      </div>
    </section>
  );
}

/** The inputs as the meeting's agenda: each a link to its section, with where its preparation stands. */
function Agenda({ keys, status }: { keys: ReviewInputKey[]; status: (key: ReviewInputKey) => ReactNode }) {
  const { t } = useT();
  const title = useInputTitle();
  return (
    <nav className="card mr-agenda" aria-labelledby="mr-agenda-title">
      <h2 id="mr-agenda-title" className="card__title">
        {t('mr.inputs.agenda')}
      </h2>
      <ol>
        {keys.map((key) => (
          <li key={key}>
            <a href={`#mr-input-${key}`}>{title(key)}</a>
            {status(key)}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The seven inputs in order, each with its commentary (when given); or why there is nothing compiled yet. */
export function ReviewInputsView({
  inputs,
  live,
  headingLevel = 2,
  aside,
  agendaStatus,
}: {
  inputs: ReviewInputs;
  live: boolean;
  headingLevel?: 2 | 3;
  aside?: (key: ReviewInputKey) => ReactNode;
  /** beside each input in the agenda: where its preparation stands (commentary written…) */
  agendaStatus?: (key: ReviewInputKey) => ReactNode;
}) {
  const { t } = useT();
  if (!inputs.sections.length) return <p className="muted">{t('mr.inputs.notCompiled')}</p>;
  return (
    <div className="mr-inputs">
      <InputsStamp inputs={inputs} live={live} />
      {agendaStatus ? <Agenda keys={inputs.sections.map((s) => s.key)} status={agendaStatus} /> : null}
      {inputs.sections.map((s) => (
        <InputSectionView key={s.key} section={s} headingLevel={headingLevel} aside={aside?.(s.key)} />
      ))}
    </div>
  );
}
