import { useCallback, useMemo, useReducer, useRef, type ChangeEvent, type FormEvent, type RefObject } from 'react';
import type { z } from 'zod';
import { useT } from '../i18n/i18n.js';
import { zodFieldErrors } from '../lib/form-errors.js';
import {
  classifySubmitError,
  formReducer,
  initialFormState,
  isDirty,
  type FieldErrors,
  type FormFailure,
} from './form-state.js';

export interface UseFormOptions<V, B, R> {
  /** the values the form starts from */
  initial: V;
  /** the body sent for these values (trimmed, empty strings dropped, only what changed…) */
  toBody: (values: V) => B;
  /** the Zod schema the server validates the body with (from src/schema): checked before anything is sent */
  schema?: z.ZodType | undefined;
  /** checks the schema cannot express (two fields together, a confirmation); merged with the schema's messages */
  check?: ((values: V, body: B) => FieldErrors) | undefined;
  /** maps the schema's issues to the form's field names when they are not the body's top-level keys */
  clientErrors?: ((error: z.ZodError, values: V) => FieldErrors) | undefined;
  /** maps a server error's field messages to the form's field names (default: `body.x` → `x`) */
  serverErrors?: ((error: unknown, values: V) => FieldErrors) | undefined;
  /** sends the body (a mutation); a rejection is shown on the form */
  submit: (body: B, values: V) => Promise<R>;
  onSuccess?: ((result: R, values: V) => void | Promise<void>) | undefined;
  /** the fields shown (server messages on others go to the form-level message); default: the keys of `initial` */
  fields?: readonly string[] | ((values: V) => Iterable<string>) | undefined;
  /** fields shown besides `fields` that cannot be listed ahead (a draft's data sections) */
  showsField?: ((name: string, values: V) => boolean) | undefined;
  /** the form sends the version it read: a bare 409 conflict is then a stale version */
  versioned?: boolean | undefined;
  /** what "reload" does after a stale conflict; default: reload the page */
  reload?: (() => void) | undefined;
  /** start again from `initial` after a success (forms that stay on screen to add another) */
  resetOnSuccess?: boolean | undefined;
}

/** The keys of the values that hold text (inputs, selects, textareas). */
export type TextKeys<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;

/** What a text control needs: spread onto TextField, TextArea, Select or DateField. */
export interface BoundField {
  value: string;
  error: string | undefined;
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => void;
}

export interface FormApi<V> {
  values: V;
  errors: FieldErrors;
  failure: FormFailure | null;
  stale: boolean;
  submitting: boolean;
  dirty: boolean;
  /** set one field (its error is cleared) */
  set: <K extends keyof V>(name: K, value: V[K]) => void;
  /** change several values at once (`clear`: the fields whose messages go) */
  update: (change: (values: V) => V, clear?: readonly string[]) => void;
  setErrors: (errors: FieldErrors) => void;
  /** value, error and onChange of a text field: `<TextField label=… {...form.field('name')} />` */
  field: <K extends TextKeys<V>>(name: K) => BoundField;
  /** the `onSubmit` of the form */
  handleSubmit: (event?: FormEvent) => void;
  /** back to these values (default: the initial ones), no errors */
  reset: (values?: V) => void;
  reload: () => void;
  /** the form element, for focusing the first invalid field */
  formRef: RefObject<HTMLFormElement | null>;
}

/**
 * The one form hook: values, client validation with the server's Zod schema, server field errors next to their
 * fields, a stale-version 409 shown one way (see FormFailureMessage), any other error for the whole form,
 * submission state guarded against a double submit, and dirty tracking. Render it with `<Form form={…}>`.
 */
export function useForm<V, B, R = unknown>(options: UseFormOptions<V, B, R>): FormApi<V> {
  const i18n = useT();
  const [state, dispatch] = useReducer(formReducer<V>, options.initial, initialFormState<V>);
  const formRef = useRef<HTMLFormElement>(null);
  const inFlight = useRef(false);
  // The latest options and values, read when a submission runs (callbacks stay stable across renders).
  const latest = useRef({ options, values: state.values });
  latest.current = { options, values: state.values };

  const focusFirstError = useCallback(() => {
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }, []);

  const run = useCallback(async () => {
    if (inFlight.current) return; // a second click while the first is on its way does nothing
    const { options: o, values } = latest.current;
    const body = o.toBody(values);
    let errors: FieldErrors = {};
    if (o.schema) {
      const parsed = o.schema.safeParse(body);
      if (!parsed.success)
        errors = o.clientErrors ? o.clientErrors(parsed.error, values) : zodFieldErrors(i18n, parsed.error);
    }
    errors = { ...(o.check?.(values, body) ?? {}), ...errors };
    if (Object.keys(errors).length > 0) {
      dispatch({ type: 'invalid', errors });
      focusFirstError();
      return;
    }
    inFlight.current = true;
    dispatch({ type: 'submit' });
    try {
      const result = await o.submit(body, values);
      if (o.resetOnSuccess) dispatch({ type: 'reset', values: o.initial });
      else dispatch({ type: 'succeeded' });
      await o.onSuccess?.(result, values);
    } catch (error) {
      const outcome = classifySubmitError(error, {
        fields: typeof o.fields === 'function' ? [...o.fields(values)] : (o.fields ?? Object.keys(o.initial as object)),
        shows: o.showsField ? (name) => o.showsField?.(name, values) === true : undefined,
        versioned: o.versioned,
        serverErrors: o.serverErrors ? (e) => o.serverErrors?.(e, values) ?? {} : undefined,
      });
      dispatch({ type: 'failed', ...outcome });
      if (Object.keys(outcome.errors).length > 0) focusFirstError();
    } finally {
      inFlight.current = false;
    }
  }, [i18n, focusFirstError]);

  const handleSubmit = useCallback(
    (event?: FormEvent) => {
      event?.preventDefault();
      void run();
    },
    [run],
  );

  const reload = useCallback(() => {
    const custom = latest.current.options.reload;
    if (custom) custom();
    else window.location.reload();
  }, []);

  return useMemo(
    () => ({
      values: state.values,
      errors: state.errors,
      failure: state.failure,
      stale: state.failure?.kind === 'stale',
      submitting: state.submitting,
      dirty: isDirty(state),
      set: (name, value) =>
        dispatch({ type: 'change', update: (v) => ({ ...v, [name]: value }), clear: [String(name)] }),
      update: (change, clear) => dispatch({ type: 'change', update: change, clear }),
      setErrors: (errors) => dispatch({ type: 'errors', errors }),
      field: (name) => ({
        value: String(state.values[name]),
        error: state.errors[name],
        onChange: (event) =>
          dispatch({ type: 'change', update: (v) => ({ ...v, [name]: event.target.value }), clear: [name] }),
      }),
      handleSubmit,
      reset: (values) => dispatch({ type: 'reset', values: values ?? latest.current.options.initial }),
      reload,
      formRef,
    }),
    [state, handleSubmit, reload],
  );
}
