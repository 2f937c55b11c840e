import type { Methodology } from '../../../schema/risks/methodology.schema.js';
import { useT } from '../../i18n/i18n.js';
import type { RescoreStanding as Standing, RiskMove } from '../../../schema/risks/risks.responses.js';
import { textOn } from './methodology-model.js';

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
    <div className="table-wrap mx-moves">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('riskMethodology.rescore.risk')}</th>
            <th scope="col">{t('riskMethodology.rescore.before')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('riskMethodology.rescore.becomes')}</span>
            </th>
            <th scope="col">{t('riskMethodology.rescore.after')}</th>
            <th scope="col">{t('riskMethodology.rescore.acceptance')}</th>
          </tr>
        </thead>
        <tbody>
          {moves.map((m) => {
            const across = crossed(m);
            return (
              <tr key={m.riskId} className={across ? 'mx-moves__crossed' : undefined}>
                <th scope="row" className="mx-moves__risk">
                  <span className="ref">{m.ref}</span> {m.title}
                </th>
                <td>
                  <LevelPill standing={m.before} levels={before} />
                </td>
                <td aria-hidden="true" className="muted">
                  →
                </td>
                <td>
                  <LevelPill standing={m.after} levels={after} />
                </td>
                <td>
                  {across ? (
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
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
