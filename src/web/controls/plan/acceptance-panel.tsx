import { useId } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Treatment } from '../../../schema/controls/treatment.schema.js';
import { useT } from '../../i18n/i18n.js';
import { isApiError } from '../../lib/api-client.js';
import { useMemberNames } from '../../lib/members.js';
import { useSession } from '../../lib/session.js';
import { levelOf } from '../../risks/risk-level.js';
import { useCurrentMethodology } from '../../risks/methodology/methodology-api.js';
import { AcceptanceState } from './acceptance-state.js';
import { treatmentQueryKey, useAcceptRisk, useRiskOwner } from './plan-api.js';
import './plan.css';
import { Button } from '../../ui/button.js';
import { DateField, TextArea } from '../../ui/fields.js';
import { Form, FormFailureMessage } from '../../ui/form.js';
import { useForm } from '../../ui/use-form.js';
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
  const queryClient = useQueryClient();
  const accept = useAcceptRisk(org, riskId);
  const evaluation = treatment.residualEvaluation;
  const methodology = useCurrentMethodology(org).data?.methodology;
  const concession = evaluation?.acceptable !== true;
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

  const form = useForm({
    initial: { justification: '', expiresOn: '' },
    toBody: (v) => ({
      kind: concession ? ('concession' as const) : ('within_criteria' as const),
      justification: v.justification.trim() || null,
      expiresOn: v.expiresOn || null,
      treatmentVersion: treatment.version,
    }),
    check: (v) => {
      const found: Record<string, string> = {};
      if (concession && !v.justification.trim()) found.justification = t('acceptance.justificationRequired');
      if (v.expiresOn && v.expiresOn < tomorrow) found.expiresOn = t('acceptance.reviewFuture');
      return found;
    },
    submit: (body) => accept.mutateAsync(body),
    onSuccess: (next) => onAccepted?.(next),
    // the choice of kind is not a field here: a message about it goes with the justification
    serverErrors: (err) => {
      const fields = isApiError(err) ? err.fieldErrors() : {};
      const justification = fields.justification ?? fields.kind;
      return { ...fields, ...(justification ? { justification } : {}) };
    },
    versioned: true,
    // the treatment is read again already (useAcceptRisk); reload shows it once more
    reload: () => void queryClient.invalidateQueries({ queryKey: treatmentQueryKey(org, riskId) }),
  });

  if (treatment.version === 0) return <p className="muted">{t('acceptance.noTreatment')}</p>;
  if (!evaluation || !evaluation.level) return <p className="alert alert--info">{t('acceptance.noResidual')}</p>;
  const level = levelOf(methodology, evaluation.level)?.label ?? evaluation.level;

  return (
    <Form form={form} className="form acceptance-form" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="acceptance-form__title">
        {t('acceptance.form.title')}
      </h3>
      <p className={concession ? 'alert alert--warning' : 'alert alert--info'}>
        {concession ? t('acceptance.form.concession', { level }) : t('acceptance.form.within', { level })}
      </p>
      <p className="muted">{t('acceptance.form.version', { version: treatment.version })}</p>
      <TextArea
        label={concession ? t('acceptance.justification') : t('acceptance.note')}
        help={concession ? t('acceptance.justificationHelp') : undefined}
        required={concession}
        rows={3}
        maxLength={4000}
        {...form.field('justification')}
      />
      <DateField
        label={t('acceptance.reviewDate')}
        help={t('acceptance.reviewDateHelp')}
        min={tomorrow}
        {...form.field('expiresOn')}
      />
      <FormFailureMessage form={form} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={form.submitting}>
          {form.submitting ? t('acceptance.accepting') : t('acceptance.accept')}
        </Button>
      </div>
    </Form>
  );
}
