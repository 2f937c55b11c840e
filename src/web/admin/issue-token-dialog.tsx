import { tokenCreateSchema, type CreatedToken } from '../../schema/orgs/org.schema.js';
import type { AutomationAccount } from '../../schema/orgs/automation.schema.js';
import { useT } from '../i18n/i18n.js';
import { Button } from '../ui/button.js';
import { Dialog } from '../ui/dialog.js';
import { DateField, TextField } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { useForm } from '../ui/use-form.js';
import { useIssueAutomationToken } from './automation-api.js';

/**
 * Issuing a token for an automation account: its name and optional expiry, as for one's own token. The secret goes
 * back to the page, which shows it once (TokenSecret) after the dialog closes.
 */
export function IssueTokenDialog({
  org,
  account,
  onClose,
  onIssued,
}: {
  org: string;
  /** the account the token is for; none: the dialog is closed */
  account: AutomationAccount | null;
  onClose: () => void;
  onIssued: (token: CreatedToken) => void;
}) {
  const { t } = useT();
  return (
    <Dialog open={account !== null} onClose={onClose} title={t('automation.issueFor', { name: account?.name ?? '' })}>
      {account ? <IssueTokenForm org={org} account={account} onClose={onClose} onIssued={onIssued} /> : null}
    </Dialog>
  );
}

function IssueTokenForm({
  org,
  account,
  onClose,
  onIssued,
}: {
  org: string;
  account: AutomationAccount;
  onClose: () => void;
  onIssued: (token: CreatedToken) => void;
}) {
  const { t } = useT();
  const issue = useIssueAutomationToken(org);
  const form = useForm({
    initial: { name: '', expiresAt: '' },
    schema: tokenCreateSchema,
    toBody: (v) => ({ name: v.name.trim(), expiresAt: v.expiresAt || undefined }),
    submit: (body) => issue.mutateAsync({ userId: account.userId, body }),
    onSuccess: (token) => onIssued(token),
  });
  return (
    <Form form={form} className="form">
      <p className="muted">{t('automation.issueHelp', { name: account.name })}</p>
      <TextField label={t('tokens.name')} help={t('tokens.nameHelp')} required {...form.field('name')} />
      <DateField label={t('tokens.expiresAt')} help={t('tokens.expiresHelp')} {...form.field('expiresAt')} />
      <FormFailureMessage form={form} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={form.submitting}>
          {t('automation.issueSubmit')}
        </Button>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
      </div>
    </Form>
  );
}
