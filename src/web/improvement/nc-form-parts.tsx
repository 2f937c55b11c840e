import { useQueryClient } from '@tanstack/react-query';
import { nonconformityRegister } from '../../schema/improvement/nonconformity.register.js';
import { useT } from '../i18n/i18n.js';
import { Button } from '../ui/button.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import type { FormApi } from '../ui/use-form.js';

/** After a stale answer (409 on the version): read the record again, the form starts over from what is current. */
export function useReloadNc(org: string, id: string) {
  const queryClient = useQueryClient();
  return () =>
    void queryClient.invalidateQueries({ queryKey: ['org', org, nonconformityRegister.collection, 'record', id] });
}

/** A step's form: its fields, why it failed (a stale version says so once, with a reload), its submit button. */
export function StepForm<V>({
  form,
  title,
  submitLabel,
  children,
}: {
  form: FormApi<V>;
  title: string;
  submitLabel: string;
  children: React.ReactNode;
}) {
  const { t } = useT();
  return (
    <Form form={form} className="form step-card__form" aria-label={title}>
      <div className="form__grid">{children}</div>
      <FormFailureMessage form={form} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={form.submitting}>
          {form.submitting ? t('form.saving') : submitLabel}
        </Button>
      </div>
    </Form>
  );
}
