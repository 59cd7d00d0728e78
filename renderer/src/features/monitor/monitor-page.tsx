// Monitor: live throughput, lag and latency of running pipelines.
import { EmptyState } from '../../components/empty-state';
import { Page } from '../../components/page';
import { useI18n } from '../../i18n/context';
import { useStores } from '../../stores/context';
import { NeedsConnections, useMissingConnections } from '../connections/needs-connections';

export function MonitorPage() {
  const { t } = useI18n();
  const { router } = useStores();
  const missing = useMissingConnections('both');
  return (
    <Page title={t('nav.monitor')} description={t('monitor.description')} testId="page-monitor">
      {missing ? (
        <NeedsConnections need="both" testId="monitor-empty" />
      ) : (
        <EmptyState icon="chart" title={t('monitor.empty.title')} body={t('monitor.empty.body')} testId="monitor-empty">
          <button type="button" className="btn btn-secondary" onClick={() => router.getState().navigate({ page: 'pipelines' })}>
            {t('common.goPipelines')}
          </button>
        </EmptyState>
      )}
    </Page>
  );
}
