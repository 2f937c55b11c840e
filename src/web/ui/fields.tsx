import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { CheckboxField, FormField } from './form-field.js';

/** What every labelled field takes besides its control's own attributes. */
interface FieldFrame {
  label: string;
  help?: string | undefined;
  error?: string | undefined;
  required?: boolean | undefined;
  /** the field's wrapper (e.g. `field--wide`) */
  fieldClassName?: string | undefined;
  /** shown under the control (a counter, a preview) */
  suffix?: ReactNode;
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'required'>;

/** A labelled text input (`type` may be email, password, url, number…). */
export function TextField({ label, help, error, required, fieldClassName, suffix, ...input }: FieldFrame & InputProps) {
  return (
    <FormField label={label} help={help} error={error} required={required} className={fieldClassName} suffix={suffix}>
      <input {...input} />
    </FormField>
  );
}

/** A labelled calendar day (YYYY-MM-DD). */
export function DateField(props: FieldFrame & Omit<InputProps, 'type'>) {
  return <TextField type="date" {...props} />;
}

/** A labelled multi-line text. */
export function TextArea({
  label,
  help,
  error,
  required,
  fieldClassName,
  suffix,
  ...textarea
}: FieldFrame & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'required'>) {
  return (
    <FormField label={label} help={help} error={error} required={required} className={fieldClassName} suffix={suffix}>
      <textarea {...textarea} />
    </FormField>
  );
}

/** A labelled choice from a list: pass the `<option>`s as children. */
export function Select({
  label,
  help,
  error,
  required,
  fieldClassName,
  suffix,
  children,
  ...select
}: FieldFrame & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'required'>) {
  return (
    <FormField label={label} help={help} error={error} required={required} className={fieldClassName} suffix={suffix}>
      <select {...select}>{children}</select>
    </FormField>
  );
}

/** A checkbox with its label after it. */
export function Checkbox({
  label,
  help,
  error,
  ...input
}: Omit<FieldFrame, 'required' | 'suffix' | 'fieldClassName'> & Omit<InputProps, 'type'>) {
  return (
    <CheckboxField label={label} help={help} error={error}>
      <input type="checkbox" {...input} />
    </CheckboxField>
  );
}
