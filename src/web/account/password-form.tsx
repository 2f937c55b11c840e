import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { passwordChangeSchema } from '../../schema/orgs/org.schema.js';
import { useT } from '../i18n/i18n.js';
import { api } from '../lib/api-client.js';
import { isFormLevelError, serverFieldErrors, zodFieldErrors } from '../lib/form-errors.js';
import { FormField } from '../components/form-field.js';
import { ErrorMessage, LiveMessage } from '../components/status.js';
import { noAnswerSchema } from '../../schema/common/responses.js';

const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' };

/** Change your own password: the current one is required; the server signs out every other session. */
export function PasswordForm() {
  const i18n = useT();
  const { t } = i18n;
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);

  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.post('/api/v1/auth/password', body, noAnswerSchema),
    onSuccess: () => {
      setValues(EMPTY);
      setDone(true);
    },
    onError: (e) => setErrors(serverFieldErrors(e)),
  });

  const set = (name: keyof typeof EMPTY) => (e: { target: { value: string } }) => {
    setDone(false);
    setValues((v) => ({ ...v, [name]: e.target.value }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { currentPassword: values.currentPassword, newPassword: values.newPassword };
    const parsed = passwordChangeSchema.safeParse(body);
    const found = parsed.success ? {} : zodFieldErrors(i18n, parsed.error);
    if (values.confirmPassword !== values.newPassword) found.confirmPassword = t('account.mismatch');
    setErrors(found);
    if (Object.keys(found).length) return;
    change.mutate(body);
  };

  return (
    <form className="form card" onSubmit={submit} noValidate aria-labelledby="password-title">
      <h2 id="password-title" className="card__title">
        {t('account.password')}
      </h2>
      <p className="muted">{t('account.passwordLead')}</p>
      <LiveMessage>{done ? t('account.changed') : null}</LiveMessage>
      <FormField label={t('account.currentPassword')} error={errors.currentPassword} required>
        <input
          type="password"
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={set('currentPassword')}
        />
      </FormField>
      <div className="form__grid">
        <FormField
          label={t('account.newPassword')}
          help={t('account.newPasswordHelp')}
          error={errors.newPassword}
          required
        >
          <input type="password" autoComplete="new-password" value={values.newPassword} onChange={set('newPassword')} />
        </FormField>
        <FormField label={t('account.confirmPassword')} error={errors.confirmPassword} required>
          <input
            type="password"
            autoComplete="new-password"
            value={values.confirmPassword}
            onChange={set('confirmPassword')}
          />
        </FormField>
      </div>
      {change.isError && isFormLevelError(change.error, ['currentPassword', 'newPassword']) ? (
        <ErrorMessage error={change.error} />
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={change.isPending}>
          {change.isPending ? t('account.submitting') : t('account.submit')}
        </button>
      </div>
    </form>
  );
}
