import { ROLES } from '../../schema/auth/roles.js';
import { automationAccountCreateSchema, type AutomationAccount } from '../../schema/orgs/automation.schema.js';
import { useT } from '../i18n/i18n.js';
import { Button } from '../ui/button.js';
import { Select, TextField } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { useForm } from '../ui/use-form.js';
import { useCreateAutomationAccount } from './automation-api.js';

/** Every role but administrator: a script holding a token never manages members or tokens (the server says so too). */
const AUTOMATION_ROLES = ROLES.filter((r) => r !== 'admin');

/** "Add an automation account": a name and a role; the account then appears in the list, ready for a token. */
export function AddAutomationAccountForm({
  org,
  onAdded,
}: {
  org: string;
  onAdded: (account: AutomationAccount) => void;
}) {
  const { t, td } = useT();
  const create = useCreateAutomationAccount(org);
  const form = useForm({
    initial: { name: '', role: 'contributor' },
    schema: automationAccountCreateSchema,
    toBody: (v) => ({ name: v.name.trim(), role: v.role }),
    submit: (body) => create.mutateAsync(automationAccountCreateSchema.parse(body)),
    onSuccess: (account) => onAdded(account),
    resetOnSuccess: true,
  });
  return (
    <Form form={form} className="form card" aria-labelledby="add-automation-title">
      <h2 id="add-automation-title" className="card__title">
        {t('automation.add')}
      </h2>
      <p className="muted">{t('automation.addHelp')}</p>
      <div className="form__grid">
        <TextField label={t('automation.name')} required autoComplete="off" maxLength={200} {...form.field('name')} />
        <Select label={t('automation.role')} required {...form.field('role')}>
          {AUTOMATION_ROLES.map((r) => (
            <option key={r} value={r}>
              {td(`role.${r}`)}
            </option>
          ))}
        </Select>
      </div>
      <FormFailureMessage form={form} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={form.submitting}>
          {t('automation.addSubmit')}
        </Button>
      </div>
    </Form>
  );
}
