import type { FormHTMLAttributes } from 'react';
import { useT } from '../i18n/i18n.js';
import { ErrorMessage } from '../components/status.js';
import { Button } from './button.js';
import type { FormApi } from './use-form.js';

interface FormProps<V> extends Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'noValidate'> {
  /** the state of `useForm`: a form on the page is always one of the hook's */
  form: FormApi<V>;
}

/** The `<form>` of a `useForm`: submits through the hook; the browser's own validation bubbles are off (ours speak). */
export function Form<V>({ form, children, ...rest }: FormProps<V>) {
  return (
    <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate {...rest}>
      {children}
    </form>
  );
}

/**
 * Why the last submission failed, for the whole form: a stale version (someone else saved first) says so with a
 * reload action, the same on every form; any other error in words.
 */
export function FormFailureMessage<V>({ form, reloadLabel }: { form: FormApi<V>; reloadLabel?: string }) {
  const { t } = useT();
  if (!form.failure) return null;
  if (form.failure.kind === 'error') return <ErrorMessage error={form.failure.error} />;
  return (
    <div className="alert alert--error" role="alert">
      <p>{t('form.stale')}</p>
      <Button variant="primary" onClick={form.reload}>
        {reloadLabel ?? t('form.reload')}
      </Button>
    </div>
  );
}
