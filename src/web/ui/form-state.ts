import { isApiError } from '../lib/api-client.js';

/**
 * The pure logic of `useForm` (use-form.ts): what a failed submission means for the form, and the form's state
 * transitions. Kept free of React so it is unit-tested without a browser.
 */

export type FieldErrors = Record<string, string>;

/** Why the last submission failed, when it is not (only) messages next to fields. */
export type FormFailure =
  | { kind: 'stale' } // someone else changed the record: one message and a reload action, everywhere
  | { kind: 'error'; error: unknown }; // anything else, shown for the whole form

/**
 * Fields a client sends to say which version it read. A 409 naming one of them is a stale-version conflict, whatever
 * the route (registers use `expectedVersion`, drafts `baseVersion`/`baseContentHash`, approvals `contentHash`,
 * acceptance `treatmentVersion`).
 */
export const VERSION_FIELDS: ReadonlySet<string> = new Set([
  'expectedVersion',
  'baseVersion',
  'baseContentHash',
  'contentHash',
  'treatmentVersion',
]);

/**
 * True when the error says the record changed since it was read. A 409 that names a version field is stale on any
 * form; a bare `conflict` 409 (no field named) is stale on a form that sent a version (`versioned`), since that is
 * the conflict such a form meets. A 409 naming a field of the form (a slug already taken) is not: it belongs there.
 */
export function isStaleConflict(error: unknown, versioned = false): boolean {
  if (!isApiError(error) || error.status !== 409) return false;
  const fields = Object.keys(error.fieldErrors());
  if (fields.some((name) => VERSION_FIELDS.has(name))) return true;
  return versioned && error.kind === 'conflict' && fields.length === 0;
}

export interface ClassifyOptions {
  /** the fields shown on the form: server errors on them go next to them, others to the form-level message */
  fields: readonly string[];
  /** also shown: fields the form cannot list ahead (anything inside a draft's data section) */
  shows?: ((name: string) => boolean) | undefined;
  /** the form sends the version it read (an edit of a versioned record) */
  versioned?: boolean | undefined;
  /** maps server field errors to the form's own names (e.g. `content.scope` paths); defaults to `body.x` → `x` */
  serverErrors?: ((error: unknown) => FieldErrors) | undefined;
}

/**
 * A submission's error, split into messages next to fields and one form-level failure. Every field error the form
 * shows is kept; when none of the server's messages has a field here (or some have none), the whole error is shown
 * above the buttons as well, so nothing the server said is lost.
 */
export function classifySubmitError(
  error: unknown,
  { fields, shows, versioned, serverErrors }: ClassifyOptions,
): { errors: FieldErrors; failure: FormFailure | null } {
  if (isStaleConflict(error, versioned)) return { errors: {}, failure: { kind: 'stale' } };
  const all = serverErrors ? serverErrors(error) : isApiError(error) ? error.fieldErrors() : {};
  const shown = new Set(fields);
  const errors = Object.fromEntries(Object.entries(all).filter(([name]) => shown.has(name) || shows?.(name) === true));
  const placed = Object.keys(errors).length;
  const unplaced = placed === 0 || placed < Object.keys(all).length;
  return { errors, failure: unplaced ? { kind: 'error', error } : null };
}

/** Structural equality of form values (strings, numbers, booleans, arrays and plain objects), for dirty tracking. */
export function sameValues(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && sameValues(Reflect.get(a, k), Reflect.get(b, k)));
}

export interface FormState<V> {
  values: V;
  /** the values the form started from (or was last reset to); `dirty` compares against them */
  initial: V;
  errors: FieldErrors;
  failure: FormFailure | null;
  submitting: boolean;
}

export type FormAction<V> =
  | { type: 'change'; update: (values: V) => V; clear?: readonly string[] | undefined }
  | { type: 'errors'; errors: FieldErrors }
  | { type: 'submit' }
  | { type: 'invalid'; errors: FieldErrors }
  | { type: 'failed'; errors: FieldErrors; failure: FormFailure | null }
  | { type: 'succeeded' }
  | { type: 'reset'; values: V };

export function initialFormState<V>(values: V): FormState<V> {
  return { values, initial: values, errors: {}, failure: null, submitting: false };
}

export function formReducer<V>(state: FormState<V>, action: FormAction<V>): FormState<V> {
  switch (action.type) {
    case 'change': {
      // An edited field loses its message; the next submission checks again.
      const errors = action.clear?.some((name) => state.errors[name] !== undefined)
        ? Object.fromEntries(Object.entries(state.errors).filter(([name]) => !action.clear?.includes(name)))
        : state.errors;
      return { ...state, values: action.update(state.values), errors };
    }
    case 'errors':
      return { ...state, errors: action.errors };
    case 'submit':
      return { ...state, submitting: true, failure: null };
    case 'invalid':
      return { ...state, submitting: false, errors: action.errors, failure: null };
    case 'failed':
      return { ...state, submitting: false, errors: action.errors, failure: action.failure };
    case 'succeeded':
      // What was saved is the new starting point: the form is no longer dirty.
      return { ...state, submitting: false, errors: {}, failure: null, initial: state.values };
    case 'reset':
      return initialFormState(action.values);
  }
}

export function isDirty<V>(state: FormState<V>): boolean {
  return !sameValues(state.values, state.initial);
}
