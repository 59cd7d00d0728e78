// Keyboard focus helpers shared by every page and dialog: what can take focus, Tab kept inside a
// container, and a rescue for focus that would otherwise fall to <body> when the focused control
// disappears (a button replaced by its next state, a form that closes, a card that is deleted).

export const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/** Focusable elements inside `container`, in document order, leaving out hidden ones. */
export function focusables(container: ParentNode): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.checkVisibility({ visibilityProperty: true }) && !el.closest('[inert]'));
}

/**
 * Keeps Tab inside `container`: past the last focusable element it wraps to the first, and back.
 * A modal <dialog> makes the page inert, but Tab would still leave it for the browser's own UI.
 */
export function trapTab(e: { key: string; shiftKey: boolean; preventDefault(): void }, container: HTMLElement | null): void {
  if (e.key !== 'Tab' || !container) return;
  const items = focusables(container);
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) {
    e.preventDefault();
    return;
  }
  const active = document.activeElement;
  if (e.shiftKey && (active === first || !container.contains(active))) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (active === last || !container.contains(active))) {
    e.preventDefault();
    first.focus();
  }
}

const lostFocus = (doc: Document): boolean => doc.activeElement === null || doc.activeElement === doc.body;
const usable = (el: HTMLElement): boolean => el.isConnected && !el.matches(':disabled') && el.checkVisibility();

/**
 * When the focused element is removed, disabled or hidden, the browser moves focus to <body> and
 * the next Tab starts again from the top of the page. Instead, focus goes to the first focusable
 * element of the nearest container that is still on screen (the buttons of a pipeline's next state,
 * the rest of a card, the page). Code that moves focus on purpose in the same turn wins: the rescue
 * only acts when nothing has focus afterwards. Returns a function that uninstalls it.
 */
export function installFocusRescue(doc: Document): () => void {
  let path: HTMLElement[] = [];
  const onFocusIn = (e: FocusEvent) => {
    path = [];
    for (let el = e.target instanceof HTMLElement ? e.target : null; el && el !== doc.body; el = el.parentElement) path.push(el);
  };
  const rescue = () => {
    const [lost, ...ancestors] = path;
    if (!lost || usable(lost) || !lostFocus(doc)) return;
    for (const container of ancestors) {
      if (!container.isConnected) continue;
      const target = focusables(container)[0] ?? (container.tabIndex === -1 && container.hasAttribute('tabindex') ? container : undefined);
      if (target) return target.focus();
    }
  };
  const onFocusOut = (e: FocusEvent) => {
    // relatedTarget is null when focus goes nowhere (also when the window loses focus: then the
    // element is still usable and nothing happens).
    if (e.relatedTarget === null) setTimeout(rescue, 0);
  };
  doc.addEventListener('focusin', onFocusIn);
  doc.addEventListener('focusout', onFocusOut);
  return () => {
    doc.removeEventListener('focusin', onFocusIn);
    doc.removeEventListener('focusout', onFocusOut);
  };
}
