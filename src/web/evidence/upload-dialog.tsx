import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { EVIDENCE_ACCEPT, extensionOf, fileTypeOfExtension } from '../../schema/evidence/evidence-types.js';
import { EVIDENCE_FILE_FIELD } from '../../schema/evidence/evidence.schema.js';
import { useT } from '../i18n/i18n.js';
import { isApiError } from '../lib/api-client.js';
import { useMembers } from '../lib/members.js';
import { useSession } from '../lib/session.js';
import { FormField } from '../ui/form-field.js';
import { ErrorMessage } from '../components/status.js';
import { formatBytes, uploadEvidence, useUploadPolicy, type UploadResult } from './evidence-api.js';
import { Button } from '../ui/button.js';

interface Props {
  org: string;
  open: boolean;
  onClose: () => void;
  onUploaded: (result: UploadResult) => void;
  /** attach the new evidence to this record, in the same transaction */
  attachTo?: { type: string; id: string; ref: string } | undefined;
  /** the evidence the new file replaces */
  supersedes?: { id: string; ref: string; title: string } | undefined;
}

const TEXT_FIELDS = ['title', 'description', 'collectedOn', 'validFrom', 'validUntil', 'ownerId'] as const;
type TextField = (typeof TEXT_FIELDS)[number];
type Phase = 'idle' | 'sending' | 'storing';

/** Chooses a file, describes it, and uploads it with a progress bar; the server checks everything again. */
export function UploadDialog({ org, open, onClose, onUploaded, attachTo, supersedes }: Props) {
  const i18n = useT();
  const { t } = i18n;
  const ref = useRef<HTMLDialogElement>(null);
  const queryClient = useQueryClient();
  const session = useSession();
  const members = useMembers(org).data?.items ?? [];
  const policy = useUploadPolicy(org).data;
  const maxBytes = policy?.maxBytes ?? 25 * 1024 * 1024;
  const [file, setFile] = useState<File | null>(null);
  const [values, setValues] = useState<Record<TextField, string>>(() => emptyValues());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      setFile(null);
      setValues({ ...emptyValues(), title: supersedes?.title ?? '', ownerId: session?.user.id ?? '' });
      setErrors({});
      setPhase('idle');
      setFailure(null);
      d.showModal();
    }
    if (!open && d.open) d.close();
  }, [open, supersedes, session]);

  const set = (name: TextField, value: string) => setValues((v) => ({ ...v, [name]: value }));
  const size = formatBytes(i18n, maxBytes);

  const choose = (f: File | null) => {
    setFile(f);
    setFailure(null);
    const problem = !f
      ? undefined
      : !fileTypeOfExtension(extensionOf(f.name))
        ? t('evidence.dialog.wrongType')
        : f.size > maxBytes
          ? t('evidence.dialog.tooLarge', { size })
          : undefined;
    setErrors((e) => ({ ...e, [EVIDENCE_FILE_FIELD]: problem ?? '' }));
    // a title from the file name, until someone writes one
    if (f && !values.title.trim())
      set(
        'title',
        f.name
          .replace(/\.[^.]+$/, '')
          .replace(/[_-]+/g, ' ')
          .trim(),
      );
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setErrors((x) => ({ ...x, [EVIDENCE_FILE_FIELD]: t('evidence.dialog.noFile') }));
    if (errors[EVIDENCE_FILE_FIELD]) return;
    if (!values.title.trim()) return setErrors((x) => ({ ...x, title: t('validation.required') }));
    const form = new FormData();
    for (const name of TEXT_FIELDS) if (values[name].trim()) form.append(name, values[name]);
    if (attachTo) {
      form.append('attachToType', attachTo.type);
      form.append('attachToId', attachTo.id);
    }
    if (supersedes) form.append('supersedes', supersedes.id);
    form.append(EVIDENCE_FILE_FIELD, file, file.name);
    setPhase('sending');
    setProgress(0);
    setFailure(null);
    setErrors({});
    abort.current = new AbortController();
    try {
      const result = await uploadEvidence(
        org,
        form,
        session?.csrfToken ?? undefined,
        (f) => {
          setProgress(f);
          if (f >= 1) setPhase('storing');
        },
        abort.current.signal,
      );
      await queryClient.invalidateQueries({ queryKey: ['org', org, 'evidence'] });
      await queryClient.invalidateQueries({ queryKey: ['org', org, 'links'] });
      onUploaded(result);
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') return;
      if (isApiError(err) && err.errors.length) setErrors(err.fieldErrors());
      setFailure(err);
    } finally {
      setPhase('idle');
    }
  };

  const cancel = () => {
    abort.current?.abort();
    onClose();
  };

  const busy = phase !== 'idle';
  const heading = supersedes
    ? t('evidence.dialog.titleSupersede', { ref: supersedes.ref })
    : attachTo
      ? t('evidence.dialog.titleFor', { ref: attachTo.ref })
      : t('evidence.dialog.title');
  return (
    <dialog ref={ref} className="dialog dialog--wide" aria-labelledby="evidence-upload-title" onClose={cancel}>
      {open ? (
        <form className="form" onSubmit={submit} noValidate aria-busy={busy}>
          <h2 id="evidence-upload-title">{heading}</h2>
          <p>{t('evidence.dialog.intro', { size })}</p>
          {supersedes ? (
            <p className="alert alert--info">{t('evidence.dialog.supersedeIntro', { ref: supersedes.ref })}</p>
          ) : null}
          <FormField label={t('evidence.dialog.file')} required error={errors[EVIDENCE_FILE_FIELD] || undefined}>
            <input
              type="file"
              accept={EVIDENCE_ACCEPT}
              disabled={busy}
              onChange={(e) => choose(e.target.files?.[0] ?? null)}
            />
          </FormField>
          {file && !errors[EVIDENCE_FILE_FIELD] ? (
            <p className="muted evidence-upload__file">{`${file.name} · ${formatBytes(i18n, file.size)}`}</p>
          ) : null}
          <FormField label={t('evidence.field.title')} help={t('evidence.help.title')} required error={errors.title}>
            <input
              type="text"
              maxLength={200}
              value={values.title}
              disabled={busy}
              onChange={(e) => set('title', e.target.value)}
            />
          </FormField>
          <FormField
            label={t('evidence.field.description')}
            help={t('evidence.help.description')}
            error={errors.description}
          >
            <textarea
              rows={3}
              value={values.description}
              disabled={busy}
              onChange={(e) => set('description', e.target.value)}
            />
          </FormField>
          <div className="form__grid">
            {(['collectedOn', 'validFrom', 'validUntil'] as const).map((name) => (
              <FormField
                key={name}
                label={t(`evidence.field.${name}`)}
                help={t(`evidence.help.${name}`)}
                error={errors[name]}
              >
                <input type="date" value={values[name]} disabled={busy} onChange={(e) => set(name, e.target.value)} />
              </FormField>
            ))}
            <FormField label={t('evidence.field.owner')} help={t('evidence.help.owner')} error={errors.ownerId}>
              <select value={values.ownerId} disabled={busy} onChange={(e) => set('ownerId', e.target.value)}>
                <option value="">{t('common.nobody')}</option>
                {members.map((m) => (
                  <option key={m.userId} value={m.userId}>
                    {m.name || m.email}
                  </option>
                ))}
              </select>
            </FormField>
          </div>
          <div className="evidence-upload__status" role="status" aria-live="polite">
            {phase === 'sending' ? (
              <>
                <progress
                  max={1}
                  value={progress}
                  aria-label={t('evidence.dialog.uploading', { percent: Math.round(progress * 100) })}
                />
                <span>{t('evidence.dialog.uploading', { percent: Math.round(progress * 100) })}</span>
              </>
            ) : phase === 'storing' ? (
              <p className="loading">
                <span className="spinner" aria-hidden="true" />
                {t('evidence.dialog.checking')}
              </p>
            ) : null}
          </div>
          {failure && !shownAtFields(failure) ? <ErrorMessage error={failure} /> : null}
          <div className="form__actions">
            <Button type="submit" variant="primary" disabled={busy || !file || Boolean(errors[EVIDENCE_FILE_FIELD])}>
              {t('evidence.dialog.submit')}
            </Button>
            <Button onClick={cancel}>{t('common.cancel')}</Button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}

/** Whether every field error of the failure is shown beside its field (then the alert would only repeat it). */
function shownAtFields(failure: unknown): boolean {
  const shown = new Set<string>([...TEXT_FIELDS, EVIDENCE_FILE_FIELD].map((f) => `body.${f}`));
  return isApiError(failure) && failure.errors.length > 0 && failure.errors.every((e) => shown.has(e.field));
}

function emptyValues(): Record<TextField, string> {
  return { title: '', description: '', collectedOn: '', validFrom: '', validUntil: '', ownerId: '' };
}
