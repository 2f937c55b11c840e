import type { Methodology } from '../../../schema/risks/methodology.schema.js';
import { useT } from '../../i18n/i18n.js';
import type { RescoreStanding as Standing, RiskMove } from '../../../schema/risks/risks.responses.js';
import { textOn } from './methodology-model.js';
import { DataTable } from '../../ui/data-table.js';

type Levels = Pick<Methodology, 'levels'> | null | undefined;

/** Risks whose level changed (a score change within the same level is listed but not counted as a change of level). */
export function levelChanges(moves: RiskMove[]): number {
  return moves.filter((m) => (m.before?.level ?? null) !== (m.after?.level ?? null)).length;
}

export function crossed(m: RiskMove): boolean {
  if (m.crossed !== undefined) return m.crossed;
  return (
    m.before !== null && m.after !== null && m.before.acceptable !== null && m.before.acceptable !== m.after.acceptable
  );
}

/** A level as a coloured pill that names it; "not evaluated" when there is none. */
function LevelPill({ standing, levels }: { standing: Standing | null; levels: Levels }) {
  const { t } = useT();
  if (!standing?.level) return <span className="muted">{t('riskMethodology.rescore.notEvaluated')}</span>;
  const level = levels?.levels.find((l) => l.key === standing.level);
  const colour = level?.colour ?? '#9aa5b1';
  return (
    <span className="mx-level-pill" style={{ background: colour, color: textOn(colour) }}>
      {level?.label ?? standing.level}
      {standing.score !== null ? (
        <span className="mx-level-pill__score">
          {' · '}
          <span className="visually-hidden">{t('riskMethodology.rescore.score')} </span>
          {standing.score}
        </span>
      ) : null}
    </span>
  );
}

/**
 * Each risk a methodology version moves: before and after (level and score, in each version's own colours), and
 * whether it crossed the acceptance line — said in words, not only by colour.
 */
export function MovesTable({
  moves,
  before,
  after,
  caption,
}: {
  moves: RiskMove[];
  before: Levels;
  after: Levels;
  caption: string;
}) {
  const { t } = useT();
  return (
    <div className="mx-moves">
      <DataTable
        caption={caption}
        rows={moves}
        rowKey={(m) => m.riskId}
        rowClassName={(m) => (crossed(m) ? 'mx-moves__crossed' : undefined)}
        columns={[
          {
            id: 'risk',
            header: t('riskMethodology.rescore.risk'),
            rowHeader: true,
            className: 'mx-moves__risk',
            cell: (m) => (
              <>
                <span className="ref">{m.ref}</span> {m.title}
              </>
            ),
          },
          {
            id: 'before',
            header: t('riskMethodology.rescore.before'),
            cell: (m) => <LevelPill standing={m.before} levels={before} />,
          },
          {
            id: 'becomes',
            header: <span className="visually-hidden">{t('riskMethodology.rescore.becomes')}</span>,
            className: 'muted',
            cell: () => <span aria-hidden="true">→</span>,
          },
          {
            id: 'after',
            header: t('riskMethodology.rescore.after'),
            cell: (m) => <LevelPill standing={m.after} levels={after} />,
          },
          {
            id: 'acceptance',
            header: t('riskMethodology.rescore.acceptance'),
            cell: (m) =>
              crossed(m) ? (
                <strong className={m.after?.acceptable ? 'mx-cross mx-cross--ok' : 'mx-cross mx-cross--bad'}>
                  {m.after?.acceptable
                    ? `▼ ${t('riskMethodology.rescore.becameAcceptable')}`
                    : `▲ ${t('riskMethodology.rescore.needsTreatment')}`}
                </strong>
              ) : m.after?.acceptable === true ? (
                <span className="muted">{t('riskMethodology.rescore.stillAcceptable')}</span>
              ) : m.after?.acceptable === false ? (
                <span className="muted">{t('riskMethodology.rescore.stillTreat')}</span>
              ) : (
                <span className="muted">{t('common.empty')}</span>
              ),
          },
        ]}
      />
    </div>
  );
}
