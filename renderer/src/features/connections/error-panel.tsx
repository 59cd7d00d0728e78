// A typed error as people need it: what went wrong (translated), what to try, and the raw detail.
import type { AppError } from '../../../../shared/errors';
import { Icon } from '../../components/icons';
import { describeError } from '../../i18n/describe-error';
import { useI18n } from '../../i18n/context';

export function ErrorPanel({ error, testId }: { error: AppError; testId?: string }) {
  const i18n = useI18n();
  const view = describeError(error, i18n);
  return (
    <div className="callout tone-danger error-panel" data-testid={testId} data-code={error.code}>
      <Icon name="error" size={16} />
      <div className="error-panel-body">
        <p className="error-title">{view.title}</p>
        <p className="error-hint">{view.hint}</p>
        {view.detail ? (
          <details className="details">
            <summary>{i18n.t('common.details')}</summary>
            <pre>{view.detail}</pre>
          </details>
        ) : null}
      </div>
    </div>
  );
}
