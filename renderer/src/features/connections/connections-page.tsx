// Connections: saved Kafka and Milvus profiles, with edit, duplicate, delete, import and export.
import { useState } from 'react';
import type { ProfileView } from '../../../../shared/domain';
import type { AppError } from '../../../../shared/errors';
import { EmptyState } from '../../components/empty-state';
import { Icon } from '../../components/icons';
import { ConfirmDialog } from '../../components/modal';
import { Page } from '../../components/page';
import { useI18n } from '../../i18n/context';
import { useApp, useStores } from '../../stores/context';
import { ErrorPanel } from './error-panel';
import { ProfileGroup } from './profile-list';
import { ExportDialog, ImportButton } from './transfer';

export function ConnectionsPage() {
  const { t } = useI18n();
  const { connections, router, toasts } = useStores();
  const profiles = useApp('connections', (s) => s.profiles);
  const loadError = useApp('connections', (s) => s.error);
  const [toDelete, setToDelete] = useState<ProfileView | null>(null);
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const openWizard = () => router.getState().navigate({ page: 'connections', view: 'wizard' });

  async function duplicate(p: ProfileView) {
    const r = await connections.getState().duplicate(p.id);
    if (r.ok) toasts.getState().push(t('profiles.duplicated', { name: r.value.name }));
    else setError(r.error);
  }

  async function confirmDelete() {
    const p = toDelete;
    setToDelete(null);
    if (!p) return;
    const r = await connections.getState().remove(p.id);
    if (r.ok) toasts.getState().push(t('profiles.deleted', { name: p.name }));
    else setError(r.error);
  }

  return (
    <Page
      title={t('nav.connections')}
      description={t('connections.description')}
      testId="page-connections"
      actions={
        <>
          <ImportButton onError={setError} />
          <button type="button" className="btn btn-secondary" onClick={() => setExporting(true)} disabled={profiles.length === 0} data-testid="export-button">
            <Icon name="download" size={15} />
            {t('transfer.export')}
          </button>
          <button type="button" className="btn btn-primary" onClick={openWizard} data-testid="new-connection">
            <Icon name="plus" size={15} />
            {t('connections.new')}
          </button>
        </>
      }
    >
      {error ?? loadError ? <ErrorPanel error={(error ?? loadError) as AppError} testId="connections-error" /> : null}
      {profiles.length === 0 ? (
        <EmptyState icon="plug" title={t('connections.empty.title')} body={t('connections.empty.body')} testId="connections-empty">
          <button type="button" className="btn btn-primary" onClick={openWizard}>
            {t('connections.empty.action')}
          </button>
        </EmptyState>
      ) : (
        <div className="profile-groups">
          {(['kafka', 'milvus'] as const).map((kind) => (
            <ProfileGroup
              key={kind}
              kind={kind}
              profiles={profiles}
              onEdit={(p) => router.getState().navigate({ page: 'connections', view: 'edit', id: p.id })}
              onDuplicate={(p) => void duplicate(p)}
              onDelete={setToDelete}
            />
          ))}
        </div>
      )}
      <ConfirmDialog
        open={toDelete !== null}
        title={t('profiles.delete.title', { name: toDelete?.name ?? '' })}
        body={<p>{t('profiles.delete.body')}</p>}
        confirmLabel={t('common.delete')}
        cancelLabel={t('common.cancel')}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setToDelete(null)}
        testId="delete-dialog"
      />
      <ExportDialog open={exporting} onClose={() => setExporting(false)} onError={setError} />
    </Page>
  );
}
