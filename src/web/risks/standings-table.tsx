import { Link } from '@tanstack/react-router';
import type { Methodology } from '../../schema/risks/methodology.schema.js';
import { useT } from '../i18n/i18n.js';
import { optionLabel } from '../register/field-value.js';
import { AcceptanceMarker, CellValue, LevelBadge, levelOf } from './risk-level.js';
import type { Standing } from '../../schema/risks/risks.responses.js';

/** Level badge and "likelihood × consequence" of a risk as it stood, on the scales of the version it used. */
export function StandingLevel({ s, m }: { s: Standing | null; m: Methodology | undefined }) {
  const { t } = useT();
  if (!s) return <span className="muted">{t('risk-assessments.compare.absent')}</span>;
  return (
    <span className="standing">
      <LevelBadge level={levelOf(m, s.level)} />
      {s.likelihood !== null ? (
        <span className="standing__cell muted small">
          <CellValue m={m} likelihood={s.likelihood} consequence={s.consequence} />
        </span>
      ) : null}
    </span>
  );
}

/** The frozen results of an assessment, by priority. */
export function StandingsTable({
  org,
  rows,
  m,
  caption,
}: {
  org: string;
  rows: Standing[];
  m: Methodology | undefined;
  caption: string;
}) {
  const i18n = useT();
  const { t } = i18n;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('risks.field.priority')}</th>
            <th scope="col">{t('register.ref')}</th>
            <th scope="col">{t('risks.field.title')}</th>
            <th scope="col">{t('risks.field.level')}</th>
            <th scope="col">{t('risks.field.acceptable')}</th>
            <th scope="col">{t('risks.field.owner')}</th>
            <th scope="col">{t('risks.field.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.riskId}>
              <td>{s.priority ?? <span className="muted">{t('common.empty')}</span>}</td>
              <td data-column="ref">
                <Link to="/o/$org/risks/$id" params={{ org, id: s.riskId }}>
                  {s.ref}
                </Link>
              </td>
              <td>{s.title}</td>
              <td>
                <StandingLevel s={s} m={m} />
              </td>
              <td>
                <AcceptanceMarker acceptable={s.acceptable} />
              </td>
              <td>{s.ownerLabel ?? <span className="muted">{t('common.empty')}</span>}</td>
              <td>
                <span className={`pill pill--status-${s.status}`}>
                  {optionLabel(i18n, 'risks', 'status', s.status)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
