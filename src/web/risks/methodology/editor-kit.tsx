import {
  useId,
  type InputHTMLAttributes,
  type SelectHTMLAttributes,
  type ReactNode,
  type TextareaHTMLAttributes,
} from 'react';
import type { WorkingMethodology } from './methodology-model.js';

/** What every part of the methodology editor gets: the working copy, a way to change it, and its messages. */
export interface EditorKit {
  w: WorkingMethodology;
  update: (change: (w: WorkingMethodology) => WorkingMethodology) => void;
  /** the message for a control key (see methodology-errors.ts) */
  err: (key: string) => string | undefined;
  /** the control was edited: its message no longer applies */
  edited: (key: string) => void;
}

interface Labelled {
  /** the accessible name: a table cell's control names its column and row */
  label: string;
  error?: string | undefined;
}

/** A control inside a table cell: named by aria-label, its message below it and wired to aria-describedby. */
function WithError({ error, id, children }: { error?: string | undefined; id: string; children: ReactNode }) {
  return (
    <>
      {children}
      {error ? (
        <p className="field__error" id={id}>
          {error}
        </p>
      ) : null}
    </>
  );
}

export function CellInput({ label, error, ...rest }: Labelled & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <WithError error={error} id={`${id}-error`}>
      <input
        {...rest}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
    </WithError>
  );
}

export function CellTextarea({ label, error, ...rest }: Labelled & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <WithError error={error} id={`${id}-error`}>
      <textarea
        {...rest}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
    </WithError>
  );
}

export function CellSelect({ label, error, children, ...rest }: Labelled & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <WithError error={error} id={`${id}-error`}>
      <select
        {...rest}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {children}
      </select>
    </WithError>
  );
}

/** A message for a whole group (a scale's number of levels, the matrix's size): shown above the group. */
export function GroupError({ message }: { message: string | undefined }) {
  return message ? <p className="field__error mx-group-error">{message}</p> : null;
}

/** Moves focus, after React has rendered, to the element matched inside `root` (new row, the add button…). */
export function focusLater(root: HTMLElement | null, selector: string) {
  requestAnimationFrame(() => root?.querySelector<HTMLElement>(selector)?.focus());
}
