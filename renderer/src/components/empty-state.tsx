// First-time guidance for a page with nothing to show yet: what it is for and the next step.
import type { ReactNode } from 'react';
import { Icon, type IconName } from './icons';

export function EmptyState(props: { icon: IconName; title: string; body: string; children?: ReactNode; testId?: string }) {
  return (
    <section className="empty" data-testid={props.testId ?? 'empty-state'}>
      <div className="empty-icon">
        <Icon name={props.icon} size={22} />
      </div>
      <h2 className="empty-title">{props.title}</h2>
      <p className="empty-body">{props.body}</p>
      {props.children ? <div className="empty-actions">{props.children}</div> : null}
    </section>
  );
}
