import type { ReactNode } from 'react';
import { riskRegister, type RiskRecord } from '../../schema/risks/risk.register.js';
import { useT } from '../i18n/i18n.js';
import { useMemberNames } from '../lib/members.js';
import { FieldValue } from '../register/field-value.js';
import type { WithRelated } from '../register/register-api.js';
import { MethodologyLink } from './methodology-link.js';
import { AcceptanceMarker, LevelBadge, levelOf, scaleLabel } from './risk-level.js';
import type { MethodologyInForce } from '../../schema/risks/risks.responses.js';

const f = riskRegister.fields;

/** The evaluation of a risk (27001 6.1.2 d–e): level, acceptability, priority, and the analysis behind them. */
export function RiskEvaluationCard({
  org,
  risk,
  inForce,
}: {
  org: string;
  risk: RiskRecord;
  inForce: MethodologyInForce | null;
}) {
  const { t, td, formatDateTime } = useT();
  const m = inForce?.methodology;
  const level = levelOf(m, risk.level);
  const cia = (['consequenceC', 'consequenceI', 'consequenceA'] as const).filter((k) => risk[k] !== null);
  return (
    <section className="card risk-evaluation" aria-labelledby="risk-evaluation">
      <h2 id="risk-evaluation" className="card__title">
        {t('risks.detail.evaluation')}
      </h2>
      {!level ? (
        <p className="muted">{inForce ? t('risks.detail.notEvaluated') : t('risks.noMethodology.form')}</p>
      ) : (
        <div className="risk-evaluation__head">
          <div className="risk-evaluation__level">
            <span className="risk-evaluation__caption">{td(f.level.label)}</span>
            <LevelBadge level={level} large />
          </div>
          <div className="risk-evaluation__verdict">
            <AcceptanceMarker acceptable={risk.acceptable} />
          </div>
          <dl className="risk-evaluation__facts">
            <Fact label={td(f.priority.label)}>
              <strong>{risk.priority ?? ''}</strong>
              {risk.priorityOverride !== null ? (
                <span className="muted small"> {t('risks.prioritySetByOwner')}</span>
              ) : null}
            </Fact>
            <Fact label={td(f.score.label)}>{risk.score ?? ''}</Fact>
            <Fact label={td(f.methodologyVersion.label)}>
              {inForce ? (
                <MethodologyLink org={org}>
                  {t('risks.detail.methodologyVersion', {
                    ref: inForce.ref,
                    version: String(risk.methodologyVersion ?? ''),
                  })}
                </MethodologyLink>
              ) : (
                String(risk.methodologyVersion ?? '')
              )}
            </Fact>
            <Fact label={td(f.evaluatedAt.label)}>{formatDateTime(risk.evaluatedAt)}</Fact>
          </dl>
        </div>
      )}
      <dl className="detail__fields risk-evaluation__analysis">
        <Fact label={td(f.likelihood.label)}>{scaleLabel(m, 'likelihood', risk.likelihood) || <Empty />}</Fact>
        {cia.length ? (
          cia.map((k) => (
            <Fact key={k} label={td(f[k].label)}>
              {scaleLabel(m, 'consequence', risk[k])}
            </Fact>
          ))
        ) : (
          <Fact label={td(f.consequence.label)}>{scaleLabel(m, 'consequence', risk.consequence) || <Empty />}</Fact>
        )}
        {cia.length ? (
          <Fact label={t('risks.detail.combinedConsequence')}>
            {scaleLabel(m, 'consequence', risk.consequenceLevel) || <Empty />}
          </Fact>
        ) : null}
        <Fact label={td(f.rationale.label)} wide>
          {risk.rationale ? <span className="prewrap">{risk.rationale}</span> : <Empty />}
        </Fact>
      </dl>
    </section>
  );
}

/** What could happen: the scenario, or the threat and vulnerability (the assets have their own card). */
export function RiskIdentificationCard({ org, risk }: { org: string; risk: WithRelated<RiskRecord> }) {
  const { t, td } = useT();
  const memberNames = useMemberNames(org);
  const approach = risk.approach === 'asset' ? 'asset' : 'event';
  const fields =
    approach === 'event'
      ? (['riskSource', 'event', 'cause', 'consequenceDescription'] as const)
      : (['threatId', 'vulnerabilityId'] as const);
  const affected = (['affectsConfidentiality', 'affectsIntegrity', 'affectsAvailability'] as const).filter(
    (k) => risk[k] === true,
  );
  const value = (name: keyof typeof f) => (
    <FieldValue
      collection={riskRegister.collection}
      name={name}
      def={f[name]}
      value={risk[name]}
      memberNames={memberNames}
      related={risk.related}
      org={org}
    />
  );
  return (
    <section className="card" aria-labelledby="risk-identification">
      <h2 id="risk-identification" className="card__title">
        {t('risks.form.identification')}
      </h2>
      <dl className="detail__fields">
        <Fact label={td(f.approach.label)}>{t(`risks.approach.${approach}`)}</Fact>
        <Fact label={t('risks.form.cia')}>
          {affected.length ? (
            <span className="cia-tags">
              {affected.map((k) => (
                <span key={k} className="pill">
                  {td(f[k].label)}
                </span>
              ))}
            </span>
          ) : (
            <Empty />
          )}
        </Fact>
        {risk.description ? (
          <Fact label={td(f.description.label)} wide>
            {value('description')}
          </Fact>
        ) : null}
        {fields.map((name) => (
          <Fact key={name} label={td(f[name].label)} wide={f[name].kind === 'longtext'}>
            {value(name)}
          </Fact>
        ))}
        <Fact label={td(f.ownerId.label)}>{value('ownerId')}</Fact>
        <Fact label={td(f.status.label)}>{value('status')}</Fact>
        <Fact label={td(f.existingControls.label)} wide>
          {value('existingControls')}
        </Fact>
      </dl>
    </section>
  );
}

function Fact({ label, children, wide = false }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'detail__row detail__row--wide' : 'detail__row'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Empty() {
  const { t } = useT();
  return <span className="muted">{t('common.empty')}</span>;
}
