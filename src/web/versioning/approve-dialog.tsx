import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { VersionedDef } from '../../schema/versioning/versioned.js';
import { useT } from '../i18n/i18n.js';
import { isApiError } from '../lib/api-client.js';
import { FormField } from '../components/form-field.js';
import { ErrorMessage } from '../components/status.js';
import { stageLabel } from './stage-stepper.js';
import type { Version } from './versioned-api.js';

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
  const { t, td } = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const approvable = !def.approvableStages || def.approvableStages.includes(version.stage ?? '');

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      setComment('');
      setFailure(null);
      d.showModal();
    }
    if (!open && d.open) d.close();
  }, [open]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      await approve({ no: version.versionNo, contentHash: version.contentHash, comment: comment.trim() || undefined });
      onApproved(version.versionNo);
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  const stale = isApiError(failure) && failure.status === 409;
  const stages = (def.approvableStages ?? []).map((s) => `“${stageLabel(td, def, s)}”`).join(', ');
  return (
    <dialog ref={ref} className="dialog dialog--wide" aria-labelledby="approve-title" onClose={onClose}>
      {open ? (
        <form className="form" onSubmit={submit} noValidate>
          <h2 id="approve-title">{t('versions.approve.title', { no: version.versionNo })}</h2>
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
            <FormField label={t('versions.comment')} help={t('versions.approve.commentHelp')}>
              <textarea rows={2} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
            </FormField>
          ) : (
            <p className="alert alert--warning" role="alert">
              {t('versions.approve.notApprovable', { stage: stageLabel(td, def, version.stage), stages })}
            </p>
          )}
          {failure ? <ErrorMessage error={failure} /> : null}
          <div className="form__actions">
            {stale ? (
              <button type="button" className="button button--primary" onClick={onStale} autoFocus>
                {t('versions.approve.readAgain')}
              </button>
            ) : (
              <button
                type="submit"
                className="button button--primary"
                disabled={busy || !approvable}
                autoFocus={approvable}
              >
                {busy ? t('versions.approve.approving') : t('versions.approve.confirm', { no: version.versionNo })}
              </button>
            )}
            <button type="button" className="button button--secondary" onClick={onClose} autoFocus={!approvable}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
