// Pipelines: what is configured and its live state. Guides first-time users to connections first.
import { EmptyState } from '../../components/empty-state';
import { Icon } from '../../components/icons';
import { Page } from '../../components/page';
import { useI18n } from '../../i18n/context';
import { useApp, useStores } from '../../stores/context';
import { NeedsConnections, useMissingConnections } from '../connections/needs-connections';
import { PipelineStateChip } from './state-chip';

export function PipelinesPage() {
  const { t } = useI18n();
  const { router } = useStores();
  const missing = useMissingConnections('both');
  const pipelines = useApp('pipelines', (s) => s.pipelines);

  let body;
  if (pipelines.length > 0) {
    body = (
      <ul className="pipeline-list">
        {pipelines.map(({ spec, status }) => (
          <li key={spec.id} className="card pipeline-card" data-testid={`pipeline-${spec.id}`}>
            <div className="pipeline-head">
              <h2>{spec.name}</h2>
              <PipelineStateChip state={status.state} cause={status.cause} />
            </div>
            <p className="pipeline-route mono">
              {status.topics.join(', ')} <Icon name="arrowRight" size={13} /> {status.collection}
            </p>
            {status.cause ? <p className="muted small">{status.cause}</p> : null}
          </li>
        ))}
      </ul>
    );
  } else if (missing) {
    body = <NeedsConnections need="both" testId="pipelines-empty" />;
  } else {
    body = (
      <EmptyState icon="pipeline" title={t('pipelines.empty.title')} body={t('pipelines.empty.body')} testId="pipelines-empty">
        <button type="button" className="btn btn-secondary" onClick={() => router.getState().navigate({ page: 'connections', view: 'list' })}>
          {t('pipelines.empty.connections')}
        </button>
      </EmptyState>
    );
  }
  return (
    <Page title={t('nav.pipelines')} description={t('pipelines.description')} testId="page-pipelines">
      {body}
    </Page>
  );
}
