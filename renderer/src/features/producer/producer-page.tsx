// Producer: send test records to a topic. Needs a Kafka connection first.
import { EmptyState } from '../../components/empty-state';
import { Page } from '../../components/page';
import { useI18n } from '../../i18n/context';
import { useStores } from '../../stores/context';
import { NeedsConnections, useMissingConnections } from '../connections/needs-connections';

export function ProducerPage() {
  const { t } = useI18n();
  const { router } = useStores();
  const missing = useMissingConnections('kafka');
  return (
    <Page title={t('nav.producer')} description={t('producer.description')} testId="page-producer">
      {missing ? (
        <NeedsConnections need="kafka" testId="producer-empty" />
      ) : (
        <EmptyState icon="send" title={t('producer.empty.title')} body={t('producer.empty.body')} testId="producer-empty">
          <button type="button" className="btn btn-secondary" onClick={() => router.getState().navigate({ page: 'pipelines' })}>
            {t('common.goPipelines')}
          </button>
        </EmptyState>
      )}
    </Page>
  );
}
