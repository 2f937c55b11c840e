import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { orgCreateSchema } from '../../schema/orgs/org.schema.js';
import { api } from '../lib/api-client.js';
import { sessionQuery } from '../lib/session.js';
import { isFormLevelError, serverFieldErrors, zodFieldErrors } from '../lib/form-errors.js';
import { useT } from '../i18n/i18n.js';
import { FormField } from '../components/form-field.js';
import { ErrorMessage } from '../components/status.js';
import { orgSummarySchema } from '../../schema/orgs/session.schema.js';

/** Superadmins create organizations (tenants); the creator becomes their admin. A native modal dialog. */
export function NewOrgDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const i18n = useT();
  const { t } = i18n;
  const ref = useRef<HTMLDialogElement>(null);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const mutation = useMutation({
    mutationFn: (body: { name: string; slug?: string }) => api.post('/api/v1/orgs', body, orgSummarySchema),
    onSuccess: async (org) => {
      await queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });
      setName('');
      setSlug('');
      onClose();
      await navigate({ to: '/o/$org', params: { org: org.slug } });
    },
    onError: (e) => setErrors(serverFieldErrors(e)),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = { name, slug: slug.trim() || undefined };
    const parsed = orgCreateSchema.safeParse(body);
    if (!parsed.success) {
      setErrors(zodFieldErrors(i18n, parsed.error));
      return;
    }
    setErrors({});
    mutation.mutate(body);
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="new-org-title" onClose={onClose}>
      {/* Content only while open: a closed dialog holds no stray form fields. */}
      {open ? (
        <form className="form" onSubmit={onSubmit} noValidate>
          <h2 id="new-org-title">{t('newOrg.title')}</h2>
          <p className="muted">{t('newOrg.intro')}</p>
          <FormField label={t('newOrg.name')} error={errors.name} required>
            <input value={name} onChange={(e) => setName(e.target.value)} autoFocus />
          </FormField>
          <FormField label={t('newOrg.slug')} help={t('newOrg.slugHelp')} error={errors.slug}>
            <input value={slug} onChange={(e) => setSlug(e.target.value)} />
          </FormField>
          {mutation.isError && isFormLevelError(mutation.error, ['name', 'slug']) ? (
            <ErrorMessage error={mutation.error} />
          ) : null}
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={mutation.isPending}>
              {t('newOrg.submit')}
            </button>
            <button type="button" className="button button--secondary" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
