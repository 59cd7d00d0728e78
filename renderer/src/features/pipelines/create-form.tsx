// "New pipeline": source (Kafka profile + topics), target (Milvus profile + collection) and delivery
// (write mode, batch size, start position, dead-letter topic). Profiles saved last are preselected.
import { useEffect, useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { ProfileView } from '../../../../shared/domain';
import type { AppError } from '../../../../shared/errors';
import { BusyButton } from '../../components/busy-button';
import { SelectField, TextField } from '../../components/field';
import { Icon } from '../../components/icons';
import { Spinner } from '../../components/spinner';
import { useI18n } from '../../i18n/context';
import { useApp, useStores } from '../../stores/context';
import { ErrorPanel } from '../connections/error-panel';
import { DeliveryFields } from './delivery-fields';
import { formToSpec, initialForm, nextName, patchForm, validateForm, type FormProblem, type PipelineForm } from './form-model';
import { TopicPicker } from './topic-picker';

type Kafka = Extract<ProfileView, { kind: 'kafka' }>;
type Milvus = Extract<ProfileView, { kind: 'milvus' }>;

export function CreatePipelineForm({ onDone }: { onDone: (createdId?: string) => void }) {
  const { t, plural } = useI18n();
  const { pipelines, toasts } = useStores();
  const profiles = useApp('connections', (s) => s.profiles);
  const existing = useApp('pipelines', (s) => s.pipelines);
  const topics = useApp('pipelines', (s) => s.topics);
  const collections = useApp('pipelines', (s) => s.collections);
  const names = useMemo(() => existing.map((p) => p.spec.name), [existing]);
  const [form, setForm] = useState<PipelineForm>(() => initialForm(profiles, nextName(t('pipelines.form.defaultName'), names)));
  const [showErrors, setShowErrors] = useState(false);
  const [saving, setSaving] = useState<'create' | 'start' | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const kafka = profiles.find((p): p is Kafka => p.kind === 'kafka' && p.id === form.kafkaProfileId);
  const milvus = profiles.find((p): p is Milvus => p.kind === 'milvus' && p.id === form.milvusProfileId);
  const loadTopics = (force = false) => kafka && void pipelines.getState().loadTopics({ kafka: kafka.kafka, profileId: kafka.id }, force);
  const loadCollections = (force = false) => milvus && void pipelines.getState().loadCollections({ milvus: milvus.milvus, profileId: milvus.id }, force);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- reload only when the chosen profile changes
  useEffect(() => void loadTopics(), [kafka?.id]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- reload only when the chosen profile changes
  useEffect(() => void loadCollections(), [milvus?.id]);

  const set = (patch: Partial<PipelineForm>) => setForm((f) => patchForm(f, patch));
  const errors = validateForm(form, names);
  const err = (p: FormProblem | undefined) => (showErrors && p ? t(`pipelines.form.problem.${p}`) : undefined);
  const colList = milvus ? collections[milvus.id] : undefined;
  const colOptions = colList?.status === 'ok' ? colList.value : [];

  async function submit(startNow: boolean) {
    setShowErrors(true);
    if (Object.keys(errors).length) return;
    setSaving(startNow ? 'start' : 'create');
    setError(null);
    const { spec, startTimestampMs } = formToSpec(form);
    const st = pipelines.getState();
    const r = await st.create(spec);
    if (!r.ok) {
      setSaving(null);
      return setError(r.error);
    }
    const id = r.value.spec.id;
    const steps = [
      startTimestampMs === undefined ? null : () => st.resetOffsets(id, { kind: 'timestamp', timestampMs: startTimestampMs }),
      startNow ? () => st.act(id, 'start') : null,
    ];
    for (const step of steps) {
      const s = step && (await step());
      if (s && !s.ok) {
        setSaving(null);
        setError(s.error);
        return onDone(id);
      }
    }
    setSaving(null);
    toasts.getState().push(t(startNow ? 'pipelines.created.started' : 'pipelines.created', { name: spec.name }));
    onDone(id);
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit(true);
  };

  return (
    <form className="card form pipeline-form" onSubmit={onSubmit} noValidate data-testid="pipeline-form" aria-labelledby="pipeline-form-title">
      <h2 className="section-title form-title" id="pipeline-form-title">
        {t('pipelines.new')}
      </h2>
      {error ? <ErrorPanel error={error} testId="pipeline-form-error" /> : null}
      <div className="form-row">
        {/* Opened from "New pipeline", which gives way to the form: typing starts at the name. */}
        <TextField label={t('pipelines.form.name')} value={form.name} onValue={(name) => set({ name })} error={err(errors.name)} maxLength={120} autoFocus data-testid="pipeline-name" />
        <TextField label={t('pipelines.form.group')} value={form.groupId} onValue={(groupId) => set({ groupId })} error={err(errors.groupId)} hint={t('pipelines.form.group.hint')} mono maxLength={255} data-testid="pipeline-group" />
      </div>
      <EndpointSection kind="kafka" title={t('pipelines.form.source')}>
        <SelectField
          label={t('pipelines.form.kafkaProfile')}
          value={form.kafkaProfileId}
          onValue={(kafkaProfileId) => set({ kafkaProfileId })}
          options={[{ value: '', label: t('pipelines.form.choose') }, ...profiles.filter((p) => p.kind === 'kafka').map((p) => ({ value: p.id, label: p.name }))]}
          error={err(errors.kafkaProfileId)}
          data-testid="pipeline-kafka-profile"
        />
        <TopicPicker list={kafka ? topics[kafka.id] : undefined} value={form.topics} onChange={(v) => set({ topics: v })} onRefresh={() => loadTopics(true)} error={err(errors.topics)} />
      </EndpointSection>
      <EndpointSection kind="milvus" title={t('pipelines.form.target')}>
        <div className="form-row">
          <SelectField
            label={t('pipelines.form.milvusProfile')}
            value={form.milvusProfileId}
            onValue={(milvusProfileId) => set({ milvusProfileId })}
            options={[{ value: '', label: t('pipelines.form.choose') }, ...profiles.filter((p) => p.kind === 'milvus').map((p) => ({ value: p.id, label: p.name }))]}
            error={err(errors.milvusProfileId)}
            data-testid="pipeline-milvus-profile"
          />
          <div className="field-with-action">
            <SelectField
              label={t('pipelines.form.collection')}
              value={form.collection}
              onValue={(collection) => set({ collection })}
              options={[
                { value: '', label: colList?.status === 'loading' ? t('common.loading') : t('pipelines.form.choose') },
                ...colOptions.map((c) => ({ value: c.name, label: c.rowCount === undefined ? c.name : plural('schema.collection.option', c.rowCount, { name: c.name }) })),
              ]}
              error={err(errors.collection)}
              hint={colList?.status === 'ok' && colOptions.length === 0 ? t('pipelines.form.noCollections') : undefined}
              data-testid="pipeline-collection"
            />
            <button type="button" className="icon-btn" onClick={() => loadCollections(true)} aria-label={t('pipelines.form.refreshCollections')} title={t('pipelines.form.refresh')}>
              <Icon name="refresh" size={15} />
            </button>
          </div>
        </div>
        {colList?.status === 'error' ? <ErrorPanel error={colList.error} testId="collections-error" /> : null}
      </EndpointSection>
      <DeliveryFields form={form} set={set} err={err} errors={errors} />
      <div className="form-actions">
        <BusyButton type="button" className="btn btn-ghost" onClick={() => onDone()} busy={saving !== null} data-testid="pipeline-cancel">
          {t('common.cancel')}
        </BusyButton>
        <BusyButton type="button" className="btn btn-secondary" onClick={() => void submit(false)} busy={saving !== null} data-testid="pipeline-create">
          {saving === 'create' ? <Spinner size={14} /> : null}
          {t('pipelines.form.create')}
        </BusyButton>
        <BusyButton type="submit" className="btn btn-primary" busy={saving !== null} data-testid="pipeline-create-start">
          {saving === 'start' ? <Spinner size={14} /> : <Icon name="zap" size={15} />}
          {t('pipelines.form.createStart')}
        </BusyButton>
      </div>
    </form>
  );
}

/** The form's source or target part, titled with the service's icon. */
function EndpointSection({ kind, title, children }: { kind: 'kafka' | 'milvus'; title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="form-section" aria-labelledby={id}>
      <h3 className="form-section-title" id={id}>
        <span className={`kind-icon kind-${kind}`}>
          <Icon name={kind} size={14} />
        </span>
        {title}
      </h3>
      {children}
    </section>
  );
}
