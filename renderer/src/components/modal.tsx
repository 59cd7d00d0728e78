// Modal dialog on the native <dialog>: focus moves in, Tab is kept inside, Escape closes,
// and focus returns to where it was (useModalDialog).
import { useId, useRef, type ReactNode } from 'react';
import { useModalDialog } from './use-modal-dialog';

export function Modal(props: { open: boolean; title: string; onClose: () => void; children: ReactNode; footer: ReactNode; testId?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { onKeyDown } = useModalDialog(ref, props.open);

  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={titleId}
      data-testid={props.testId}
      onKeyDown={onKeyDown}
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
