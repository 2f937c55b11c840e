import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ROLES } from '../../schema/auth/roles.js';
import { invitationCreateSchema, type InvitationCreated } from '../../schema/orgs/invitation.schema.js';
import { useT } from '../i18n/i18n.js';
import { createInvitation } from '../lib/invitations.js';
import { InvitationLink } from './invitation-link.js';
import { Button } from '../ui/button.js';
import { Select, TextField } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { useForm } from '../ui/use-form.js';

const EMPTY = { email: '', role: 'contributor' };

/**
 * Invite someone by e-mail. The answer is the same whether or not the e-mail has an account; the person becomes a
 * member when they accept (on their home page, or through the link for someone new).
 */
export function AddMemberForm({ org, onInvited }: { org: string; onInvited: (email: string) => void }) {
  const { t, td } = useT();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<InvitationCreated | null>(null);

  const invite = useMutation({
    mutationFn: (body: { email: string; role: string }) => createInvitation(org, body),
    onSuccess: async (inv) => {
      await queryClient.invalidateQueries({ queryKey: ['org', org, 'invitations'] });
      setCreated(inv);
      onInvited(inv.email);
    },
  });
  const form = useForm({
    initial: EMPTY,
    schema: invitationCreateSchema,
    toBody: (v) => ({ email: v.email.trim(), role: v.role }),
    submit: (body) => invite.mutateAsync(body),
    resetOnSuccess: true,
  });

  if (created) return <InvitationLink invitation={created} onDone={() => setCreated(null)} />;
  return (
    <Form form={form} className="form card" aria-labelledby="add-member-title">
      <h2 id="add-member-title" className="card__title">
        {t('members.add')}
      </h2>
      <p className="muted">{t('members.addHelp')}</p>
      <div className="form__grid">
        <TextField label={t('members.email')} required type="email" autoComplete="off" {...form.field('email')} />
        <Select label={t('members.role')} required {...form.field('role')}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {td(`role.${r}`)}
            </option>
          ))}
        </Select>
      </div>
      <FormFailureMessage form={form} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={form.submitting}>
          {t('members.addSubmit')}
        </Button>
      </div>
    </Form>
  );
}
