// On a change of page, focus goes to the new page's title, so keyboard users go on from the top
// of the page they asked for (not from a link or button that is no longer there) and screen
// readers say where they are. Not on the first load, and never out of an open dialog.
import { useLayoutEffect, useRef } from 'react';
import type { Route } from '../stores/router-store';

export function useRouteFocus(route: Route): void {
  const first = useRef(true);
  useLayoutEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (document.querySelector('dialog[open]')) return;
    document.querySelector<HTMLElement>('#main h1')?.focus();
  }, [route]);
}
