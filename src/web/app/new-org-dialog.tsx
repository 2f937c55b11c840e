import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { orgCreateSchema } from '../../schema/orgs/org.schema.js';
import { api } from '../lib/api-client.js';
import { sessionQuery } from '../lib/session.js';
import { useT } from '../i18n/i18n.js';
import { Button } from '../ui/button.js';
import { Dialog } from '../ui/dialog.js';
import { TextField } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { useForm } from '../ui/use-form.js';
import { orgSummarySchema } from '../../schema/orgs/session.schema.js';

/** Superadmins create organizations (tenants); the creator becomes their admin. A modal dialog. */
export function NewOrgDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useT();
  return (
    <Dialog open={open} onClose={onClose} title={t('newOrg.title')} titleId="new-org-title">
      <NewOrgForm onClose={onClose} />
    </Dialog>
  );
}

/** Mounted only while the dialog is open: each opening starts empty. */
function NewOrgForm({ onClose }: { onClose: () => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const mutation = useMutation({
    mutationFn: (body: { name: string; slug?: string | undefined }) => api.post('/api/v1/orgs', body, orgSummarySchema),
    onSuccess: async (org) => {
      await queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });
      onClose();
      await navigate({ to: '/o/$org', params: { org: org.slug } });
    },
  });
  const form = useForm({
    initial: { name: '', slug: '' },
    schema: orgCreateSchema,
    toBody: (v) => ({ name: v.name, slug: v.slug.trim() || undefined }),
    submit: (body) => mutation.mutateAsync(body),
  });

  return (
    <Form form={form} className="form">
      <p className="muted">{t('newOrg.intro')}</p>
      <TextField label={t('newOrg.name')} required autoFocus {...form.field('name')} />
      <TextField label={t('newOrg.slug')} help={t('newOrg.slugHelp')} {...form.field('slug')} />
      <FormFailureMessage form={form} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={form.submitting}>
          {t('newOrg.submit')}
        </Button>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
      </div>
    </Form>
  );
}
