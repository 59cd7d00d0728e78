// Empty state for pages that need saved connections first, with the way to add them.
import { EmptyState } from '../../components/empty-state';
import { useI18n } from '../../i18n/context';
import { useApp, useStores } from '../../stores/context';

export type Need = 'both' | 'kafka' | 'milvus';

export function useMissingConnections(need: Need): boolean {
  const profiles = useApp('connections', (s) => s.profiles);
  const hasKafka = profiles.some((p) => p.kind === 'kafka');
  const hasMilvus = profiles.some((p) => p.kind === 'milvus');
  return need === 'both' ? !(hasKafka && hasMilvus) : need === 'kafka' ? !hasKafka : !hasMilvus;
}

export function NeedsConnections({ need, testId }: { need: Need; testId: string }) {
  const { t } = useI18n();
  const { router } = useStores();
  const any = useApp('connections', (s) => s.profiles.length > 0);
  return (
    <EmptyState icon="plug" title={t(`needs.${need}.title`)} body={t(`needs.${need}.body`)} testId={testId}>
      <button
        type="button"
        className="btn btn-primary"
        data-testid="go-connections"
        onClick={() => router.getState().navigate(any ? { page: 'connections', view: 'list' } : { page: 'connections', view: 'wizard' })}
      >
        {t('needs.action')}
      </button>
    </EmptyState>
  );
}
