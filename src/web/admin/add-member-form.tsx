import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ROLES } from '../../schema/auth/roles.js';
import { memberAddSchema } from '../../schema/orgs/org.schema.js';
import { useT } from '../i18n/i18n.js';
import { api, orgPath } from '../lib/api-client.js';
import type { Member } from '../lib/api-types.js';
import { isFormLevelError, serverFieldErrors, zodFieldErrors } from '../lib/form-errors.js';
import { FormField } from '../components/form-field.js';
import { ErrorMessage } from '../components/status.js';

const EMPTY = { email: '', role: 'contributor', name: '', password: '' };

/** Add an existing user by email, or create the user (then name and an initial password are needed). */
export function AddMemberForm({ org, onAdded }: { org: string; onAdded: (m: Member) => void }) {
  const i18n = useT();
  const { t, td } = i18n;
  const queryClient = useQueryClient();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const add = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<Member>(orgPath(org, '/members'), body),
    onSuccess: async (m) => {
      await queryClient.invalidateQueries({ queryKey: ['org', org, 'members'] });
      setValues(EMPTY);
      onAdded(m);
    },
    onError: (e) => setErrors(serverFieldErrors(e)),
  });

  const set = (name: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      email: values.email.trim(),
      role: values.role,
      name: values.name.trim() || undefined,
      password: values.password || undefined,
    };
    const parsed = memberAddSchema.safeParse(body);
    if (!parsed.success) {
      setErrors(zodFieldErrors(i18n, parsed.error));
      return;
    }
    setErrors({});
    add.mutate(body);
  };

  return (
    <form className="form card" onSubmit={submit} noValidate aria-labelledby="add-member-title">
      <h2 id="add-member-title" className="card__title">
        {t('members.add')}
      </h2>
      <div className="form__grid">
        <FormField label={t('members.email')} error={errors.email} required>
          <input type="email" autoComplete="off" value={values.email} onChange={set('email')} />
        </FormField>
        <FormField label={t('members.role')} error={errors.role} required>
          <select value={values.role} onChange={set('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {td(`role.${r}`)}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      <fieldset className="fieldset--subtle">
        <legend>{t('members.newUser')}</legend>
        <p className="muted">{t('members.newUserHelp')}</p>
        <div className="form__grid">
          <FormField label={t('members.name')} error={errors.name}>
            <input autoComplete="off" value={values.name} onChange={set('name')} />
          </FormField>
          <FormField label={t('members.password')} help={t('members.passwordHelp')} error={errors.password}>
            <input type="password" autoComplete="new-password" value={values.password} onChange={set('password')} />
          </FormField>
        </div>
      </fieldset>
      {add.isError && isFormLevelError(add.error, Object.keys(EMPTY)) ? <ErrorMessage error={add.error} /> : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={add.isPending}>
          {t('members.addSubmit')}
        </button>
      </div>
    </form>
  );
}
