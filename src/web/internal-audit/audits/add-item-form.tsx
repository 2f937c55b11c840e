import { addItemBodySchema } from '../../../schema/internal-audit/internal-audit.register.js';
import { clauseLabel, ISMS_REQUIREMENTS } from '../../../schema/internal-audit/isms-requirements.js';
import { useT } from '../../i18n/i18n.js';
import { Button } from '../../ui/button.js';
import { Select, TextField } from '../../ui/fields.js';
import { Form, FormFailureMessage } from '../../ui/form.js';
import { useForm } from '../../ui/use-form.js';
import { useChecklistMutations } from './audits-api.js';

/** An item the auditor adds: a question of their own, optionally under a 27001 requirement. */
export function AddItemForm({ org, id }: { org: string; id: string }) {
  const { t } = useT();
  const { add } = useChecklistMutations(org, id);
  const form = useForm({
    initial: { title: '', requirementKey: '' },
    schema: addItemBodySchema,
    toBody: (v) => ({ title: v.title.trim(), ...(v.requirementKey ? { requirementKey: v.requirementKey } : {}) }),
    submit: (body) => add.mutateAsync(body),
    resetOnSuccess: true,
  });
  return (
    <section className="card audit-card" aria-labelledby="add-item-title">
      <h2 id="add-item-title">{t('audits.checklist.addTitle')}</h2>
      <Form form={form} aria-labelledby="add-item-title" className="form add-item-form">
        <TextField label={t('audits.checklist.item')} required {...form.field('title')} />
        <Select label={t('audits.checklist.requirement')} {...form.field('requirementKey')}>
          <option value="">{t('common.none')}</option>
          {ISMS_REQUIREMENTS.map((q) => (
            <option key={q.key} value={q.key}>
              {`${clauseLabel(q.key)} ${q.text.slice(0, 80)}`}
            </option>
          ))}
        </Select>
        <FormFailureMessage form={form} />
        <div className="form__actions">
          <Button type="submit" busy={form.submitting}>
            {t('audits.checklist.add')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
