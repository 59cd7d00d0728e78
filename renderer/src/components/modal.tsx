// Modal dialog on the native <dialog>: focus moves in, Tab is kept inside, Escape closes,
// and focus returns to where it was (useModalDialog).
import { useId, useRef, type ReactNode } from 'react';
import { BusyButton } from './busy-button';
import { Icon, type IconName } from './icons';
import { Spinner } from './spinner';
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

/** The main button of a dialog's footer. */
export interface ModalAction {
  label: string;
  testId: string;
  tone?: 'primary' | 'danger';
  icon?: IconName;
  /** Under way: a spinner, and activation ignored while focus stays on the button. */
  busy?: boolean;
  /** Not possible yet (nothing chosen, a field empty). */
  disabled?: boolean;
  /** Submits the form with this id (Enter in its fields does too) instead of `onClick`. */
  form?: string;
  onClick?: () => void;
}

/**
 * Cancel, then the dialog's action. `cancelFirst` gives Cancel the first focus, for dialogs where
 * the action loses or changes data.
 */
export function ModalFooter({ cancelLabel, onCancel, action, cancelFirst = false }: { cancelLabel: string; onCancel: () => void; action: ModalAction; cancelFirst?: boolean }) {
  const busy = action.busy ?? false;
  return (
    <>
      <button type="button" className="btn btn-secondary" data-autofocus={cancelFirst || undefined} onClick={onCancel}>
        {cancelLabel}
      </button>
      <BusyButton
        type={action.form ? 'submit' : 'button'}
        form={action.form}
        className={`btn btn-${action.tone ?? 'primary'}`}
        busy={busy}
        disabled={action.disabled}
        onClick={action.onClick}
        data-testid={action.testId}
      >
        {busy ? <Spinner size={14} /> : action.icon ? <Icon name={action.icon} size={15} /> : null}
        {action.label}
      </BusyButton>
    </>
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
      footer={<ModalFooter cancelLabel={props.cancelLabel} onCancel={props.onCancel} cancelFirst action={{ label: props.confirmLabel, tone: 'danger', testId: 'confirm-dialog-confirm', onClick: props.onConfirm }} />}
    >
      {props.body}
    </Modal>
  );
}
