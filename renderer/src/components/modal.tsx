// Modal dialog on the native <dialog>: focus moves in, Tab is kept inside, Escape closes,
// and focus returns to where it was.
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

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

  function trapTab(e: KeyboardEvent<HTMLDialogElement>) {
    if (e.key !== 'Tab') return;
    const items = [...(ref.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  }

  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={titleId}
      data-testid={props.testId}
      onKeyDown={trapTab}
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
