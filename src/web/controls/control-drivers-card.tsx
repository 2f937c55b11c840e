import { Link } from '@tanstack/react-router';
import { useT } from '../i18n/i18n.js';
import type { RegisterRecord } from '../lib/api-types.js';
import { AcceptanceMarker, LevelBadge, levelOf } from '../risks/risk-level.js';
import { useMethodologyInForce } from '../risks/risks-api.js';
import { useControlDrivers } from './controls-api.js';
import '../risks/risks.css';
import { QueryState } from '../ui/query-state.js';

/**
 * Why the control is in the SoA (27003 6.1.3 b, the tie both ways): the risks whose treatment names it, with what it
 * changes and their level, the requirements linked to it, and the reason stated on the control itself. An applicable
 * control with none of them gets a warning.
 */
export function ControlDriversCard({ org, control }: { org: string; control: RegisterRecord }) {
  const { t, td } = useT();
  const drivers = useControlDrivers(org, control.id);
  const m = useMethodologyInForce(org).data?.methodology;
  const stated =
    typeof control.statedReason === 'string' && control.statedReason.trim() !== '' ? control.statedReason : null;
  const noReason =
    drivers.data &&
    control.applicability === 'applicable' &&
    !stated &&
    drivers.data.risks.length === 0 &&
    drivers.data.requirements.length === 0;
  return (
    <>
      {noReason ? (
        <div className="alert alert--warning control-no-reason" role="note">
          <p className="controls-banner__title">{t('controls.noReason.title')}</p>
          <p>{t('controls.noReason.text')}</p>
        </div>
      ) : null}
      <section className="card control-drivers" aria-labelledby="control-drivers">
        <h2 id="control-drivers" className="card__title">
          {t('controls.drivers.title')}
        </h2>
        <QueryState
          query={drivers}
          isEmpty={(data) => data.risks.length === 0 && data.requirements.length === 0 && !stated}
          empty={
            <>
              <>
                <p>{t('controls.drivers.none')}</p>
                <p className="muted small">{t('controls.drivers.noneHint')}</p>
              </>
            </>
          }
        >
          {(data) => (
            <div className="control-drivers__groups">
              {data.risks.length ? (
                <div>
                  <h3 className="control-drivers__heading">{t('controls.drivers.risks')}</h3>
                  <ul className="control-drivers__list">
                    {data.risks.map((r) => (
                      <li key={r.id}>
                        <Link to="/o/$org/risks/$id" params={{ org, id: r.id }}>
                          <span className="ref">{r.ref}</span> {r.title}
                        </Link>{' '}
                        <span className="control-drivers__level">
                          <LevelBadge level={levelOf(m, r.level)} />
                          {r.level ? <AcceptanceMarker acceptable={r.acceptable} /> : null}
                        </span>
                        <span className="muted small">
                          {' '}
                          · {t('controls.drivers.effect', { effect: td(`treatment.effect.${r.effect}`) })}
                        </span>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {data.requirements.length ? (
                <div>
                  <h3 className="control-drivers__heading">{t('controls.drivers.requirements')}</h3>
                  <ul className="control-drivers__list">
                    {data.requirements.map((r) => (
                      <li key={r.id}>
                        <Link to="/o/$org/requirements/$id" params={{ org, id: r.id }}>
                          <span className="ref">{r.ref}</span> {r.title}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {stated ? (
                <div>
                  <h3 className="control-drivers__heading">{t('controls.drivers.stated')}</h3>
                  <p className="prewrap">{stated}</p>
                </div>
              ) : null}
            </div>
          )}
        </QueryState>
      </section>
    </>
  );
}
