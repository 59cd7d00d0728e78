// Pipelines: what is configured and its live state, with create, start/pause/resume/stop, duplicate,
// offset reset and delete. Guides first-time users to connections first.
import { useState } from 'react';
import type { PipelineView } from '../../../../shared/contract';
import type { AppError } from '../../../../shared/errors';
import { EmptyState } from '../../components/empty-state';
import { Icon } from '../../components/icons';
import { ConfirmDialog } from '../../components/modal';
import { Page } from '../../components/page';
import { useI18n } from '../../i18n/context';
import { useApp, useStores } from '../../stores/context';
import { ErrorPanel } from '../connections/error-panel';
import { NeedsConnections, useMissingConnections } from '../connections/needs-connections';
import { CreatePipelineForm } from './create-form';
import { PipelineCard } from './pipeline-card';
import { ResetOffsetsDialog } from './reset-dialog';
import './pipelines.css';

export function PipelinesPage() {
  const { t } = useI18n();
  const { router, pipelines: store, monitor, toasts } = useStores();
  const missing = useMissingConnections('both');
  const pipelines = useApp('pipelines', (s) => s.pipelines);
  const loadError = useApp('pipelines', (s) => s.error);
  const [creating, setCreating] = useState(false);
  const [toDelete, setToDelete] = useState<PipelineView | null>(null);
  const [toReset, setToReset] = useState<PipelineView | null>(null);
  // The pipeline just created: its card takes focus once the form gives way.
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const openMonitor = (v: PipelineView) => {
    monitor.getState().select(v.spec.id);
    router.getState().navigate({ page: 'monitor' });
  };
  async function duplicate(v: PipelineView) {
    const r = await store.getState().duplicate(v.spec.id);
    if (r.ok) toasts.getState().push(t('pipelines.duplicated', { name: r.value.spec.name }));
    else setError(r.error);
  }
  async function confirmDelete() {
    const v = toDelete;
    setToDelete(null);
    if (!v) return;
    const r = await store.getState().remove(v.spec.id);
    if (r.ok) {
      monitor.getState().forget(v.spec.id);
      toasts.getState().push(t('pipelines.deleted', { name: v.spec.name }));
    } else setError(r.error);
  }

  let body;
  if (pipelines.length > 0) {
    body = (
      <ul className="pipeline-list" aria-label={t('nav.pipelines')}>
        {pipelines.map((view) => (
          <PipelineCard key={view.spec.id} view={view} focus={view.spec.id === created} onMonitor={openMonitor} onDuplicate={(v) => void duplicate(v)} onReset={setToReset} onDelete={setToDelete} onError={setError} />
        ))}
      </ul>
    );
  } else if (missing) {
    body = <NeedsConnections need="both" testId="pipelines-empty" />;
  } else if (!creating) {
    body = (
      <EmptyState icon="pipeline" title={t('pipelines.empty.title')} body={t('pipelines.empty.body')} testId="pipelines-empty">
        <button type="button" className="btn btn-primary" onClick={() => setCreating(true)} data-testid="pipelines-empty-new">
          <Icon name="plus" size={15} />
          {t('pipelines.new')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={() => router.getState().navigate({ page: 'connections', view: 'list' })}>
          {t('pipelines.empty.connections')}
        </button>
      </EmptyState>
    );
  }

  return (
    <Page
      title={t('nav.pipelines')}
      description={t('pipelines.description')}
      testId="page-pipelines"
      actions={
        !missing && !creating ? (
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)} data-testid="new-pipeline">
            <Icon name="plus" size={15} />
            {t('pipelines.new')}
          </button>
        ) : null
      }
    >
      {(error ?? loadError) ? <ErrorPanel error={(error ?? loadError) as AppError} testId="pipelines-error" /> : null}
      {creating ? (
        <CreatePipelineForm
          onDone={(id) => {
            setCreating(false);
            setCreated(id ?? null);
          }}
        />
      ) : null}
      {body}
      <ConfirmDialog
        open={toDelete !== null}
        title={t('pipelines.delete.title', { name: toDelete?.spec.name ?? '' })}
        body={<p>{t(toDelete && !['idle', 'stopped', 'failed'].includes(toDelete.status.state) ? 'pipelines.delete.bodyRunning' : 'pipelines.delete.body')}</p>}
        confirmLabel={t('common.delete')}
        cancelLabel={t('common.cancel')}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setToDelete(null)}
        testId="delete-pipeline-dialog"
      />
      {toReset ? <ResetOffsetsDialog view={toReset} onClose={() => setToReset(null)} /> : null}
    </Page>
  );
}
