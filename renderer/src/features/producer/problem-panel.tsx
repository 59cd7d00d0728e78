// Errors of producer actions: the cases people hit here (message too large, unknown topic or
// partition, missing collection, rejected filter) get their own words; the rest the app's panel.
import type { AppError } from '../../../../shared/errors';
import { Icon } from '../../components/icons';
import { useI18n } from '../../i18n/context';
import type { MessageKey } from '../../i18n/i18n';
import { ErrorPanel } from '../connections/error-panel';

type Pair = [MessageKey, MessageKey];

function specific(error: AppError): Pair | null {
  if (error.where === 'value' && error.code === 'validation') return ['producer.error.tooLarge', 'producer.error.tooLarge.hint'];
  if (error.where === 'topic' && error.code === 'not_found') return ['producer.error.topic', 'producer.error.topic.hint'];
  if (error.where === 'partition') return ['producer.error.partition', 'producer.error.partition.hint'];
  if (error.where === 'collection' && error.code === 'not_found') return ['producer.error.collection', 'producer.error.collection.hint'];
  if (error.where === 'receiptId') return ['producer.error.receipt', 'producer.error.receipt.hint'];
  if (error.where === 'filter') return ['producer.error.filter', 'producer.error.filter.hint'];
  return null;
}

export function ProblemPanel({ error, testId }: { error: AppError; testId?: string }) {
  const { t } = useI18n();
  const keys = specific(error);
  if (!keys) return <ErrorPanel error={error} testId={testId} />;
  return (
    <div className="callout tone-danger error-panel" data-testid={testId} data-code={error.code} role="alert">
      <Icon name="error" size={16} />
      <div className="error-panel-body">
        <p className="error-title">{t(keys[0])}</p>
        <p className="error-hint">{t(keys[1])}</p>
        <details className="details">
          <summary>{t('common.details')}</summary>
          <pre>{error.message}</pre>
        </details>
      </div>
    </div>
  );
}
