import { useMemo, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { actionRegister } from '../../schema/actions/action.register.js';
import {
  DECISION_DRAFT_TARGETS,
  REVIEW_DECISION_ENTITY,
  reviewDecisionRegister,
} from '../../schema/management-review/management-review.register.js';
import { useT } from '../i18n/i18n.js';
import { ErrorMessage, LiveMessage } from '../components/status.js';
import { RecordCombobox, type PickedRecord } from '../register/record-combobox.js';
import { RegisterForm } from '../register/register-form.js';
import { useRegisterMutations, type RecordRead } from '../register/register-api.js';
import { Button } from '../ui/button.js';
import { Dialog } from '../ui/dialog.js';
import { Select } from '../ui/fields.js';
import { useOpenDraft } from './review-api.js';
import { DRAFT_TARGET_REGISTERS, draftTargetPath, isDraftTarget, type DraftTarget } from './draft-targets.js';

export type Decision = RecordRead<typeof reviewDecisionRegister.fields>;

/**
 * Record a decision of the review (or change one): the input it answers, its kind — "No action needed" recorded
 * explicitly, as 27003 9.3 asks — the statement, owner and due date. The register's own form, the review set.
 */
export function DecisionDialog({
  org,
  reviewId,
  decision,
  onClose,
}: {
  org: string;
  reviewId: string;
  decision?: Decision | undefined;
  onClose: (saved?: string) => void;
}) {
  const { t } = useT();
  const { create, update } = useRegisterMutations(org, reviewDecisionRegister);
  const defaults = useMemo(() => ({ reviewId }), [reviewId]);
  return (
    <Dialog
      open
      onClose={() => onClose()}
      title={decision ? t('mr.decisions.editTitle', { ref: decision.ref }) : t('mr.decisions.record')}
      wide
    >
      <p className="muted">{t('mr.decisions.formLead')}</p>
      <RegisterForm
        org={org}
        register={reviewDecisionRegister}
        record={decision}
        defaults={decision ? undefined : defaults}
        hiddenFields={['reviewId']}
        onSubmit={async (body) => {
          const saved = decision ? await update.mutateAsync({ id: decision.id, body }) : await create.mutateAsync(body);
          onClose(saved.ref);
        }}
        onCancel={() => onClose()}
      />
    </Dialog>
  );
}

/**
 * "Create action": the tracker's own form with the decision as its source (sourceType management_review_decision),
 * its statement, owner and due date as the starting values. The decision is done when its actions are.
 */
export function DecisionActionDialog({
  org,
  decision,
  onClose,
}: {
  org: string;
  decision: Decision;
  onClose: (created?: string) => void;
}) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const { create } = useRegisterMutations(org, actionRegister);
  const defaults = useMemo(() => {
    const out: Record<string, string> = {
      sourceType: REVIEW_DECISION_ENTITY,
      sourceId: decision.id,
      title: (decision.statement ?? '').slice(0, 200),
    };
    if (decision.ownerId) out.ownerId = decision.ownerId;
    if (decision.dueDate) out.dueDate = decision.dueDate;
    return out;
  }, [decision]);
  return (
    <Dialog open onClose={() => onClose()} title={t('mr.decisions.actionTitle', { ref: decision.ref })} wide>
      <p className="muted">{t('mr.decisions.actionLead')}</p>
      <RegisterForm
        org={org}
        register={actionRegister}
        defaults={defaults}
        hiddenFields={['sourceType', 'sourceId', 'status', 'outcome']}
        onSubmit={async (body) => {
          const action = await create.mutateAsync(body);
          // the decision's status follows its actions (the server refreshes it in the same transaction)
          await queryClient.invalidateQueries({ queryKey: ['org', org, reviewDecisionRegister.collection] });
          onClose(action.ref);
        }}
        onCancel={() => onClose()}
      />
    </Dialog>
  );
}

/**
 * "Open draft of…": the document the decision changes (scope, methodology, SoA, treatment plan, a document, the
 * objectives), picked by kind then record; the server opens its next draft from the latest version (or links the
 * draft already open) and the decision points at it.
 */
export function OpenDraftDialog({ org, decision, onClose }: { org: string; decision: Decision; onClose: () => void }) {
  const { t, td } = useT();
  const [target, setTarget] = useState<DraftTarget | ''>(
    isDraftTarget(decision.targetEntity) ? decision.targetEntity : '',
  );
  const [picked, setPicked] = useState<PickedRecord | null>(null);
  const open = useOpenDraft(org);
  const register = target ? DRAFT_TARGET_REGISTERS[target] : undefined;
  const done = open.data;
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('mr.decisions.openDraftTitle', { ref: decision.ref })}
      wide
      footer={
        done ? (
          <Button variant="primary" onClick={onClose}>
            {t('mr.decisions.close')}
          </Button>
        ) : (
          <>
            <Button
              variant="primary"
              busy={open.isPending}
              disabled={!target || !picked}
              onClick={() => {
                if (target && picked) open.mutate({ decisionId: decision.id, entity: target, id: picked.id });
              }}
            >
              {t('mr.decisions.openDraft')}
            </Button>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
          </>
        )
      }
    >
      {done ? (
        <>
          <LiveMessage>
            {t(done.created ? 'mr.decisions.draftOpened' : 'mr.decisions.draftLinked', {
              ref: done.ref,
              no: done.versionNo,
            })}
          </LiveMessage>
          <p>
            <Link to={draftTargetPath(org, done.entity, done.id) as '/'}>
              {t('mr.decisions.goToDraft', { ref: done.ref, no: done.versionNo })}
            </Link>
          </p>
        </>
      ) : (
        <div className="form">
          <p className="muted">{t('mr.decisions.openDraftLead')}</p>
          <Select
            label={t('mr.decisions.targetKind')}
            required
            value={target}
            onChange={(e) => {
              setTarget(isDraftTarget(e.target.value) ? e.target.value : '');
              setPicked(null);
            }}
          >
            <option value="">{t('common.choose')}</option>
            {DECISION_DRAFT_TARGETS.map((k) => (
              <option key={k} value={k}>
                {td(`management-review-decisions.targetEntity.${k}`, undefined, k)}
              </option>
            ))}
          </Select>
          {register ? (
            <RecordCombobox
              key={target}
              org={org}
              entity={register.entity}
              collection={register.collection}
              label={t('mr.decisions.targetRecord')}
              onPick={setPicked}
            />
          ) : null}
          {picked ? (
            <p>
              {t('mr.decisions.picked')} <span className="ref">{picked.ref}</span> {picked.title}
            </p>
          ) : null}
          {open.isError ? <ErrorMessage error={open.error} /> : null}
        </div>
      )}
    </Dialog>
  );
}
