import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { EVIDENCE_ACCEPT, extensionOf, fileTypeOfExtension } from '../../schema/evidence/evidence-types.js';
import {
  EVIDENCE_FILE_FIELD,
  evidenceUploadFieldsSchema,
  type EvidenceUploadFields,
} from '../../schema/evidence/evidence.schema.js';
import { useT } from '../i18n/i18n.js';
import { useMembers } from '../lib/members.js';
import { useSession } from '../lib/session.js';
import { formatBytes, uploadEvidence, useUploadPolicy, type UploadResult } from './evidence-api.js';
import { Button } from '../ui/button.js';
import { Dialog } from '../ui/dialog.js';
import { DateField, Select, TextArea, TextField } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import type { FieldErrors } from '../ui/form-state.js';
import { useForm } from '../ui/use-form.js';

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
const DATES = ['collectedOn', 'validFrom', 'validUntil'] as const;
type Phase = 'idle' | 'sending' | 'storing';
type UploadValues = Record<(typeof TEXT_FIELDS)[number], string> & { file: File | null };

/** Chooses a file, describes it, and uploads it with a progress bar; the server checks everything again. */
export function UploadDialog({ org, open, onClose, onUploaded, attachTo, supersedes }: Props) {
  const { t } = useT();
  const heading = supersedes
    ? t('evidence.dialog.titleSupersede', { ref: supersedes.ref })
    : attachTo
      ? t('evidence.dialog.titleFor', { ref: attachTo.ref })
      : t('evidence.dialog.title');
  // the form exists only while the dialog is open: each opening starts from a blank form
  return (
    <Dialog open={open} onClose={onClose} title={heading} titleId="evidence-upload-title" wide>
      <UploadForm org={org} onCancel={onClose} onUploaded={onUploaded} attachTo={attachTo} supersedes={supersedes} />
    </Dialog>
  );
}

function UploadForm({
  org,
  onCancel,
  onUploaded,
  attachTo,
  supersedes,
}: Omit<Props, 'open' | 'onClose'> & { onCancel: () => void }) {
  const i18n = useT();
  const { t } = i18n;
  const queryClient = useQueryClient();
  const session = useSession();
  const members = useMembers(org).data?.items ?? [];
  const policy = useUploadPolicy(org).data;
  const maxBytes = policy?.maxBytes ?? 25 * 1024 * 1024;
  const size = formatBytes(i18n, maxBytes);
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState(0);
  const abort = useRef<AbortController | null>(null);
  // closing the dialog (Cancel, Escape) stops an upload on its way
  useEffect(() => () => abort.current?.abort(), []);

  /** What is wrong with the chosen file, said as soon as it is chosen. */
  const fileProblem = (f: File | null): string | undefined =>
    !f
      ? undefined
      : !fileTypeOfExtension(extensionOf(f.name))
        ? t('evidence.dialog.wrongType')
        : f.size > maxBytes
          ? t('evidence.dialog.tooLarge', { size })
          : undefined;

  const initial: UploadValues = {
    title: supersedes?.title ?? '',
    description: '',
    collectedOn: '',
    validFrom: '',
    validUntil: '',
    ownerId: session?.user.id ?? '',
    file: null,
  };
  const form = useForm({
    initial,
    schema: evidenceUploadFieldsSchema,
    // the text parts of the multipart body (empty ones left out); the file goes beside them in `submit`
    toBody: (v): EvidenceUploadFields => {
      const body: EvidenceUploadFields = { title: v.title };
      for (const name of TEXT_FIELDS) if (v[name].trim()) body[name] = v[name];
      if (attachTo) {
        body.attachToType = attachTo.type;
        body.attachToId = attachTo.id;
      }
      if (supersedes) body.supersedes = supersedes.id;
      return body;
    },
    check: (v): FieldErrors => {
      const problem = v.file ? fileProblem(v.file) : t('evidence.dialog.noFile');
      return problem ? { [EVIDENCE_FILE_FIELD]: problem } : {};
    },
    submit: async (body, v) => {
      const parts = new FormData();
      for (const [name, value] of Object.entries(body)) if (value !== undefined) parts.append(name, value);
      if (v.file) parts.append(EVIDENCE_FILE_FIELD, v.file, v.file.name);
      setPhase('sending');
      setProgress(0);
      abort.current = new AbortController();
      try {
        const result = await uploadEvidence(
          org,
          parts,
          session?.csrfToken ?? undefined,
          (f) => {
            setProgress(f);
            if (f >= 1) setPhase('storing');
          },
          abort.current.signal,
        );
        await queryClient.invalidateQueries({ queryKey: ['org', org, 'evidence'] });
        await queryClient.invalidateQueries({ queryKey: ['org', org, 'links'] });
        return result;
      } finally {
        setPhase('idle');
      }
    },
    onSuccess: onUploaded,
    fields: [...TEXT_FIELDS, EVIDENCE_FILE_FIELD],
  });
  const { values } = form;
  const chosenProblem = fileProblem(values.file);

  const choose = (f: File | null) =>
    // a title from the file name, until someone writes one
    form.update(
      (v) => ({
        ...v,
        file: f,
        title:
          f && !v.title.trim()
            ? f.name
                .replace(/\.[^.]+$/, '')
                .replace(/[_-]+/g, ' ')
                .trim()
            : v.title,
      }),
      [EVIDENCE_FILE_FIELD, 'title'],
    );

  const busy = form.submitting;
  return (
    <Form form={form} className="form" aria-busy={busy}>
      <p>{t('evidence.dialog.intro', { size })}</p>
      {supersedes ? (
        <p className="alert alert--info">{t('evidence.dialog.supersedeIntro', { ref: supersedes.ref })}</p>
      ) : null}
      <TextField
        label={t('evidence.dialog.file')}
        required
        error={chosenProblem ?? form.errors[EVIDENCE_FILE_FIELD]}
        type="file"
        accept={EVIDENCE_ACCEPT}
        disabled={busy}
        onChange={(e) => choose(e.target.files?.[0] ?? null)}
      />
      {values.file && !chosenProblem ? (
        <p className="muted evidence-upload__file">{`${values.file.name} · ${formatBytes(i18n, values.file.size)}`}</p>
      ) : null}
      <TextField
        label={t('evidence.field.title')}
        help={t('evidence.help.title')}
        required
        type="text"
        maxLength={200}
        disabled={busy}
        {...form.field('title')}
      />
      <TextArea
        label={t('evidence.field.description')}
        help={t('evidence.help.description')}
        rows={3}
        disabled={busy}
        {...form.field('description')}
      />
      <div className="form__grid">
        {DATES.map((name) => (
          <DateField
            key={name}
            label={t(`evidence.field.${name}`)}
            help={t(`evidence.help.${name}`)}
            disabled={busy}
            {...form.field(name)}
          />
        ))}
        <Select
          label={t('evidence.field.owner')}
          help={t('evidence.help.owner')}
          disabled={busy}
          {...form.field('ownerId')}
        >
          <option value="">{t('common.nobody')}</option>
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name || m.email}
            </option>
          ))}
        </Select>
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
      <FormFailureMessage form={form} />
      <div className="form__actions">
        <Button type="submit" variant="primary" disabled={busy || !values.file || Boolean(chosenProblem)}>
          {t('evidence.dialog.submit')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </Form>
  );
}
