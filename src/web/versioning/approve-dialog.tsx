import type { ReactNode } from 'react';
import type { VersionedDef } from '../../schema/versioning/versioned.js';
import { useT } from '../i18n/i18n.js';
import { stageLabel } from './stage-stepper.js';
import type { Version } from './versioned-api.js';
import { Button } from '../ui/button.js';
import { Dialog } from '../ui/dialog.js';
import { TextArea } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { useForm } from '../ui/use-form.js';

interface Props {
  def: VersionedDef;
  /** the version on the page: its hash is what gets signed */
  version: Version;
  open: boolean;
  onClose: () => void;
  approve: (input: { no: number; contentHash: string; comment?: string }) => Promise<unknown>;
  onApproved: (no: number) => void;
  /** the draft changed since it was displayed (409): close and load it again, never re-sign silently */
  onStale: () => void;
  /** what approving would do, supplied by the module (the methodology shows how risks would be re-scored) */
  extra?: ReactNode;
}

/**
 * The signature dialog: which version, its stage, the hash of the content displayed, and what signing means. The
 * confirm button posts exactly that hash, so a draft changed meanwhile is refused by the server (409).
 */
export function ApproveDialog({ def, version, open, onClose, approve, onApproved, onStale, extra }: Props) {
  const { t } = useT();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      wide
      title={t('versions.approve.title', { no: version.versionNo })}
      titleId="approve-title"
    >
      <ApproveForm
        def={def}
        version={version}
        onClose={onClose}
        approve={approve}
        onApproved={onApproved}
        onStale={onStale}
        extra={extra}
      />
    </Dialog>
  );
}

/** Mounted while the dialog is open: each opening starts with no comment and no error. */
function ApproveForm({ def, version, onClose, approve, onApproved, onStale, extra }: Omit<Props, 'open'>) {
  const { t, td } = useT();
  const approvable = !def.approvableStages || def.approvableStages.includes(version.stage ?? '');
  const form = useForm({
    initial: { comment: '' },
    toBody: (v) => ({
      no: version.versionNo,
      contentHash: version.contentHash,
      comment: v.comment.trim() || undefined,
    }),
    submit: (body) => approve(body),
    onSuccess: () => onApproved(version.versionNo),
    versioned: true,
    // never re-sign silently: close, and the page loads the current text
    reload: onStale,
  });

  const stages = (def.approvableStages ?? []).map((s) => `“${stageLabel(td, def, s)}”`).join(', ');
  return (
    <Form form={form} className="form">
      <dl className="approval__grid">
        <dt>{t('versions.versionLabel')}</dt>
        <dd>{version.versionNo}</dd>
        {def.stages ? (
          <>
            <dt>{t('versions.stage')}</dt>
            <dd>{stageLabel(td, def, version.stage)}</dd>
          </>
        ) : null}
        <dt>{t('versions.contentHash')}</dt>
        <dd className="hash">{version.contentHash}</dd>
        <dt>{t('versions.approve.signature')}</dt>
        <dd>
          <strong>“{def.approvalMeaning}”</strong>
        </dd>
      </dl>
      {extra}
      <p className="muted">{t('versions.approve.intro')}</p>
      {approvable ? (
        <TextArea
          label={t('versions.comment')}
          help={t('versions.approve.commentHelp')}
          rows={2}
          maxLength={2000}
          {...form.field('comment')}
        />
      ) : (
        <p className="alert alert--warning" role="alert">
          {t('versions.approve.notApprovable', { stage: stageLabel(td, def, version.stage), stages })}
        </p>
      )}
      <FormFailureMessage form={form} reloadLabel={t('versions.approve.readAgain')} />
      <div className="form__actions">
        {form.stale ? null : (
          <Button type="submit" variant="primary" busy={form.submitting} disabled={!approvable} autoFocus={approvable}>
            {form.submitting
              ? t('versions.approve.approving')
              : t('versions.approve.confirm', { no: version.versionNo })}
          </Button>
        )}
        <Button onClick={onClose} autoFocus={!approvable}>
          {t('common.cancel')}
        </Button>
      </div>
    </Form>
  );
}
