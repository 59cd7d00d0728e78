// Modal dialog on the native <dialog>: focus moves in, Tab is kept inside, Escape closes,
// and focus returns to where it was.
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Keeps Tab inside `container`: past the last focusable element it wraps to the first, and back.
 * A modal <dialog> makes the page inert, but Tab would still leave it for the browser's own UI.
 */
export function trapTab(e: KeyboardEvent<HTMLElement>, container: HTMLElement | null): void {
  if (e.key !== 'Tab' || !container) return;
  const items = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  if (e.shiftKey && (active === first || !container.contains(active))) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (active === last || !container.contains(active))) {
    e.preventDefault();
    first.focus();
  }
}

export function Modal(props: { open: boolean; title: string; onClose: () => void; children: ReactNode; footer: ReactNode; testId?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (props.open && !d.open) {
      const before = document.activeElement as HTMLElement | null;
      d.showModal();
      // Prefer the element marked data-autofocus (e.g. "Cancel" for destructive dialogs).
      (d.querySelector<HTMLElement>('[data-autofocus]') ?? d.querySelector<HTMLElement>(FOCUSABLE))?.focus();
      return () => {
        if (d.open) d.close();
        before?.focus();
      };
    }
    return undefined;
  }, [props.open]);

  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={titleId}
      data-testid={props.testId}
      onKeyDown={(e) => trapTab(e, ref.current)}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
    >
      {props.open ? (
        <>
          <h2 className="modal-title" id={titleId}>
            {props.title}
          </h2>
          <div className="modal-body">{props.children}</div>
          <div className="modal-footer">{props.footer}</div>
        </>
      ) : null}
    </dialog>
  );
}

export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
}) {
  return (
    <Modal
      open={props.open}
      title={props.title}
      onClose={props.onCancel}
      testId={props.testId ?? 'confirm-dialog'}
      footer={
        <>
          <button type="button" className="btn btn-secondary" data-autofocus onClick={props.onCancel}>
            {props.cancelLabel}
          </button>
          <button type="button" className="btn btn-danger" data-testid="confirm-dialog-confirm" onClick={props.onConfirm}>
            {props.confirmLabel}
          </button>
        </>
      }
    >
      {props.body}
    </Modal>
  );
}
