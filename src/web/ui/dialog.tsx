import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  open: boolean;
  /** Escape, the close button of a form, a click on an action: the parent sets `open` to false */
  onClose: () => void;
  /** the heading the dialog is labelled by */
  title: ReactNode;
  /** the id of the heading, when something else refers to it */
  titleId?: string;
  /** an element inside that describes the dialog (aria-describedby) */
  describedBy?: string;
  wide?: boolean;
  className?: string;
  /** the actions under the content (buttons), when the content is not a form that holds its own */
  footer?: ReactNode;
  children?: ReactNode;
}

/**
 * A modal dialog on the native `<dialog>` (showModal: focus trapped, Escape closes, the rest inert), labelled by its
 * title. Its content exists only while it is open, so a closed dialog holds no stray fields, and closing gives focus
 * back to what opened it.
 */
export function Dialog({ open, onClose, title, titleId, describedBy, wide, className, footer, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const ownId = useId();
  const headingId = titleId ?? `${ownId}-title`;

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      d.showModal();
    }
    if (!open && d.open) d.close();
  }, [open]);

  useEffect(() => {
    if (open) return;
    const back = opener.current;
    opener.current = null;
    if (back?.isConnected) back.focus();
  }, [open]);

  const classes = ['dialog', wide ? 'dialog--wide' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <dialog ref={ref} className={classes} aria-labelledby={headingId} aria-describedby={describedBy} onClose={onClose}>
      {open ? (
        <>
          <h2 id={headingId}>{title}</h2>
          {children}
          {footer ? <div className="form__actions dialog__footer">{footer}</div> : null}
        </>
      ) : null}
    </dialog>
  );
}
