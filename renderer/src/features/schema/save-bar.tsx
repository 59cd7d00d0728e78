// Keep what was decided here: save the mapping into the pipeline it came from, or create a new
// pipeline from these choices (engine defaults, a group of its own, DLQ "<topic>-dlq").
import { useId, useState } from 'react';
import type { AppError } from '../../../../shared/errors';
import { TextField } from '../../components/field';
import { Icon } from '../../components/icons';
import { Modal, ModalFooter } from '../../components/modal';
import { Spinner } from '../../components/spinner';
import { useI18n } from '../../i18n/context';
import { useApp, useStores } from '../../stores/context';
import { ErrorPanel } from '../connections/error-panel';
import { deadLetterTopicFor, defaultPipelineName } from './pipeline-draft';

export function SaveBar() {
  const { t } = useI18n();
  const stores = useStores();
  const pipelineId = useApp('schema', (s) => s.pipelineId);
  const dirty = useApp('schema', (s) => s.dirty);
  const pipeline = useApp('pipelines', (s) => s.pipelines.find((p) => p.spec.id === pipelineId) ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [creating, setCreating] = useState(false);

  async function save() {
    if (!pipeline) return;
    setBusy(true);
    setError(null);
    const r = await stores.schema.getState().savePipeline(pipeline);
    setBusy(false);
    if (!r.ok) return setError(r.error);
    void stores.pipelines.getState().load();
    stores.toasts.getState().push(t('schema.save.saved', { name: r.value.spec.name }));
  }

  return (
    <section className="schema-save" aria-label={t('schema.save.label')} data-testid="schema-save">
      <div className="schema-save-text">
        {pipeline ? (
          <>
            <Icon name="pipeline" size={15} />
            <span>{t('schema.save.attached', { name: pipeline.spec.name })}</span>
            <span className={dirty ? 'schema-dirty' : 'muted'}>{dirty ? t('schema.save.unsaved') : t('schema.save.clean')}</span>
          </>
        ) : (
          <span className="muted">{t('schema.save.none')}</span>
        )}
      </div>
      <div className="schema-save-actions">
        <button type="button" className="btn btn-secondary" onClick={() => setCreating(true)} data-testid="schema-new-pipeline">
          <Icon name="plus" size={14} />
          {t('schema.save.create')}
        </button>
        {pipeline ? (
          <button type="button" className="btn btn-primary" disabled={busy || !dirty} onClick={() => void save()} data-testid="schema-save-pipeline">
            {busy ? <Spinner size={14} /> : null}
            {t('schema.save.save')}
          </button>
        ) : null}
      </div>
      {error ? <ErrorPanel error={error} testId="schema-save-error" /> : null}
      <CreatePipelineDialog open={creating} onClose={() => setCreating(false)} />
    </section>
  );
}

function CreatePipelineDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const stores = useStores();
  const formId = useId();
  const choices = stores.schema.getState().choices();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const suggested = choices ? defaultPipelineName(choices) : '';

  async function submit() {
    setBusy(true);
    setError(null);
    const r = await stores.schema.getState().createPipeline(name || suggested);
    setBusy(false);
    if (!r.ok) return setError(r.error);
    await stores.pipelines.getState().load();
    stores.toasts.getState().push(t('schema.save.created', { name: r.value.spec.name }));
    setName('');
    onClose();
  }

  return (
    <Modal
      open={open}
      title={t('schema.save.createTitle')}
      onClose={onClose}
      testId="schema-create-pipeline"
      footer={
        <ModalFooter cancelLabel={t('common.cancel')} onCancel={onClose} action={{ label: t('schema.save.createButton'), testId: 'schema-create-pipeline-submit', form: formId, busy, disabled: !choices }} />
      }
    >
      <form
        id={formId}
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <TextField label={t('schema.save.name')} value={name} placeholder={suggested} onValue={setName} maxLength={255} data-testid="schema-pipeline-name" />
        {choices ? (
          <dl className="kv compact">
            <div className="kv-item">
              <dt>{t('schema.save.route')}</dt>
              <dd className="mono">
                {choices.topic} → {choices.collection}
              </dd>
            </div>
            <div className="kv-item">
              <dt>{t('schema.save.dlq')}</dt>
              <dd className="mono">{deadLetterTopicFor(choices.topic)}</dd>
            </div>
          </dl>
        ) : null}
        <p className="small">{t('schema.save.defaults')}</p>
        {error ? <ErrorPanel error={error} testId="schema-create-pipeline-error" /> : null}
      </form>
    </Modal>
  );
}
