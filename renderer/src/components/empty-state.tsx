// First-time guidance for a page with nothing to show yet: what it is for and the next step.
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { Icon, type IconName } from './icons';

/** `focusTitle`: the title takes focus when shown (a step just finished and replaced the controls). */
export function EmptyState(props: { icon: IconName; title: string; body: string; children?: ReactNode; testId?: string; focusTitle?: boolean }) {
  const title = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    if (props.focusTitle) title.current?.focus();
  }, [props.focusTitle]);
  return (
    <section className="empty" data-testid={props.testId ?? 'empty-state'}>
      <div className="empty-icon">
        <Icon name={props.icon} size={22} />
      </div>
      <h2 className="empty-title" ref={title} tabIndex={props.focusTitle ? -1 : undefined}>
        {props.title}
      </h2>
      <p className="empty-body">{props.body}</p>
      {props.children ? <div className="empty-actions">{props.children}</div> : null}
    </section>
  );
}
