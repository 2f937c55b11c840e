import { useId, useState, type FormEvent } from 'react';
import type { Treatment } from '../../../schema/controls/treatment.schema.js';
import { useT } from '../../i18n/i18n.js';
import { isApiError } from '../../lib/api-client.js';
import { useMemberNames } from '../../lib/members.js';
import { useSession } from '../../lib/session.js';
import { FormField } from '../../components/form-field.js';
import { ErrorMessage } from '../../components/status.js';
import { levelOf } from '../../risks/risk-level.js';
import { useCurrentMethodology } from '../../risks/methodology/methodology-api.js';
import { AcceptanceState } from './acceptance-state.js';
import { useAcceptRisk, useRiskOwner } from './plan-api.js';
import './plan.css';
import { QueryState } from '../../ui/query-state.js';

interface Props {
  org: string;
  riskId: string;
  /** the treatment as read: its version is what the owner approves */
  treatment: Treatment;
  onAccepted?: (treatment: Treatment) => void;
}

/**
 * The risk owner's acceptance of the expected residual risk and approval of the treatment (27001 6.1.3 f): where it
 * stands, and for the owner a form — within the criteria when the residual level is acceptable, otherwise a concession
 * that says why. The post carries the treatment version read, so a treatment changed meanwhile is refused (409).
 */
export function AcceptancePanel({ org, riskId, treatment, onAccepted }: Props) {
  const { t } = useT();
  const session = useSession();
  const owner = useRiskOwner(org, riskId);
  const names = useMemberNames(org);
  const a = treatment.acceptance;
  const info = a
    ? {
        kind: a.kind,
        by: a.acceptedByName,
        at: a.acceptedAt,
        expiresOn: a.expiresOn,
        justification: a.justification,
        state: a.state,
      }
    : null;
  const ownerId = owner.data ?? null;
  const isOwner = !!session && !!ownerId && session.user.id === ownerId;

  return (
    <div className="acceptance-panel">
      <p className="acceptance-panel__state">
        <AcceptanceState acceptance={info} />
      </p>
      <QueryState query={owner}>
        {() =>
          isOwner ? (
            info?.state === 'valid' ? null : (
              <AcceptanceForm org={org} riskId={riskId} treatment={treatment} onAccepted={onAccepted} />
            )
          ) : (
            <p className="muted">
              {ownerId
                ? t('acceptance.onlyOwner', { owner: names.get(ownerId) ?? t('common.unknownMember') })
                : t('acceptance.noOwner')}
            </p>
          )
        }
      </QueryState>
    </div>
  );
}

function AcceptanceForm({ org, riskId, treatment, onAccepted }: Props) {
  const { t } = useT();
  const id = useId();
  const accept = useAcceptRisk(org, riskId);
  const [justification, setJustification] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const evaluation = treatment.residualEvaluation;
  const methodology = useCurrentMethodology(org).data?.methodology;

  if (treatment.version === 0) return <p className="muted">{t('acceptance.noTreatment')}</p>;
  if (!evaluation || !evaluation.level) return <p className="alert alert--info">{t('acceptance.noResidual')}</p>;
  const concession = evaluation.acceptable !== true;
  const level = levelOf(methodology, evaluation.level)?.label ?? evaluation.level;
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const found: Record<string, string> = {};
    if (concession && !justification.trim()) found.justification = t('acceptance.justificationRequired');
    if (expiresOn && expiresOn < tomorrow) found.expiresOn = t('acceptance.reviewFuture');
    setErrors(found);
    if (Object.keys(found).length) {
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>(`[data-form="${id}"] [aria-invalid="true"]`)?.focus(),
      );
      return;
    }
    try {
      const next = await accept.mutateAsync({
        kind: concession ? 'concession' : 'within_criteria',
        justification: justification.trim() || null,
        expiresOn: expiresOn || null,
        treatmentVersion: treatment.version,
      });
      onAccepted?.(next);
    } catch (err) {
      if (isApiError(err) && err.status === 400) setErrors(err.fieldErrors());
      setFailure(err);
    }
  };

  const stale = isApiError(failure) && failure.status === 409;
  return (
    <form className="form acceptance-form" onSubmit={submit} noValidate data-form={id} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="acceptance-form__title">
        {t('acceptance.form.title')}
      </h3>
      <p className={concession ? 'alert alert--warning' : 'alert alert--info'}>
        {concession ? t('acceptance.form.concession', { level }) : t('acceptance.form.within', { level })}
      </p>
      <p className="muted">{t('acceptance.form.version', { version: treatment.version })}</p>
      <FormField
        label={concession ? t('acceptance.justification') : t('acceptance.note')}
        help={concession ? t('acceptance.justificationHelp') : undefined}
        required={concession}
        error={errors.justification ?? errors.kind}
      >
        <textarea
          rows={3}
          maxLength={4000}
          value={justification}
          onChange={(e) => (setJustification(e.target.value), setErrors((x) => ({ ...x, justification: '' })))}
        />
      </FormField>
      <FormField
        label={t('acceptance.reviewDate')}
        help={t('acceptance.reviewDateHelp')}
        error={errors.expiresOn || undefined}
      >
        <input
          type="date"
          min={tomorrow}
          value={expiresOn}
          onChange={(e) => (setExpiresOn(e.target.value), setErrors((x) => ({ ...x, expiresOn: '' })))}
        />
      </FormField>
      {failure ? (
        <div role="alert">
          {stale ? <p className="alert alert--error">{t('acceptance.stale')}</p> : <ErrorMessage error={failure} />}
        </div>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={accept.isPending}>
          {accept.isPending ? t('acceptance.accepting') : t('acceptance.accept')}
        </button>
      </div>
    </form>
  );
}
