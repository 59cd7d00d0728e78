// Schema: compare a topic's messages with a collection's fields. Guides users until that exists.
import { EmptyState } from '../../components/empty-state';
import { Page } from '../../components/page';
import { useI18n } from '../../i18n/context';
import { useStores } from '../../stores/context';
import { NeedsConnections, useMissingConnections } from '../connections/needs-connections';

export function SchemaPage() {
  const { t } = useI18n();
  const { router } = useStores();
  const missing = useMissingConnections('both');
  return (
    <Page title={t('nav.schema')} description={t('schema.description')} testId="page-schema">
      {missing ? (
        <NeedsConnections need="both" testId="schema-empty" />
      ) : (
        <EmptyState icon="schema" title={t('schema.empty.title')} body={t('schema.empty.body')} testId="schema-empty">
          <button type="button" className="btn btn-secondary" onClick={() => router.getState().navigate({ page: 'pipelines' })}>
            {t('common.goPipelines')}
          </button>
        </EmptyState>
      )}
    </Page>
  );
}
