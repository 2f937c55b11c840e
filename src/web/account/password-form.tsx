import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { passwordChangeSchema } from '../../schema/orgs/org.schema.js';
import { useT } from '../i18n/i18n.js';
import { api } from '../lib/api-client.js';
import { LiveMessage } from '../components/status.js';
import { Button } from '../ui/button.js';
import { TextField } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { useForm } from '../ui/use-form.js';
import { noAnswerSchema } from '../../schema/common/responses.js';

const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' };

/** Change your own password: the current one is required; the server signs out every other session. */
export function PasswordForm() {
  const { t } = useT();
  const [done, setDone] = useState(false);

  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.post('/api/v1/auth/password', body, noAnswerSchema),
  });

  const form = useForm({
    initial: EMPTY,
    schema: passwordChangeSchema,
    toBody: (v) => ({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
    check: (v): Record<string, string> =>
      v.confirmPassword !== v.newPassword ? { confirmPassword: t('account.mismatch') } : {},
    submit: (body) => change.mutateAsync(body),
    onSuccess: () => setDone(true),
    fields: ['currentPassword', 'newPassword'],
    resetOnSuccess: true,
  });
  const field = (name: keyof typeof EMPTY) => ({
    ...form.field(name),
    onChange: (e: { target: { value: string } }) => {
      setDone(false);
      form.set(name, e.target.value);
    },
  });

  return (
    <Form form={form} className="form card" aria-labelledby="password-title">
      <h2 id="password-title" className="card__title">
        {t('account.password')}
      </h2>
      <p className="muted">{t('account.passwordLead')}</p>
      <LiveMessage>{done ? t('account.changed') : null}</LiveMessage>
      <TextField
        label={t('account.currentPassword')}
        required
        type="password"
        autoComplete="current-password"
        {...field('currentPassword')}
      />
      <div className="form__grid">
        <TextField
          label={t('account.newPassword')}
          help={t('account.newPasswordHelp')}
          required
          type="password"
          autoComplete="new-password"
          {...field('newPassword')}
        />
        <TextField
          label={t('account.confirmPassword')}
          required
          type="password"
          autoComplete="new-password"
          {...field('confirmPassword')}
        />
      </div>
      <FormFailureMessage form={form} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={form.submitting}>
          {form.submitting ? t('account.submitting') : t('account.submit')}
        </Button>
      </div>
    </Form>
  );
}
