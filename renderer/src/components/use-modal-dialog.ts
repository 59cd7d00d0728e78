// One behaviour for every modal <dialog> of the app: opened with showModal() (the page behind is
// inert), focus moved in (to [data-autofocus] if there is one), Tab kept inside, and on closing
// focus handed back to the control that opened it. Escape comes as the dialog's cancel event,
// which the caller turns into its own close action.
import { useLayoutEffect, type KeyboardEvent, type RefObject } from 'react';
import { focusables, trapTab } from './focus';

export function useModalDialog(ref: RefObject<HTMLDialogElement | null>, open: boolean): { onKeyDown: (e: KeyboardEvent<HTMLDialogElement>) => void } {
  useLayoutEffect(() => {
    const d = ref.current;
    if (!d || !open || d.open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    d.showModal();
    (d.querySelector<HTMLElement>('[data-autofocus]') ?? focusables(d)[0] ?? d).focus();
    return () => {
      if (d.open) d.close();
      // An opener that went away meanwhile is replaced by the focus rescue (see focus.ts).
      if (opener?.isConnected) opener.focus();
    };
  }, [ref, open]);
  return { onKeyDown: (e) => trapTab(e, ref.current) };
}
