// Page frame: title, optional description and actions, then content. The title takes focus when
// the page is opened from another one (see useRouteFocus).
import type { ReactNode } from 'react';

export function Page(props: { title: string; description?: ReactNode; actions?: ReactNode; children: ReactNode; testId: string; narrow?: boolean }) {
  return (
    <div className={props.narrow ? 'page page-narrow' : 'page'} data-testid={props.testId}>
      <header className="page-header">
        <div>
          <h1 className="page-title" tabIndex={-1}>
            {props.title}
          </h1>
          {props.description ? <p className="page-description">{props.description}</p> : null}
        </div>
        {props.actions ? <div className="page-actions">{props.actions}</div> : null}
      </header>
      {props.children}
    </div>
  );
}
