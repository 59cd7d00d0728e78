// A button whose action is under way. It is not `disabled`, which would drop keyboard focus (and a
// screen reader's place) to the top of the page: it says aria-disabled and ignores activation
// until the action ends, then works again where the user left it.
import type { ButtonHTMLAttributes } from 'react';

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { busy: boolean; type: 'button' | 'submit' };

export function BusyButton({ busy, onClick, ...rest }: Props) {
  return (
    <button
      {...rest}
      aria-disabled={busy || undefined}
      onClick={(e) => {
        // preventDefault also keeps a busy submit button from submitting its form again
        if (busy) e.preventDefault();
        else onClick?.(e);
      }}
    />
  );
}
