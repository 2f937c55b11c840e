import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ROLES } from '../../schema/auth/roles.js';
import { invitationCreateSchema, type InvitationCreated } from '../../schema/orgs/invitation.schema.js';
import { useT } from '../i18n/i18n.js';
import { createInvitation } from '../lib/invitations.js';
import { isFormLevelError, serverFieldErrors, zodFieldErrors } from '../lib/form-errors.js';
import { FormField } from '../components/form-field.js';
import { ErrorMessage } from '../components/status.js';
import { InvitationLink } from './invitation-link.js';

const EMPTY = { email: '', role: 'contributor' };

/**
 * Invite someone by e-mail. The answer is the same whether or not the e-mail has an account; the person becomes a
 * member when they accept (on their home page, or through the link for someone new).
 */
export function AddMemberForm({ org, onInvited }: { org: string; onInvited: (email: string) => void }) {
  const i18n = useT();
  const { t, td } = i18n;
  const queryClient = useQueryClient();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<InvitationCreated | null>(null);

  const invite = useMutation({
    mutationFn: (body: { email: string; role: string }) => createInvitation(org, body),
    onSuccess: async (inv) => {
      await queryClient.invalidateQueries({ queryKey: ['org', org, 'invitations'] });
      setValues(EMPTY);
      setCreated(inv);
      onInvited(inv.email);
    },
    onError: (e) => setErrors(serverFieldErrors(e)),
  });

  const set = (name: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { email: values.email.trim(), role: values.role };
    const parsed = invitationCreateSchema.safeParse(body);
    if (!parsed.success) {
      setErrors(zodFieldErrors(i18n, parsed.error));
      return;
    }
    setErrors({});
    invite.mutate(body);
  };

  if (created) return <InvitationLink invitation={created} onDone={() => setCreated(null)} />;
  return (
    <form className="form card" onSubmit={submit} noValidate aria-labelledby="add-member-title">
      <h2 id="add-member-title" className="card__title">
        {t('members.add')}
      </h2>
      <p className="muted">{t('members.addHelp')}</p>
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
      {invite.isError && isFormLevelError(invite.error, Object.keys(EMPTY)) ? (
        <ErrorMessage error={invite.error} />
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={invite.isPending}>
          {t('members.addSubmit')}
        </button>
      </div>
    </form>
  );
}
